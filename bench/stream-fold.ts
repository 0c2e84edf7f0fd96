import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { applicationDecider, applicationKind, type ApplicationEvent, type ApplicationState } from '@sme/domain';
import { defaultUpcast, foldStream, loadAggregate, SqliteEventStore, SqliteSnapshotStore, type RecordedEvent, type SnapshotPolicy } from '@sme/event-store';
import { foldRecorded } from '@sme/event-store/load-aggregate';
import { draftHistory, materialAttached, range } from './support/fixtures';
import { collectGarbage, readMemory } from './support/memory';
import { median, since } from './support/stats';
import { formatBytes, printTable, type Cell } from './support/table';

export interface FoldBenchOptions {
  /** Events in the stream that is loaded. */
  events: number;
  /** Timed loads after the first. */
  repeats: number;
}

const BATCH = 500;

/**
 * (c) Loading one long stream and folding it with the application decider: a draft application's
 * ApplicationDrafted followed by material replacements, all decided by the real decider. Other streams'
 * events are interleaved in the file, as in a shared log.
 */
export async function benchFold(options: FoldBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sme-ledger-bench-fold-'));
  const file = join(dir, 'events.sqlite');
  const applicationId = randomUUID();
  const streamId = applicationKind.streamId(applicationId);
  try {
    process.stdout.write(`  writing a stream of ${options.events} events (and as many in other streams)…\n`);
    await writeStreams(file, streamId, applicationId, options.events);

    // A new connection, as after a restart (the OS file cache is warm: the file was just written).
    const store = new SqliteEventStore(file);
    try {
      // Let the writer's garbage go and the heap settle before the baseline.
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 200));
      collectGarbage();
      const before = readMemory();
      let started = performance.now();
      const events = await store.readStream(streamId);
      const firstRead = since(started);
      const afterRead = readMemory();
      started = performance.now();
      const state = foldRecorded(applicationDecider, applicationDecider.initialState(), events, defaultUpcast<ApplicationEvent>);
      const firstFold = since(started);
      const afterFold = readMemory();
      collectGarbage();
      const retained = readMemory();
      const check = describeState(state, events);

      const reads: number[] = [];
      const folds: number[] = [];
      const loads: number[] = [];
      for (let i = 0; i < options.repeats; i += 1) {
        started = performance.now();
        const again = await store.readStream(streamId);
        reads.push(since(started));
        started = performance.now();
        foldRecorded(applicationDecider, applicationDecider.initialState(), again, defaultUpcast<ApplicationEvent>);
        folds.push(since(started));
        started = performance.now();
        await loadAggregate(store, streamId, applicationDecider);
        loads.push(since(started));
      }

      // With a snapshot every 100 events, the worst case: the newest snapshot is 99 events behind the head.
      const snapshotAt = events[events.length - 100];
      const policy: SnapshotPolicy = { store: new SqliteSnapshotStore(join(dir, 'snapshots.sqlite')), version: 'bench', every: 100 };
      const upTo = events.filter((event) => event.revision <= snapshotAt.revision);
      await policy.store.save({
        streamId,
        version: policy.version,
        revision: snapshotAt.revision,
        lastHash: snapshotAt.hash,
        firstOccurredAt: events[0].metadata.occurredAt,
        lastOccurredAt: snapshotAt.metadata.occurredAt,
        state: foldRecorded(applicationDecider, applicationDecider.initialState(), upTo, defaultUpcast<ApplicationEvent>),
      });
      const fromSnapshot: number[] = [];
      for (let i = 0; i < options.repeats; i += 1) {
        started = performance.now();
        const folded = await foldStream(store, streamId, applicationDecider, defaultUpcast<ApplicationEvent>, policy);
        fromSnapshot.push(since(started));
        if (folded.snapshotRevision !== snapshotAt.revision || folded.revision !== events[events.length - 1].revision) throw new Error('the fold did not start from the snapshot');
      }
      await policy.store.close();

      const perSecond = (ms: number) => (events.length * 1000) / ms;
      const rows: Cell[][] = [
        ['first load (new connection, cold code)', firstRead, firstFold, firstRead + firstFold, perSecond(firstRead + firstFold)],
        [`median of ${options.repeats} more`, median(reads), median(folds), median(reads) + median(folds), perSecond(median(reads) + median(folds))],
        [`loadAggregate(), median of ${options.repeats}`, '', '', median(loads), perSecond(median(loads))],
        [`from a snapshot 99 events behind (SQLite file), median of ${options.repeats}`, '', '', median(fromSnapshot), perSecond(median(fromSnapshot))],
      ];
      printTable(
        `(c) Load and fold one stream of ${events.length.toLocaleString('en-US')} events — readStream + applicationDecider.evolve`,
        [{ header: 'run', align: 'left' }, 'readStream ms', 'fold ms', 'total ms', 'events/s'],
        rows,
        [
          `Folded state: ${check}.`,
          `Goal: the whole stream in < 50 ms, from a snapshot in < 10 ms. From the snapshot: ${ratio(median(loads), median(fromSnapshot))} faster than the whole fold.`,
          `Memory, first load (after a full GC before it): heapUsed ${signed(afterRead.heapUsed - before.heapUsed)} after readStream, ` +
            `${signed(afterFold.heapUsed - before.heapUsed)} after the fold (garbage included); ` +
            `rss ${formatBytes(before.rss)} before, ${formatBytes(Math.max(afterRead.rss, afterFold.rss))} after (${signed(Math.max(afterRead.rss, afterFold.rss) - before.rss)}).`,
          `Still held after a GC (the ${events.length.toLocaleString('en-US')} RecordedEvents and the state): heapUsed ` +
            `${signed(retained.heapUsed - before.heapUsed)}, about ${formatBytes(Math.round((retained.heapUsed - before.heapUsed) / events.length))} per event.`,
        ],
      );
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The loaded stream, with other streams' events interleaved in the file between its batches. */
async function writeStreams(file: string, streamId: string, applicationId: string, count: number): Promise<void> {
  const writer = new SqliteEventStore(file);
  try {
    const history = draftHistory(applicationId, count);
    const others = range(50).map(() => randomUUID());
    for (let from = 0, batch = 0; from < history.length; from += BATCH, batch += 1) {
      await writer.append(streamId, history.slice(from, from + BATCH), from === 0 ? 'no_stream' : BigInt(from - 1));
      for (const [k, other] of others.entries()) {
        const noise = range(BATCH / others.length).map((n) => materialAttached(other, batch * BATCH + k * 100 + n));
        await writer.append(applicationKind.streamId(other), noise, 'any');
      }
    }
  } finally {
    await writer.close();
  }
}

const ratio = (whole: number, part: number) => `${(whole / part).toFixed(1)}×`;

const signed = (bytes: number) => (bytes >= 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes));

/** A short proof that the fold did the real work (and a use of the events after the memory reading). */
function describeState(state: ApplicationState, events: readonly RecordedEvent[]): string {
  const last = events[events.length - 1];
  const materials = state.status === 'NONE' ? 0 : state.materials.length;
  return `status ${state.status}, ${materials} materials, last revision ${last?.revision ?? -1n}`;
}
