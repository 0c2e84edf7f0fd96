import { SqliteEventStore } from '@sme/event-store';
import { testEvent } from '@sme/event-store/contract/contract-helpers';
import { EmbeddedDocumentStore } from '../document-store/embedded-document-store';
import type { StoredDocument } from '../document-store/document-store.port';
import { interceptBulkWrites } from '../testing/held-stores';
import type { Projection } from './projection';
import { Projector } from './projector';

interface Tally extends StoredDocument {
  n: number;
}

/** One document per `tally-<id>` stream, counting its events. */
const tallies: Projection<Tally> = {
  name: 'tallies',
  version: 1,
  streamPrefix: 'tally-',
  apply: (view, event) => ({ _id: event.streamId.slice('tally-'.length), _position: Number(event.position), n: (view?.n ?? 0) + 1 }),
  indexes: [],
};

describe('Projector batch writes', () => {
  it('hand the store the positions of the documents the batch was folded onto, so it need not read them again', async () => {
    const events = new SqliteEventStore(':memory:');
    const docs = new EmbeddedDocumentStore(':memory:');
    const handed: (Record<string, number> | undefined)[] = [];
    const watched = interceptBulkWrites(docs, (collectionName, putMany) => async (batch, stored) => {
      if (collectionName.startsWith('tallies_')) handed.push(stored && Object.fromEntries(stored));
      return putMany(batch, stored);
    });
    const projector = new Projector(events, watched, [tallies as Projection]);
    try {
      await projector.prepare();
      const first = await events.append('tally-a', [testEvent()], 'no_stream');
      await projector.catchUp();
      await events.append('tally-a', [testEvent()], 0n);
      await events.append('tally-b', [testEvent()], 'no_stream');
      await projector.catchUp();

      // The first batch found nothing stored; the second found a at its first event, b not at all.
      expect(handed).toEqual([{}, { a: Number(first.position) }]);
      const collection = projector.snapshot().find((target) => target.name === 'tallies')!.collection;
      expect((await docs.collection<Tally>(collection).find({})).map((doc) => [doc._id, doc.n])).toEqual([['a', 2], ['b', 1]]);
    } finally {
      await projector.stop();
      await docs.close();
      await events.close();
    }
  });
});
