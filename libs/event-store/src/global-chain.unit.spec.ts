import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { RecordedEvent } from './event-store.port';
import { checkpointStatement, GlobalChain, merkleRoot, verifyCheckpoints, type SignedCheckpoint } from './global-chain';
import { computeEventHash, verifyChain, type ChainHashAlgorithm } from './hash-chain';
import { chainedLog } from './testing/chained-log';

/** Events of three streams interleaved in the log, chained per stream; positions `step` apart (KurrentDB's are not gap-free). */
function log(count: number, step = 1n, data?: (n: number) => Record<string, unknown>): RecordedEvent[] {
  return chainedLog(step, data).add(count);
}

/** Recomputes every stream's chain over events as they now stand: what someone who rewrote the store would do. */
function rechained(events: RecordedEvent[]): RecordedEvent[] {
  const last = new Map<string, { revision: bigint; hash: string }>();
  return events.map((e) => {
    const previous = last.get(e.streamId);
    const revision = previous ? previous.revision + 1n : 0n;
    const hash = computeEventHash({ ...e, revision }, previous?.hash ?? null);
    last.set(e.streamId, { revision, hash });
    return { ...e, revision, hash, previousHash: previous?.hash ?? null };
  });
}

const keys = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');

function checkpointAt(events: RecordedEvent[], upTo: number, algorithm: ChainHashAlgorithm = 'sha256', key = keys.privateKey): SignedCheckpoint {
  const chain = new GlobalChain(algorithm);
  for (const e of events.slice(0, upTo)) chain.add(e);
  const state = chain.state();
  const signature = sign(null, Buffer.from(checkpointStatement(state)), key).toString('base64');
  return { ...state, position: state.position.toString(), signatureAlgorithm: 'ed25519', keyId: 'k1', signature, signedAt: '2025-03-02T00:00:00.000Z' };
}

const reader = (events: readonly RecordedEvent[]) => async (after: bigint | undefined, maxCount: number) =>
  events.filter((e) => after === undefined || e.position > after).slice(0, maxCount);
const trusted = (statement: string, c: SignedCheckpoint) => verify(null, Buffer.from(statement), keys.publicKey, Buffer.from(c.signature, 'base64'));
const check = (events: readonly RecordedEvent[], checkpoints: SignedCheckpoint[]) => verifyCheckpoints(reader(events), checkpoints, trusted, 4);

describe('The global chain and its signed checkpoints', () => {
  it('verifies checkpoints of an untouched log, on gap-free and gapped positions alike', async () => {
    for (const step of [1n, 7n]) {
      const events = log(20, step);
      const results = await check(events, [checkpointAt(events, 8), checkpointAt(events, 20)]);
      expect(results.map((r) => r.ok)).toEqual([true, true]);
    }
  });

  it('finds the tail deleted: the log ends before the checkpoint', async () => {
    const events = log(20);
    const checkpoint = checkpointAt(events, 20);
    const [result] = await check(events.slice(0, 17), [checkpoint]);
    expect(result).toMatchObject({ ok: false, problem: 'LOG_ENDS_BEFORE_CHECKPOINT' });
    // Each stream's own chain still verifies: only the global view sees it.
    expect(verifyChain(events.slice(0, 17)).ok).toBe(true);
  });

  it('finds two events of different streams swapped in the log', async () => {
    const events = log(20);
    const checkpoint = checkpointAt(events, 20);
    const swapped = events.map((e) => e);
    [swapped[4], swapped[5]] = [{ ...events[5], position: events[4].position }, { ...events[4], position: events[5].position }];
    expect(verifyChain(swapped).ok).toBe(true);
    const [result] = await check(swapped, [checkpoint]);
    expect(result).toMatchObject({ ok: false, problem: 'STATE_MISMATCH' });
  });

  it('finds an event removed from the middle, the rest of its stream rechained', async () => {
    const events = log(20);
    const checkpoint = checkpointAt(events, 20);
    const removed = rechained(events.filter((_, n) => n !== 9));
    expect(verifyChain(removed).ok).toBe(true);
    const [result] = await check(removed, [checkpoint]);
    expect(result).toMatchObject({ ok: false, problem: 'STATE_MISMATCH', found: { events: 19 } });
  });

  it('finds a full recompute: an event rewritten and every hash after it computed again', async () => {
    const events = log(20);
    const checkpoint = checkpointAt(events, 20);
    const rewritten = rechained(events.map((e, n) => (n === 3 ? { ...e, data: { n: 300 } } : e)));
    expect(verifyChain(rewritten).ok).toBe(true);
    const [result] = await check(rewritten, [checkpoint]);
    expect(result).toMatchObject({ ok: false, problem: 'STATE_MISMATCH' });
  });

  it('refuses a checkpoint altered to match a rewritten log, or signed by another key', async () => {
    const events = log(20);
    const rewritten = rechained(events.map((e, n) => (n === 3 ? { ...e, data: { n: 300 } } : e)));
    const honest = checkpointAt(events, 20);
    const forged = { ...honest, globalHash: checkpointAt(rewritten, 20).globalHash, merkleRoot: checkpointAt(rewritten, 20).merkleRoot };
    const [altered, foreign] = await check(rewritten, [forged, checkpointAt(rewritten, 20, 'sha256', stranger.privateKey)]);
    expect(altered).toMatchObject({ ok: false, problem: 'SIGNATURE_INVALID' });
    expect(foreign).toMatchObject({ ok: false, problem: 'SIGNATURE_INVALID' });
  });

  it('checks events appended after a checkpoint against it still, and a later checkpoint against them', async () => {
    const events = log(30);
    const results = await check(events, [checkpointAt(events, 10), checkpointAt(events, 25)]);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('folds with SM3 under the 国密 profile, giving other hashes than SHA-256', async () => {
    const events = log(12);
    const sm3 = checkpointAt(events, 12, 'sm3');
    expect(sm3.globalHash).not.toBe(checkpointAt(events, 12).globalHash);
    expect((await check(events, [sm3]))[0].ok).toBe(true);
  });

  it('builds the Merkle root pairwise, carrying an odd leaf up', () => {
    const leaves = ['a', 'b', 'c'];
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    expect(merkleRoot(leaves)).toBe(sha(sha('ab') + 'c'));
    expect(merkleRoot(['x'])).toBe('x');
  });
});
