import type { EventStore } from '@sme/event-store';
import type { DocumentStore } from '../document-store/document-store.port';
import type { Projection } from './projection';
import { ProjectionRegistry, collectionName } from './projection-registry';
import { Projector, type ProjectorLogger } from './projector';

export interface RebuildResult {
  projection: string;
  previousCollection: string | null;
  collection: string;
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
 * A live projector notices the switch at its next batch and continues from the new collection's
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
  const projector = new Projector(events, docs, [projection], {
    batchSize: options.batchSize ?? 1000,
    logger: options.logger,
    fixedCollections: { [projection.name]: collection },
  });
  await projector.catchUp();
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
  const documents = await docs.collection(collection).count({});
  return {
    projection: projection.name,
    previousCollection: previous?.collection ?? null,
    collection,
    documents,
    checkpoint,
    millis: Date.now() - started,
  };
}
