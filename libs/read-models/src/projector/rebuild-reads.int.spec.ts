import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerKind } from '@sme/domain';
import { SqliteEventStore, openSqliteDatabase, type EventStore } from '@sme/event-store';
import { testEvent } from '@sme/event-store/contract/contract-helpers';
import { EmbeddedDocumentStore } from '../document-store/embedded-document-store';
import { stationsProjection } from '../projections';
import { writeStationHistory } from '../testing/station-history';
import { countingEventsRead } from '../testing/held-stores';
import { documentIdOf } from './projection';
import { activeDocuments, expectedDocuments } from './projector.suite';
import { rebuildProjection } from './rebuild';

/** The store as one without `readStreamsWithPrefix` sees it (KurrentDB): the rebuild reads `readAll` with its prefix. */
const withoutStreamsRead = (events: EventStore): EventStore =>
  new Proxy(events, {
    get(target, key) {
      if (key === 'readStreamsWithPrefix') return undefined;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

describe.each([
  ['stream after stream (readStreamsWithPrefix)', (events: EventStore) => events],
  ['in global order (readAll with streamPrefix)', withoutStreamsRead],
])('A rebuild reads its own streams, %s', (_how, view) => {
  let dir: string;
  let events: SqliteEventStore;
  let docs: EmbeddedDocumentStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sme-rebuild-reads-'));
    events = new SqliteEventStore(openSqliteDatabase(join(dir, 'events.sqlite')));
    docs = new EmbeddedDocumentStore(openSqliteDatabase(join(dir, 'read-models.sqlite')));
  });
  afterEach(async () => {
    await docs.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads only its kind\'s events, folds them as the live run would, and checkpoints the head of the log as it began', async () => {
    await writeStationHistory(events, { calls: 1, applicationsPerCall: 12 });
    // Another kind's events after the last station event: no stations rebuild reads them, yet they lie behind its checkpoint.
    for (let i = 0; i < 5; i += 1) await events.append(providerKind.streamId(`p${i}`), [testEvent()], 'no_stream');
    const counting = countingEventsRead(view(events));
    const result = await rebuildProjection(counting.events, docs, stationsProjection, { batchSize: 10, dropPreviousAfterMs: 0 });
    const own = (await events.readAll({ maxCount: 1_000_000 })).filter((event) => documentIdOf(stationsProjection, event) !== undefined);
    expect(own.length).toBeGreaterThan(10);
    expect(counting.read()).toBe(own.length);
    expect(result.events).toBe(own.length);
    expect(result.checkpoint).toBe(Number(await events.headPosition()));
    expect(result.checkpoint).toBeGreaterThan(Number(own[own.length - 1].position));
    expect(await activeDocuments(docs, 'stations')).toBe(await expectedDocuments(events, stationsProjection));
  });
});
