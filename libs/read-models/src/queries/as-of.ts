import type { EventStore, RecordedEvent } from '@sme/event-store';
import { EmbeddedDocumentStore } from '../document-store/embedded-document-store';
import type { DocumentCollection, StoredDocument } from '../document-store/document-store.port';
import type { Projection } from '../projector/projection';
import { documentIdOf } from '../projector/projection';
import { ProjectionRegistry } from '../projector/projection-registry';
import { projectionNamed } from '../projections';
import { ReadModelReader } from './read-model-reader';

/**
 * When the read side is read: at a business time (`asOf`: events that occurred by then) as the ledger
 * knew it at a record time (`knownAt`: events recorded by then). Either may be left out.
 */
export interface TimeSlice {
  asOf?: Date;
  knownAt?: Date;
}

/** Whether an event belongs to the slice: occurred by `asOf` and recorded by `knownAt`. */
export function inSlice(event: RecordedEvent, { asOf, knownAt }: TimeSlice): boolean {
  return (asOf === undefined || Date.parse(event.metadata.occurredAt) <= asOf.getTime()) && (knownAt === undefined || Date.parse(event.metadata.recordedAt) <= knownAt.getTime());
}

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
 * scratch store into which each projection a query reads is replayed on its first read. Close it after.
 */
export class SliceReader extends ReadModelReader {
  private readonly replayed = new Map<string, Promise<void>>();

  private constructor(
    private readonly events: EventStore,
    private readonly slice: TimeSlice,
    private readonly scratch: EmbeddedDocumentStore,
  ) {
    super(scratch);
  }

  static open(events: EventStore, slice: TimeSlice): SliceReader {
    return new SliceReader(events, slice, new EmbeddedDocumentStore(':memory:'));
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
    const documents = await documentsAsOf(this.events, projection, this.slice);
    await new ProjectionRegistry(this.scratch).switchTo(projection, 1, name, this.slice.knownAt ?? this.slice.asOf ?? new Date(0));
    await this.scratch.collection(name).putManyIfNewer(documents);
  }
}
