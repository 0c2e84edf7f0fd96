import type { StoredDocument } from '../document-store/document-store.port';
import { EmbeddedDocumentStore } from '../document-store/embedded-document-store';
import type { Projection } from '../projector/projection';
import { collectionName, ProjectionRegistry } from '../projector/projection-registry';
import { ReadModelReader } from '../queries/read-model-reader';

/**
 * An embedded document store in memory holding the given views as their projections' active
 * collections, and a reader over it: for specs of the queries, without a projector.
 */
export async function readStoreWith(contents: readonly (readonly [Projection, readonly StoredDocument[]])[]) {
  const docs = new EmbeddedDocumentStore(':memory:');
  const registry = new ProjectionRegistry(docs);
  for (const [projection, views] of contents) {
    const collection = collectionName(projection, 1);
    await registry.switchTo(projection, 1, collection, new Date('2026-01-01T00:00:00.000Z'));
    if (views.length > 0) await docs.collection(collection).putManyIfNewer(views);
  }
  return { docs, reader: new ReadModelReader(docs), close: () => docs.close() };
}
