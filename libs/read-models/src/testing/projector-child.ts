/**
 * A projector process that kills itself (SIGKILL) in the middle of a batch, after a given number of
 * document writes: some documents of the batch written, the checkpoint not. Used by the crash test.
 *   EVENTS_FILE  the embedded event store file
 *   DOCS_URL     a MongoDB URL (with database), or DOCS_FILE for the embedded document store
 *   KILL_AFTER_WRITES  documents to write before dying
 */
import { SqliteEventStore, openSqliteDatabase } from '@sme/event-store';
import { createDocumentStore } from '../create-document-store';
import type { DocumentStore } from '../document-store/document-store.port';
import { interceptBulkWrites } from './held-stores';
import { PROJECTIONS } from '../projections';
import { Projector } from '../projector/projector';

function dyingAfter(docs: DocumentStore, writes: number): DocumentStore {
  let left = writes;
  return interceptBulkWrites(docs, (collectionName) => async (many) => {
    const collection = docs.collection(collectionName);
    let written = 0;
    for (const doc of many) {
      if (left-- <= 0) process.kill(process.pid, 'SIGKILL');
      if ((await collection.putIfNewer(doc)) === 'written') written += 1;
    }
    return written;
  });
}

async function main(): Promise<void> {
  const events = new SqliteEventStore(openSqliteDatabase(process.env.EVENTS_FILE!));
  const { docs } = await createDocumentStore({ url: process.env.DOCS_URL || undefined, dataDir: process.env.DOCS_DIR! });
  const projector = new Projector(events, dyingAfter(docs, Number(process.env.KILL_AFTER_WRITES)), PROJECTIONS, { batchSize: 40 });
  await projector.prepare();
  await projector.catchUp();
  process.exit(3); // never reached when the kill happens
}

void main();
