import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { DocumentStore } from '../document-store/document-store.port';
import { EmbeddedDocumentStore } from '../document-store/embedded-document-store';
import { MongoDocumentStore } from '../document-store/mongo-document-store';

/**
 * The document stores a shared-store rule is checked on: the embedded one, and MongoDB when MONGODB_URL
 * is set (FerretDB in CI), in a database of its own that `dropAll` removes. Each entry is a describe's
 * name and how to open the store, undefined when it is skipped.
 */
export function documentStoresUnderTest(prefix: string) {
  const url = process.env.MONGODB_URL;
  const dbName = `${prefix}_${randomBytes(6).toString('hex')}`;
  const stores: [string, (() => Promise<DocumentStore>) | undefined][] = [
    ['the embedded document store', async () => new EmbeddedDocumentStore(':memory:')],
    [`MongoDB${url ? '' : ' (skipped: set MONGODB_URL)'}`, url ? () => MongoDocumentStore.connect(url, dbName) : undefined],
  ];
  const dropAll = async () => {
    if (!url) return;
    const client = await MongoClient.connect(url);
    await client.db(dbName).dropDatabase().finally(() => client.close());
  };
  return { stores, dropAll };
}

/**
 * `body`'s tests on each document store under test, each test on a fresh store whose `collection` is
 * empty; `test` is `it`, or `it.skip` where the store is not configured.
 */
export function describeOnDocumentStores(title: string, collection: string, body: (test: jest.It, docs: () => DocumentStore) => void): void {
  const { stores, dropAll } = documentStoresUnderTest(`sme_${collection}`);
  describe.each(stores)(`${title} on %s`, (_name, open) => {
    let docs: DocumentStore | undefined;
    beforeEach(async () => {
      if (!open) return;
      docs = await open();
      await docs.dropCollection(collection);
    });
    afterEach(() => docs?.close());
    afterAll(dropAll);
    body(open ? it : it.skip, () => docs!);
  });
}
