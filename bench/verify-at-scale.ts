import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { applicationKind } from '@sme/domain';
import { LedgerVerifier, SqliteEventStore, verifyAll, type EventStore } from '@sme/event-store';
import { materialAttached, range } from './support/fixtures';
import { formatBytes, printTable, type Cell } from './support/table';

export interface VerifyBenchOptions {
  /** Events in the log before the first verification. */
  events: number;
  /** Events appended between the verifications (the incremental run reads these). */
  appended: number;
  streams: number;
}

const never = () => false;

/**
 * (g) `/audit/verify` at scale: the whole log read and checked (every event's hash and link, the global
 * chain folded) against the incremental run that reads only what was appended since — the same
 * LedgerVerifier the API keeps. The reference is the same full check without the global fold
 * (`verifyAll`, what verification cost before checkpoints existed).
 */
export async function benchVerify(options: VerifyBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sme-ledger-bench-verify-'));
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore(file);
  try {
    process.stdout.write(`  writing ${options.events.toLocaleString('en-US')} events over ${options.streams} streams…\n`);
    const written = await write(store, options.events, options.streams);
    const rows: Cell[][] = [];
    const readAll = (after: bigint | undefined, maxCount: number) => store.readAll({ after, maxCount });

    let started = performance.now();
    const reference = await verifyAll(store, { pageSize: 1000 });
    const referenceMs = performance.now() - started;
    rows.push(['per-stream chains only (verifyAll, reference)', reference.eventsChecked, referenceMs, (reference.eventsChecked * 1000) / referenceMs]);

    const verifier = new LedgerVerifier();
    started = performance.now();
    const full = await verifier.verify(readAll, await store.headPosition(), [], never);
    const fullMs = performance.now() - started;
    rows.push(['full: chains and global fold (first run, ?full=true)', full.eventsChecked, fullMs, (full.eventsChecked * 1000) / fullMs]);

    await write(store, options.appended, options.streams);
    started = performance.now();
    const incremental = await verifier.verify(readAll, await store.headPosition(), [], never);
    const incrementalMs = performance.now() - started;
    rows.push([`incremental: after ${options.appended.toLocaleString('en-US')} more events`, incremental.eventsChecked, incrementalMs, (incremental.eventsChecked * 1000) / incrementalMs]);

    printTable(`(g) /audit/verify at ${written.toLocaleString('en-US')} events — embedded store`, ['run', 'events read', 'ms', 'events/s'], rows, [
      `The incremental run took ${((incrementalMs / fullMs) * 100).toFixed(2)} % of the full one; both ok: ${full.ok && incremental.ok}.`,
      `Database: ${formatBytes(statSync(file).size)}. The first verification after a start is full; the API keeps the verifier between requests.`,
    ]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function write(store: EventStore, events: number, streams: number): Promise<number> {
  const streamIds = range(streams).map(() => applicationKind.streamId(`verify-${randomUUID()}`));
  const revisions = new Map<string, bigint>();
  let n = 0;
  while (n < events) {
    const streamId = streamIds[(n / 100) % streams | 0];
    const size = Math.min(100, events - n);
    const batch = range(size).map((k) => materialAttached(streamId.slice('application-'.length), n + k));
    const last = revisions.get(streamId);
    const result = await store.append(streamId, batch, last === undefined ? 'no_stream' : last);
    revisions.set(streamId, result.nextExpectedRevision);
    n += size;
  }
  return n;
}
