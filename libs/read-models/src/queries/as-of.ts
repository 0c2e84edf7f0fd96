import type { EventStore, RecordedEvent } from '@sme/event-store';
import { EmbeddedDocumentStore } from '../document-store/embedded-document-store';
import type { DocumentCollection, StoredDocument } from '../document-store/document-store.port';
import type { Projection } from '../projector/projection';
import { documentIdOf } from '../projector/projection';
import { ProjectionRegistry } from '../projector/projection-registry';
import { projectionNamed } from '../projections';
import { ReadModelReader } from './read-model-reader';
import type { RecordTimeIndex } from './record-times';
import { inSlice, type TimeSlice } from './time-slice';

export { inSlice, type TimeSlice } from './time-slice';

/**
 * A projection's documents as they stood in a time slice (a bare date is the business time), replayed
 * from the events — not from today's documents: every event of the projection's streams in the slice,
 * in log order.
 */
export async function documentsAsOf<V extends StoredDocument>(events: EventStore, projection: Projection<V>, when: Date | TimeSlice, pageSize = 2000): Promise<V[]> {
  const slice = when instanceof Date ? { asOf: when } : when;
  const docs = new Map<string, V>();
  let after: bigint | undefined;
  for (;;) {
    const page = await events.readAll({ after, maxCount: pageSize });
    for (const event of page) {
      const id = documentIdOf(projection as Projection, event);
      if (id === undefined || !inSlice(event, slice)) continue;
      const next = projection.apply(docs.get(id), event);
      if (next) docs.set(id, next);
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1].position;
  }
  return [...docs.values()];
}

/**
 * A reader of the read side as it stood in a time slice: the same queries as the live reader, over a
 * scratch store into which each projection a query reads is put on its first read — from the index of
 * dated record states when one is given (only the records that may exist in the slice are read), else
 * replayed from the whole log. Close it after.
 */
export class SliceReader extends ReadModelReader {
  private readonly replayed = new Map<string, Promise<void>>();

  private constructor(
    private readonly events: EventStore,
    private readonly slice: TimeSlice,
    private readonly scratch: EmbeddedDocumentStore,
    private readonly index: RecordTimeIndex | undefined,
  ) {
    super(scratch);
  }

  static open(events: EventStore, slice: TimeSlice, index?: RecordTimeIndex): SliceReader {
    return new SliceReader(events, slice, new EmbeddedDocumentStore(':memory:'), index);
  }

  override async collection<V>(name: string): Promise<DocumentCollection<V & StoredDocument>> {
    let replay = this.replayed.get(name);
    if (!replay) {
      replay = this.replay(name);
      this.replayed.set(name, replay);
    }
    await replay;
    return super.collection<V>(name);
  }

  close(): Promise<void> {
    return this.scratch.close();
  }

  private async replay(name: string): Promise<void> {
    const projection = projectionNamed(name);
    if (!projection) return; // the live reader's own "no such projection" answers
    const documents = this.index ? (await this.index.documentsAsOf(projection, this.slice)).documents : await documentsAsOf(this.events, projection, this.slice);
    await new ProjectionRegistry(this.scratch).switchTo(projection, 1, name, this.slice.knownAt ?? this.slice.asOf ?? new Date(0));
    this.scratch.holdInMemory(name, documents);
  }
}
