import { join } from 'node:path';
import { EmbeddedDocumentStore } from './document-store/embedded-document-store';
import type { DocumentStore } from './document-store/document-store.port';

/** The configured adapter: MongoDB (or FerretDB) when a URL is given, else the embedded store under dataDir. */
export async function createDocumentStore(options: { url?: string; dataDir: string }): Promise<{ docs: DocumentStore; description: string }> {
  if (options.url) {
    const { MongoDocumentStore } = await import('./document-store/mongo-document-store');
    return { docs: await MongoDocumentStore.connect(options.url), description: 'MongoDB (MONGODB_URL)' };
  }
  const file = join(options.dataDir, 'read-models.sqlite');
  return { docs: new EmbeddedDocumentStore(file), description: `the embedded store ${file}` };
}
