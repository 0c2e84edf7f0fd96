import type { EventStore } from '@sme/event-store';
import type { DocumentStore, StoredDocument } from '../document-store/document-store.port';
import { foldRecord, type Projection } from '../projector/projection';
import { ProjectionRegistry } from '../projector/projection-registry';

const PAGE = 2000;
const READS_AT_ONCE = 8;

/**
 * A projection's documents as the log stood at position `upTo` (every event up to it, whatever its
 * times), from the projection's active collection when it is of this code's version: one read of the
 * collection; the documents of records with an event past `upTo`, or one the projector has not applied
 * yet (the log past its checkpoint, read up to `upTo` only), folded from their own streams up to it;
 * the others as they are. Undefined when there is no such collection, or another generation became active
 * while it was read (the caller then reads otherwise).
 * Sorted by id.
 */
export async function liveDocumentsAt<V extends StoredDocument>(events: EventStore, docs: DocumentStore, projection: Projection<V>, upTo: number): Promise<V[] | undefined> {
  const registry = new ProjectionRegistry(docs);
  const entry = await registry.active(projection.name);
  if (!entry || entry.version !== projection.version) return undefined;
  const applied = await registry.checkpoint(entry.collection);
  const stored = await docs.collection<V>(entry.collection).find({});
  // A rebuild that made another generation active meanwhile may have dropped this one while it was read.
  if ((await registry.active(projection.name))?.collection !== entry.collection) return undefined;

  // The records with events the collection has not applied, up to the position.
  const unapplied = new Set<string>();
  for (let after = applied; after < upTo; ) {
    const page = await events.readAll({ after: after === 0 ? undefined : BigInt(after), maxCount: PAGE, streamPrefix: projection.streamPrefix });
    for (const event of page) if (Number(event.position) <= upTo) unapplied.add(event.streamId.slice(projection.streamPrefix.length));
    if (page.length < PAGE) break;
    after = Number(page[page.length - 1].position);
  }

  const documents: V[] = [];
  const toFold = new Set(unapplied);
  for (const doc of stored) {
    if (doc._position > upTo || unapplied.has(doc._id)) toFold.add(doc._id);
    else documents.push(doc);
  }
  const ids = [...toFold];
  for (let i = 0; i < ids.length; i += READS_AT_ONCE) {
    const folded = await Promise.all(ids.slice(i, i + READS_AT_ONCE).map(async (id) => foldRecord(projection, await events.readStream(projection.streamPrefix + id), (event) => Number(event.position) <= upTo)));
    for (const doc of folded) if (doc) documents.push(doc);
  }
  return documents.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
}
