import type { RecordedEvent } from './event-store.port';
import { checkpointStatement, GlobalChain, type SignedCheckpoint } from './global-chain';
import { LedgerVerifier } from './ledger-verifier';
import { chainedLog } from './testing/chained-log';

/** A chained log that grows, read as the ledger reads its store, counting what each read returned. */
function growingLog() {
  const { events, add } = chainedLog();
  const reads: number[] = [];
  const readAll = async (after: bigint | undefined, maxCount: number) => {
    const page = events.filter((e) => after === undefined || e.position > after).slice(0, maxCount);
    reads.push(page.length);
    return page;
  };
  const head = () => events[events.length - 1]?.position ?? 0n;
  return { events, add, readAll, head, reads };
}

/** A checkpoint of the log up to `position`, "signed" (the signature names the statement). */
function checkpointOf(events: RecordedEvent[], position: number): SignedCheckpoint {
  const chain = new GlobalChain();
  for (const e of events.slice(0, position)) chain.add(e);
  const state = chain.state();
  return { ...state, position: state.position.toString(), signatureAlgorithm: 'test', keyId: 'k', signature: Buffer.from(checkpointStatement(state)).toString('base64'), signedAt: '2026-12-05T00:00:00.000Z' };
}
const holds = (statement: string, c: SignedCheckpoint) => Buffer.from(statement).toString('base64') === c.signature;

describe('LedgerVerifier: verification kept running', () => {
  it('reads the whole log once, then only what was appended since', async () => {
    const log = growingLog();
    log.add(300);
    const verifier = new LedgerVerifier();
    const first = await verifier.verify(log.readAll, log.head(), [], holds, 100);
    expect(first).toMatchObject({ ok: true, mode: 'full', from: 0n, position: 300n, eventsChecked: 300, streamsChecked: 3 });
    log.add(7);
    log.reads.length = 0;
    const next = await verifier.verify(log.readAll, log.head(), [], holds, 100);
    expect(next).toMatchObject({ ok: true, mode: 'incremental', from: 300n, position: 307n, eventsChecked: 7, eventsVerified: 307 });
    expect(log.reads.reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('judges a checkpoint signed since the last run, at its position, in the incremental pass', async () => {
    const log = growingLog();
    log.add(50);
    const verifier = new LedgerVerifier();
    await verifier.verify(log.readAll, log.head(), [], holds);
    const signed = checkpointOf(log.events, 50);
    log.add(10);
    const run = await verifier.verify(log.readAll, log.head(), [signed], holds);
    expect(run.checkpoints).toEqual([{ position: '50', signedAt: signed.signedAt, ok: true }]);
    expect(run.eventsChecked).toBe(10);
    // A forged one is refused; one for a position passed before it was known is judged against the whole log.
    const forged = { ...signed, globalHash: 'f'.repeat(64) };
    const older = checkpointOf(log.events, 20);
    const again = await verifier.verify(log.readAll, log.head(), [signed, forged, older], holds);
    expect(again.checkpoints.map((c) => [c.position, c.ok, c.problem])).toEqual([
      ['50', true, undefined],
      ['50', false, 'SIGNATURE_INVALID'],
      ['20', true, undefined],
    ]);
  });

  it('finds a broken link among the new events, and keeps saying so', async () => {
    const log = growingLog();
    log.add(30);
    const verifier = new LedgerVerifier();
    await verifier.verify(log.readAll, log.head(), [], holds);
    log.add(5);
    log.events[32] = { ...log.events[32], data: { n: 'altered' } };
    const run = await verifier.verify(log.readAll, log.head(), [], holds);
    expect(run).toMatchObject({ ok: false, firstBroken: { position: 33n, problem: 'HASH_MISMATCH' } });
    expect((await verifier.verify(log.readAll, log.head(), [], holds)).firstBroken?.position).toBe(33n);
  });

  it('sees a log that lost events from its end; an event altered behind the verified position takes a full run', async () => {
    const log = growingLog();
    log.add(40);
    const verifier = new LedgerVerifier();
    await verifier.verify(log.readAll, log.head(), [], holds);
    log.events[10] = { ...log.events[10], data: { n: 'altered' } };
    expect((await verifier.verify(log.readAll, log.head(), [], holds)).ok).toBe(true);
    expect(await new LedgerVerifier().verify(log.readAll, log.head(), [], holds)).toMatchObject({ ok: false, firstBroken: { position: 11n } });
    log.events.splice(35);
    expect(await verifier.verify(log.readAll, log.head(), [], holds)).toMatchObject({ ok: false, logShrank: { verifiedUpTo: 40n, head: 35n } });
  });
});
