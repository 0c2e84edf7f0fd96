import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { documentStoreContract } from './document-store.contract';
import { MongoDocumentStore } from './mongo-document-store';

// Needs MongoDB or FerretDB, e.g. MONGODB_URL=mongodb://127.0.0.1:27017/ (CI: infra/test-services/ferretdb.sh).
// The run works in a database of its own, dropped at the end.
const url = process.env.MONGODB_URL;
const dbName = `sme_contract_${randomBytes(6).toString('hex')}`;

documentStoreContract(
  'MongoDB document-store contract',
  async () => {
    const store = await MongoDocumentStore.connect(url as string, dbName);
    return {
      store,
      // another client, as after a restart
      reopen: () => MongoDocumentStore.connect(url as string, dbName),
      dispose: () => store.close(),
    };
  },
  { skipReason: url ? undefined : 'set MONGODB_URL=mongodb://… to run', timeoutMs: 30_000 },
);

afterAll(async () => {
  if (!url) return;
  const client = await MongoClient.connect(url);
  try {
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}, 30_000);
