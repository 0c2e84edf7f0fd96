import { describeOnDocumentStores } from '../testing/document-stores';
import { Lease } from './lease';

const TTL = 15_000;

describeOnDocumentStores('A lease', 'leases', (maybe, store) => {

  maybe('is held by one process until it expires; its holder renews it', async () => {
    const a = new Lease(store(), 'work', 'process-a', TTL);
    const b = new Lease(store(), 'work', 'process-b', TTL);
    expect(await a.acquire(0)).toBe(true);
    expect(await b.acquire(1_000)).toBe(false);
    expect(await a.acquire(10_000)).toBe(true); // renewed until 25 s
    expect(await b.acquire(20_000)).toBe(false);
    expect(await b.acquire(25_001)).toBe(true); // a stopped renewing: b takes it
    expect(await a.acquire(26_000)).toBe(false);
  });

  maybe('given up, it is taken at once; another lease is apart', async () => {
    const a = new Lease(store(), 'work', 'process-a', TTL);
    const b = new Lease(store(), 'work', 'process-b', TTL);
    await a.acquire(0);
    await b.release(); // not b's to give up
    expect(await b.acquire(1_000)).toBe(false);
    await a.release();
    expect(await b.acquire(1_000)).toBe(true);
    expect(await new Lease(store(), 'other-work', 'process-a', TTL).acquire(1_000)).toBe(true);
  });

  maybe('of processes taking it at the same moment, exactly one gets it', async () => {
    const leases = ['a', 'b', 'c', 'd', 'e'].map((holder) => new Lease(store(), 'work', holder, TTL));
    const taken = await Promise.all(leases.map((lease) => lease.acquire(0)));
    expect(taken.filter(Boolean)).toHaveLength(1);
  });
});
