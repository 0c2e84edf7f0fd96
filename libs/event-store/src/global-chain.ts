import { hash } from 'node:crypto';
import type { RecordedEvent } from './event-store.port';
import type { ChainHashAlgorithm } from './hash-chain';

/**
 * Where the whole log stands at a position: the global hash (every event folded in log order), the
 * Merkle root of every stream's head (its last event's revision and hash) and the counts.
 */
export interface ChainState {
  position: bigint;
  globalHash: string;
  merkleRoot: string;
  events: number;
  streams: number;
  hashAlgorithm: ChainHashAlgorithm;
}

const digest = (algorithm: ChainHashAlgorithm, text: string) => hash(algorithm, text, 'hex');

/** The global hash before the first event. */
export const genesisOf = (algorithm: ChainHashAlgorithm) => digest(algorithm, 'sme-ledger:global-chain:genesis');

/**
 * Binary Merkle root over leaves given in order: each pair hashed together, an odd one carried up
 * unchanged; the root of no leaves is the hash of the empty text.
 */
export function merkleRoot(leaves: readonly string[], algorithm: ChainHashAlgorithm = 'sha256'): string {
  if (leaves.length === 0) return digest(algorithm, '');
  let level = [...leaves];
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? digest(algorithm, level[i] + level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

/**
 * The global chain, folded in log order: `global(n) = H(global(n-1) | position | stream | revision |
 * event hash)`. The per-stream chains say that no event of a stream was changed, removed or reordered
 * inside it; the global hash says the same of the whole log (and of its order across streams), and a
 * signed checkpoint of it cannot be recomputed by whoever rewrote the events.
 *
 * It is folded by a reader of the log, not written into the events: KurrentDB gives a position only
 * when it commits, after the event's own hash is fixed.
 */
export class GlobalChain {
  private hash: string;
  private position = 0n;
  private count = 0;
  private readonly heads = new Map<string, { revision: bigint; hash: string }>();

  constructor(readonly algorithm: ChainHashAlgorithm = 'sha256') {
    this.hash = genesisOf(algorithm);
  }

  add(event: Pick<RecordedEvent, 'position' | 'streamId' | 'revision' | 'hash'>): void {
    this.hash = digest(this.algorithm, `${this.hash}|${event.position}|${event.streamId}|${event.revision}|${event.hash}`);
    this.position = event.position;
    this.count += 1;
    this.heads.set(event.streamId, { revision: event.revision, hash: event.hash });
  }

  /** The state after the last event added. */
  state(): ChainState {
    const leaves = [...this.heads.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([streamId, head]) => digest(this.algorithm, `${streamId}|${head.revision}|${head.hash}`));
    return {
      position: this.position,
      globalHash: this.hash,
      merkleRoot: merkleRoot(leaves, this.algorithm),
      events: this.count,
      streams: this.heads.size,
      hashAlgorithm: this.algorithm,
    };
  }
}

/** The exact text a checkpoint's signature covers: its state, in a fixed order. */
export function checkpointStatement(state: ChainState): string {
  return JSON.stringify({
    position: state.position.toString(10),
    globalHash: state.globalHash,
    merkleRoot: state.merkleRoot,
    events: state.events,
    streams: state.streams,
    hashAlgorithm: state.hashAlgorithm,
  });
}

/** A checkpoint as signed and stored: its state (the position as a decimal string) and the signature over its statement. */
export interface SignedCheckpoint {
  position: string;
  globalHash: string;
  merkleRoot: string;
  events: number;
  streams: number;
  hashAlgorithm: ChainHashAlgorithm;
  signatureAlgorithm: string;
  keyId: string;
  /** Base64. */
  signature: string;
  signedAt: string;
}

export type CheckpointProblem = 'SIGNATURE_INVALID' | 'LOG_ENDS_BEFORE_CHECKPOINT' | 'STATE_MISMATCH';

export interface CheckpointCheck {
  position: string;
  signedAt: string;
  ok: boolean;
  /**
   * SIGNATURE_INVALID: the checkpoint was altered, or not signed by the trusted key. LOG_ENDS_BEFORE_CHECKPOINT:
   * events it covered are gone from the log's end. STATE_MISMATCH: the log up to it is not what was signed —
   * an event changed, removed, inserted or moved, even with every hash recomputed.
   */
  problem?: CheckpointProblem;
  /** STATE_MISMATCH: what the log gives now at that position. */
  found?: { globalHash: string; merkleRoot: string; events: number; streams: number };
}

const stateOf = (c: SignedCheckpoint): ChainState => ({ ...c, position: BigInt(c.position) });

/**
 * Folds the whole log once and checks each checkpoint against it: its signature (by `verifySignature`,
 * over `checkpointStatement`), then the state the log gives at its position.
 */
export async function verifyCheckpoints(
  readAll: (after: bigint | undefined, maxCount: number) => Promise<readonly RecordedEvent[]>,
  checkpoints: readonly SignedCheckpoint[],
  verifySignature: (statement: string, checkpoint: SignedCheckpoint) => boolean,
  pageSize = 1000,
): Promise<CheckpointCheck[]> {
  const results = new Map<SignedCheckpoint, CheckpointCheck>();
  const pending: SignedCheckpoint[] = [];
  for (const checkpoint of checkpoints) {
    if (verifySignature(checkpointStatement(stateOf(checkpoint)), checkpoint)) pending.push(checkpoint);
    else results.set(checkpoint, { position: checkpoint.position, signedAt: checkpoint.signedAt, ok: false, problem: 'SIGNATURE_INVALID' });
  }
  pending.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
  const byAlgorithm = new Map<ChainHashAlgorithm, GlobalChain>();
  for (const c of pending) if (!byAlgorithm.has(c.hashAlgorithm)) byAlgorithm.set(c.hashAlgorithm, new GlobalChain(c.hashAlgorithm));
  const judge = (c: SignedCheckpoint) => {
    const now = byAlgorithm.get(c.hashAlgorithm)!.state();
    const same = now.position === BigInt(c.position) && now.globalHash === c.globalHash && now.merkleRoot === c.merkleRoot && now.events === c.events && now.streams === c.streams;
    const { globalHash, merkleRoot, events, streams } = now;
    results.set(c, same ? { position: c.position, signedAt: c.signedAt, ok: true } : { position: c.position, signedAt: c.signedAt, ok: false, problem: 'STATE_MISMATCH', found: { globalHash, merkleRoot, events, streams } });
  };

  let next = 0;
  let after: bigint | undefined;
  let last = 0n;
  while (next < pending.length) {
    const page = await readAll(after, pageSize);
    if (page.length === 0) break;
    for (const event of page) {
      // The state at a checkpoint's position is the state before the first event beyond it.
      while (next < pending.length && event.position > BigInt(pending[next].position)) judge(pending[next++]);
      for (const chain of byAlgorithm.values()) chain.add(event);
      last = event.position;
    }
    after = page[page.length - 1].position;
  }
  for (; next < pending.length; next++) {
    const c = pending[next];
    if (last < BigInt(c.position)) results.set(c, { position: c.position, signedAt: c.signedAt, ok: false, problem: 'LOG_ENDS_BEFORE_CHECKPOINT' });
    else judge(c);
  }
  return checkpoints.map((c) => results.get(c)!);
}
