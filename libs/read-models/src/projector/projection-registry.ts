import type { DocumentStore, StoredDocument } from '../document-store/document-store.port';
import type { Projection } from './projection';

/** Which collection serves a projection now. `_position` is the generation: a later switch always wins. */
export interface RegistryEntry extends StoredDocument {
  _id: string;
  _position: number;
  version: number;
  collection: string;
  switchedAt: string;
}

interface CheckpointDocument extends StoredDocument {
  _id: string;
  _position: number;
}

const REGISTRY = '_projections';
const CHECKPOINTS = '_checkpoints';

export const collectionName = (projection: Projection, generation: number) =>
  `${projection.name}_v${projection.version}_g${generation}`;

/**
 * Bookkeeping of the read side, kept in the document store itself so every process (API, projector,
 * rebuild) sees the same: the active collection of each projection, and each collection's checkpoint.
 * Both are written with putIfNewer, so they only move forward and no process can undo another's step.
 */
export class ProjectionRegistry {
  constructor(private readonly docs: DocumentStore) {}

  active(name: string): Promise<RegistryEntry | null> {
    return this.docs.collection<RegistryEntry>(REGISTRY).findOne({ _id: name });
  }

  async all(): Promise<RegistryEntry[]> {
    return this.docs.collection<RegistryEntry>(REGISTRY).find({}, { sort: { _id: 1 } });
  }

  /** Points the projection at `collection`; false if a newer generation is already active. */
  async switchTo(projection: Projection, generation: number, collection: string, at: Date): Promise<boolean> {
    const entry: RegistryEntry = {
      _id: projection.name,
      _position: generation,
      version: projection.version,
      collection,
      switchedAt: at.toISOString(),
    };
    return (await this.docs.collection<RegistryEntry>(REGISTRY).putIfNewer(entry)) === 'written';
  }

  /** The last position fully applied to a collection (0 when none). */
  async checkpoint(collection: string): Promise<number> {
    return (await this.docs.collection<CheckpointDocument>(CHECKPOINTS).findOne({ _id: collection }))?._position ?? 0;
  }

  async saveCheckpoint(collection: string, position: number): Promise<void> {
    await this.docs.collection<CheckpointDocument>(CHECKPOINTS).putIfNewer({ _id: collection, _position: position });
  }

  /** Several collections' checkpoints in one write (a projector's batch moves every target's). */
  async saveCheckpoints(checkpoints: readonly { collection: string; position: number }[]): Promise<void> {
    if (checkpoints.length === 0) return;
    await this.docs.collection<CheckpointDocument>(CHECKPOINTS).putManyIfNewer(checkpoints.map(({ collection, position }) => ({ _id: collection, _position: position })));
  }

  async forgetCollection(collection: string): Promise<void> {
    await this.docs.dropCollection(collection);
    await this.docs.collection<CheckpointDocument>(CHECKPOINTS).delete(collection);
  }
}
