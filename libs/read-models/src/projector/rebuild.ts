import { eventsWithPrefix, type EventStore } from '@sme/event-store';
import type { DocumentStore, StoredDocument } from '../document-store/document-store.port';
import { applyOnce, documentIdOf, type Projection } from './projection';
import { ProjectionRegistry, collectionName } from './projection-registry';
import type { ProjectorLogger } from './projector';

export interface RebuildResult {
  projection: string;
  previousCollection: string | null;
  collection: string;
  /** The events of its kind it read and folded. */
  events: number;
  documents: number;
  checkpoint: number;
  millis: number;
}

export interface RebuildOptions {
  batchSize?: number;
  logger?: ProjectorLogger;
  /** How long the previous collection stays after the switch, for queries already reading it. */
  dropPreviousAfterMs?: number;
  now?: () => Date;
}

/**
 * Blue-green rebuild: projects the whole log into a new collection while the active one keeps
 * serving (and keeps being updated by the live projector), then points the registry at the new one.
 * The projection's own streams are read from the log up to its head (`eventsWithPrefix`) and folded in
 * memory (one projection's documents: a few hundred bytes to a few KiB each), and the final documents
 * inserted once, so the rebuild costs one read of its kind's events and one bulk insert.
 * A live projector notices the switch within its refreshTargetsMs and continues from the new collection's
 * checkpoint. The previous collection is dropped after a grace period.
 */
export async function rebuildProjection(
  events: EventStore,
  docs: DocumentStore,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const registry = new ProjectionRegistry(docs);
  const previous = await registry.active(projection.name);
  const generation = (previous?._position ?? 0) + 1;
  const collection = collectionName(projection, generation);

  await docs.dropCollection(collection); // leftovers of an interrupted rebuild of this generation
  await docs.collection(collection).ensureIndexes(projection.indexes);
  const batchSize = options.batchSize ?? 1000;
  const { built, position, read } = await foldInMemory(events, projection, batchSize);
  // The new generation is this rebuild's alone until the switch, and empty: its documents are inserted
  // in bulks (no conditional write, no read of what is stored).
  const target = docs.collection(collection);
  const all = [...built.values()];
  for (let from = 0; from < all.length; from += batchSize) await target.insertMany(all.slice(from, from + batchSize));
  await registry.saveCheckpoint(collection, position);
  // After the switch only the live projector writes the new collection (from its checkpoint): two
  // writers of one collection are not safe on every server (FerretDB's conditional writes are not
  // atomic), so the rebuild stops writing here.
  if (!(await registry.switchTo(projection, generation, collection, now()))) {
    throw new Error(`A newer rebuild of ${projection.name} switched first; ${collection} is abandoned`);
  }
  const checkpoint = await registry.checkpoint(collection);
  options.logger?.log(`Projection ${projection.name} now served from ${collection} (checkpoint ${checkpoint})`);

  if (previous && previous.collection !== collection) {
    const drop = () => registry.forgetCollection(previous.collection);
    const grace = options.dropPreviousAfterMs ?? 5000;
    if (grace <= 0) await drop();
    else setTimeout(() => void drop().catch(() => undefined), grace).unref();
  }
  return {
    projection: projection.name,
    previousCollection: previous?.collection ?? null,
    collection,
    // What the rebuild inserted: counting the collection again would read it whole on some servers.
    events: read,
    documents: all.length,
    checkpoint,
    millis: Date.now() - started,
  };
}

/**
 * The projection's documents as the log folds them up to its head when the rebuild began, and that
 * position: the live projector applies what came after. Only its own streams' events are read (each
 * stream in order, which is all a record's document depends on); the rest of the log is no concern of it.
 */
async function foldInMemory(events: EventStore, projection: Projection, batchSize: number): Promise<{ built: Map<string, StoredDocument>; position: number; read: number }> {
  const built = new Map<string, StoredDocument>();
  const head = await events.headPosition();
  let read = 0;
  for await (const page of eventsWithPrefix(events, projection.streamPrefix, head, batchSize)) {
    read += page.length;
    for (const event of page) {
      const id = documentIdOf(projection, event);
      if (id === undefined) continue;
      const before = built.get(id);
      const after = applyOnce(projection, before, event);
      if (after && after !== before) built.set(id, after);
    }
  }
  return { built, position: Number(head), read };
}
