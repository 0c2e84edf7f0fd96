import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { DocumentStore } from './document-store.port';
import { EmbeddedDocumentStore } from './embedded-document-store';
import { Lease } from './lease';
import { MongoDocumentStore } from './mongo-document-store';

const url = process.env.MONGODB_URL;
const dbName = `sme_lease_${randomBytes(6).toString('hex')}`;
const TTL = 15_000;

const stores: [string, (() => Promise<DocumentStore>) | undefined][] = [
  ['the embedded document store', async () => new EmbeddedDocumentStore(':memory:')],
  [`MongoDB${url ? '' : ' (skipped: set MONGODB_URL)'}`, url ? () => MongoDocumentStore.connect(url, dbName) : undefined],
];

describe.each(stores)('A lease on %s', (_name, open) => {
  const maybe = open ? it : it.skip;
  let docs: DocumentStore;
  beforeEach(async () => {
    if (!open) return;
    docs = await open();
    await docs.dropCollection('leases');
  });
  afterEach(() => docs?.close());
  afterAll(async () => {
    if (!open || !url) return;
    const client = await MongoClient.connect(url);
    await client.db(dbName).dropDatabase().finally(() => client.close());
  });

  maybe('is held by one process until it expires; its holder renews it', async () => {
    const a = new Lease(docs, 'work', 'process-a', TTL);
    const b = new Lease(docs, 'work', 'process-b', TTL);
    expect(await a.acquire(0)).toBe(true);
    expect(await b.acquire(1_000)).toBe(false);
    expect(await a.acquire(10_000)).toBe(true); // renewed until 25 s
    expect(await b.acquire(20_000)).toBe(false);
    expect(await b.acquire(25_001)).toBe(true); // a stopped renewing: b takes it
    expect(await a.acquire(26_000)).toBe(false);
  });

  maybe('given up, it is taken at once; another lease is apart', async () => {
    const a = new Lease(docs, 'work', 'process-a', TTL);
    const b = new Lease(docs, 'work', 'process-b', TTL);
    await a.acquire(0);
    await b.release(); // not b's to give up
    expect(await b.acquire(1_000)).toBe(false);
    await a.release();
    expect(await b.acquire(1_000)).toBe(true);
    expect(await new Lease(docs, 'other-work', 'process-a', TTL).acquire(1_000)).toBe(true);
  });

  maybe('of processes taking it at the same moment, exactly one gets it', async () => {
    const leases = ['a', 'b', 'c', 'd', 'e'].map((holder) => new Lease(docs, 'work', holder, TTL));
    const taken = await Promise.all(leases.map((lease) => lease.acquire(0)));
    expect(taken.filter(Boolean)).toHaveLength(1);
  });
});
