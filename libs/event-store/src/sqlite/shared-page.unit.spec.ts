import type { RecordedEvent } from '../event-store.port';
import { SharedPage, WRITTEN_KEPT } from './shared-page';

const event = (position: number): RecordedEvent =>
  ({ id: `e${position}`, type: 'Counted', schemaVersion: 1, streamId: 's', revision: BigInt(position - 1), position: BigInt(position), data: { n: position }, metadata: {}, hash: 'h', previousHash: null }) as unknown as RecordedEvent;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('SharedPage.seed: what the store has just written', () => {
  it('is the page after the position before it, and nothing follows it for the rest of the turn; then the file is read again', async () => {
    const reads: bigint[] = [];
    const page = new SharedPage((after) => (reads.push(after), []));
    page.seed(2n, [event(3), event(4)], 10);
    expect(page.after(2n).map((e) => e.id)).toEqual(['e3', 'e4']);
    expect(Object.isFrozen(page.after(2n)[0].data)).toBe(true);
    expect(page.after(4n)).toEqual([]);
    expect(reads).toEqual([]);
    await nextTurn();
    expect(page.after(4n)).toEqual([]);
    expect(reads).toEqual([4n]);
  });

  it('holds a page at most: the rest comes from what it wrote, and before it the file is read', () => {
    const reads: bigint[] = [];
    const page = new SharedPage((after) => (reads.push(after), []));
    page.seed(2n, [event(3), event(4), event(5)], 2);
    expect(page.after(2n).map((e) => e.id)).toEqual(['e3', 'e4']);
    expect(page.after(4n).map((e) => e.id)).toEqual(['e5']);
    expect(page.after(1n)).toEqual([]);
    expect(reads).toEqual([1n]);
  });

  it('serves a subscription a few events behind from what it wrote, while its appends follow one another; a gap starts them again', () => {
    const reads: bigint[] = [];
    const page = new SharedPage((after) => (reads.push(after), after === 2n ? [event(3)] : []));
    for (const n of [3, 4, 5]) page.seed(BigInt(n - 1), [event(n)], 10);
    expect(page.after(2n).map((e) => e.id)).toEqual(['e3', 'e4', 'e5']);
    expect(page.after(3n).map((e) => e.id)).toEqual(['e4', 'e5']);
    expect(reads).toEqual([]);
    // Positions 6 and 7 were written by another connection.
    page.seed(7n, [event(8)], 10);
    expect(page.after(7n).map((e) => e.id)).toEqual(['e8']);
    expect(page.after(2n).map((e) => e.id)).toEqual(['e3']);
    expect(reads).toEqual([2n]);
  });

  it('keeps the last WRITTEN_KEPT events it wrote, and at most twice as many', () => {
    const reads: bigint[] = [];
    const page = new SharedPage((after) => (reads.push(after), []));
    for (let n = 1; n <= 2 * WRITTEN_KEPT; n++) page.seed(BigInt(n - 1), [event(n)], 10);
    // Twice as many: all still kept.
    expect(page.after(0n).map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10']);
    // One more: the oldest dropped down to WRITTEN_KEPT.
    const last = 2 * WRITTEN_KEPT + 1;
    page.seed(BigInt(last - 1), [event(last)], 10);
    const oldestKept = last - WRITTEN_KEPT + 1;
    expect(page.after(BigInt(oldestKept - 1))[0].id).toBe(`e${oldestKept}`);
    expect(reads).toEqual([]);
    expect(page.after(BigInt(oldestKept - 2))).toEqual([]);
    expect(reads).toEqual([BigInt(oldestKept - 2)]);
  });

  it('drops the oldest a thousand at a time, not one per append', () => {
    const page = new SharedPage(() => []);
    const written = () => (page as unknown as { written: RecordedEvent[] }).written;
    for (let n = 1; n <= 2 * WRITTEN_KEPT; n++) page.seed(BigInt(n - 1), [event(n)], 10);
    const kept = written();
    page.seed(BigInt(2 * WRITTEN_KEPT), [event(2 * WRITTEN_KEPT + 1)], 10);
    expect(written()).toBe(kept);
    expect(written()).toHaveLength(WRITTEN_KEPT);
    for (let n = 2 * WRITTEN_KEPT + 2; n <= 2 * WRITTEN_KEPT + 50; n++) page.seed(BigInt(n - 1), [event(n)], 10);
    expect(written()).toHaveLength(WRITTEN_KEPT + 49);
  });

  it('keeps what it wrote when the store appends again; forgets the empty answer', () => {
    const reads: bigint[] = [];
    const page = new SharedPage((after) => (reads.push(after), []));
    page.seed(2n, [event(3)], 10);
    page.clear();
    expect(page.after(2n).map((e) => e.id)).toEqual(['e3']);
    expect(page.after(3n)).toEqual([]);
    expect(reads).toEqual([3n]);
  });
});
