import type { RecordedEvent } from '../event-store.port';
import { SharedPage } from './shared-page';

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

  it('holds a page at most: past it, and before the seeded position, the file is read', () => {
    const reads: bigint[] = [];
    const page = new SharedPage((after) => (reads.push(after), after === 4n ? [event(5)] : []));
    page.seed(2n, [event(3), event(4), event(5)], 2);
    expect(page.after(2n).map((e) => e.id)).toEqual(['e3', 'e4']);
    expect(page.after(4n).map((e) => e.id)).toEqual(['e5']);
    expect(page.after(1n)).toEqual([]);
    expect(reads).toEqual([4n, 1n]);
  });

  it('is forgotten when the store appends again', () => {
    const reads: bigint[] = [];
    const page = new SharedPage((after) => (reads.push(after), []));
    page.seed(2n, [event(3)], 10);
    page.clear();
    expect(page.after(2n)).toEqual([]);
    expect(page.after(3n)).toEqual([]);
    expect(reads).toEqual([2n, 3n]);
  });
});
