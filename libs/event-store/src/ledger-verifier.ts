import type { ChainHashAlgorithm } from './chain-hash';
import type { RecordedEvent } from './event-store.port';
import { checkpointStatement, GlobalChain, verifyCheckpoints, type CheckpointCheck, type SignedCheckpoint } from './global-chain';
import { ChainVerifier, type BrokenLink } from './hash-chain';

type ReadAll = (after: bigint | undefined, maxCount: number) => Promise<readonly RecordedEvent[]>;
type SignatureCheck = (statement: string, checkpoint: SignedCheckpoint) => boolean;

/** What one verification run found. */
export interface LedgerVerification {
  ok: boolean;
  /** `incremental`: only the events after `from` were read; `full`: the whole log. */
  mode: 'incremental' | 'full';
  /** The position verified before this run (0 for a full one). */
  from: bigint;
  /** The position verified up to now. */
  position: bigint;
  /** Events checked in this run, and in all runs of this verifier. */
  eventsChecked: number;
  eventsVerified: number;
  streamsChecked: number;
  /** The first broken link, found in this run or an earlier one (it stays until a full run). */
  firstBroken?: BrokenLink;
  /** The log's head is before what was verified: events were removed from its end. */
  logShrank?: { verifiedUpTo: bigint; head: bigint };
  /** Every checkpoint given, each judged once against the log's state at its position. */
  checkpoints: CheckpointCheck[];
}

const keyOf = (c: SignedCheckpoint) => `${c.position}|${c.globalHash}|${c.merkleRoot}|${c.signature}`;

/**
 * The ledger's verification, kept running: each event's hash and link checked once, the global chain
 * folded once, each checkpoint judged once, when the fold passes its position. A run reads only the
 * events appended since the last one, so verifying a large log again costs what was added since. It
 * lives in the process: the first run after a start reads the whole log, and so does a run asked to be
 * full. A log that shrank below what was verified, or a checkpoint for a position already passed that
 * this verifier never judged, is checked against the whole log.
 */
export class LedgerVerifier {
  private readonly chains: ChainVerifier;
  private readonly global: GlobalChain;
  private position = 0n;
  private broken: BrokenLink | undefined;
  private readonly judged = new Map<string, CheckpointCheck>();

  constructor(readonly algorithm: ChainHashAlgorithm = 'sha256') {
    this.chains = new ChainVerifier(algorithm);
    this.global = new GlobalChain(algorithm);
  }

  get verifiedPosition(): bigint {
    return this.position;
  }

  async verify(readAll: ReadAll, head: bigint, checkpoints: readonly SignedCheckpoint[], signatureHolds: SignatureCheck, pageSize = 1000): Promise<LedgerVerification> {
    const from = this.position;
    const before = this.chains.eventsChecked;
    const mode: LedgerVerification['mode'] = from === 0n ? 'full' : 'incremental';
    const base = () => ({
      mode,
      from,
      position: this.position,
      eventsChecked: this.chains.eventsChecked - before,
      eventsVerified: this.chains.eventsChecked,
      streamsChecked: this.chains.streamsChecked,
    });
    if (head < this.position) {
      const checks = await verifyCheckpoints(readAll, checkpoints, signatureHolds, pageSize);
      return { ...base(), ok: false, logShrank: { verifiedUpTo: this.position, head }, checkpoints: checks };
    }

    const pending: SignedCheckpoint[] = [];
    const passed: SignedCheckpoint[] = [];
    for (const c of checkpoints) {
      if (this.judged.has(keyOf(c))) continue;
      if (!signatureHolds(checkpointStatement({ ...c, position: BigInt(c.position) }), c)) {
        this.judged.set(keyOf(c), { position: c.position, signedAt: c.signedAt, ok: false, problem: 'SIGNATURE_INVALID' });
      } else if (c.hashAlgorithm !== this.algorithm || BigInt(c.position) < this.position) {
        passed.push(c);
      } else {
        pending.push(c);
      }
    }
    pending.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));

    let next = 0;
    let after: bigint | undefined = this.position === 0n ? undefined : this.position;
    while (this.broken === undefined) {
      const page = await readAll(after, pageSize);
      if (page.length === 0) break;
      for (const event of page) {
        // The state at a checkpoint's position is the state before the first event beyond it.
        while (next < pending.length && event.position > BigInt(pending[next].position)) this.judge(pending[next++]);
        const broken = this.chains.check(event);
        this.global.add(event);
        this.position = event.position;
        if (broken) {
          this.broken = broken;
          break;
        }
      }
      after = page[page.length - 1].position;
    }
    for (; next < pending.length; next++) {
      const c = pending[next];
      if (this.broken === undefined && BigInt(c.position) === this.position) this.judge(c);
      else passed.push(c);
    }
    // Positions this verifier passed before it learnt of them (or past a broken link): against the whole log.
    if (passed.length > 0) {
      const checks = await verifyCheckpoints(readAll, passed, signatureHolds, pageSize);
      passed.forEach((c, i) => this.judged.set(keyOf(c), checks[i]));
    }
    const checks = checkpoints.map((c) => this.judged.get(keyOf(c))!);
    return { ...base(), ok: this.broken === undefined && checks.every((c) => c.ok), ...(this.broken ? { firstBroken: this.broken } : {}), checkpoints: checks };
  }

  private judge(c: SignedCheckpoint): void {
    const now = this.global.state();
    const same = now.position === BigInt(c.position) && now.globalHash === c.globalHash && now.merkleRoot === c.merkleRoot && now.events === c.events && now.streams === c.streams;
    const { globalHash, merkleRoot, events, streams } = now;
    this.judged.set(
      keyOf(c),
      same ? { position: c.position, signedAt: c.signedAt, ok: true } : { position: c.position, signedAt: c.signedAt, ok: false, problem: 'STATE_MISMATCH', found: { globalHash, merkleRoot, events, streams } },
    );
  }
}
