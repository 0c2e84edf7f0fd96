import { Worker } from 'node:worker_threads';

/**
 * Copies SQLite write-ahead logs back into their database files on a thread of their own.
 *
 * A commit on a connection whose log has passed `wal_autocheckpoint` pages copies the log into the file
 * and syncs the disk twice, on the thread that committed. In the API that thread is the event loop:
 * on the two-core machine a commit that did so took 16–18 ms, several times in every 6 s at 700
 * appends a second, and every request waiting behind it waited as long. Once `enable()` is called, each
 * file database opened by `openSqliteDatabase` is also opened by a worker thread, which runs a PASSIVE
 * checkpoint on it every `intervalMs`: it copies what no reader still needs and never waits for, nor
 * holds up, a reader or the writer. The connections of the process then checkpoint on commit only as
 * a fallback, when the log has grown to `FALLBACK_CHECKPOINT_PAGES` (the worker stopped, or could not
 * keep up).
 *
 * The log starts again from its beginning only when a write begins while everything in it has been
 * copied. A writer that never pauses long enough for that (a bulk import, batches appended back to back)
 * makes the log grow until its own commit checkpoints at `FALLBACK_CHECKPOINT_PAGES`, and that commit
 * waits for whatever the worker has not yet copied: 58–95 ms on the two-core machine with a pass
 * every 100 ms (batches of 100 events appended back to back). So while a log past `GROWING_LOG_PAGES`
 * still gets new pages, the worker passes every `CHASING_CHECKPOINT_MS` instead, and that commit has
 * little left to copy (13 ms at most in the same runs). A log that keeps restarting stays small, and
 * one that no longer grows needs nothing: both are passed over every `intervalMs`.
 *
 * Closing a connection first closes the worker's connection to that file (the close waits for it, at
 * most `CLOSE_WAIT_MS`), so that the last connection to close is still the process's own and removes
 * the log as before.
 */
export const BACKGROUND_CHECKPOINT_MS = 100;

/** Pass interval while some log has grown past `GROWING_LOG_PAGES` (its writer has not paused for a restart). */
export const CHASING_CHECKPOINT_MS = 5;

/** Pages of log (16 MiB) past which the worker passes every `CHASING_CHECKPOINT_MS`. */
export const GROWING_LOG_PAGES = 4_000;

/** Pages of log after which a commit checkpoints on its own thread when the worker has not. */
export const FALLBACK_CHECKPOINT_PAGES = 40_000;

/** Longest a close waits for the worker to let go of the file. */
const CLOSE_WAIT_MS = 5_000;

/** The worker's code: plain JavaScript, evaluated as is (no compilation step in any runtime). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// [0]: the last close released (see forget); [1]: passes made; [2]: passes followed by a chasing one.
const shared = new Int32Array(workerData.shared);
const open = new Map();
const copiedUpTo = new Map();
const reported = new Set();
function checkpointAll() {
  let chase = false;
  for (const [path, db] of open) {
    try {
      const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
      // A long log that this pass still had to copy from has not restarted for a while: its writer does
      // not pause. Keep up with it.
      if (log >= workerData.growingLogPages && checkpointed !== copiedUpTo.get(path)) chase = true;
      copiedUpTo.set(path, checkpointed);
    } catch (error) {
      if (reported.has(path)) continue;
      reported.add(path);
      parentPort.postMessage({ type: 'failed', path, message: String((error && error.message) || error) });
    }
  }
  Atomics.add(shared, 1, 1);
  if (chase) Atomics.add(shared, 2, 1);
  setTimeout(checkpointAll, chase ? workerData.chasingMs : workerData.intervalMs);
}
parentPort.on('message', (message) => {
  if (message.type === 'watch' && !open.has(message.path)) {
    try {
      const db = new Database(message.path, { fileMustExist: true });
      db.pragma('synchronous = NORMAL');
      open.set(message.path, db);
    } catch (error) {
      parentPort.postMessage({ type: 'failed', path: message.path, message: String((error && error.message) || error) });
    }
  } else if (message.type === 'forget') {
    const db = open.get(message.path);
    open.delete(message.path);
    copiedUpTo.delete(message.path);
    reported.delete(message.path);
    try {
      if (db) db.close();
    } finally {
      Atomics.store(shared, 0, message.seq);
      Atomics.notify(shared, 0);
    }
  }
});
setTimeout(checkpointAll, workerData.intervalMs);
`;

interface Checkpointer {
  worker: Worker;
  /** [0]: the sequence number of the last close the worker released; [1]: passes it has made; [2]: of those, the ones it followed with a pass after `CHASING_CHECKPOINT_MS`. */
  shared: Int32Array;
  /** Connections of this process open on each file. */
  watched: Map<string, number>;
  seq: number;
}

let checkpointer: Checkpointer | null = null;
let enabled = false;

export const backgroundCheckpoints = {
  /** From now on, file databases opened by `openSqliteDatabase` are checkpointed by the worker. */
  enable(): void {
    enabled = true;
  },

  get enabled(): boolean {
    return enabled;
  },

  /** Passes the worker has made over the files it watches (0 before it starts). */
  get passes(): number {
    return checkpointer ? Atomics.load(checkpointer.shared, 1) : 0;
  },

  /** Of those, the passes after which it kept up with a growing log (its next pass `CHASING_CHECKPOINT_MS` later). */
  get chasingPasses(): number {
    return checkpointer ? Atomics.load(checkpointer.shared, 2) : 0;
  },

  /** A connection of this process opened `path`. */
  watch(path: string): void {
    const running = start();
    const count = running.watched.get(path) ?? 0;
    running.watched.set(path, count + 1);
    if (count === 0) running.worker.postMessage({ type: 'watch', path });
  },

  /** A connection of this process is about to close `path`: when it is the last, the worker lets go of the file first. */
  forget(path: string): void {
    const running = checkpointer;
    const count = running?.watched.get(path);
    if (!running || count === undefined) return;
    if (count > 1) {
      running.watched.set(path, count - 1);
      return;
    }
    running.watched.delete(path);
    running.seq += 1;
    const seq = running.seq;
    running.worker.postMessage({ type: 'forget', path, seq });
    const deadline = Date.now() + CLOSE_WAIT_MS;
    for (let seen = Atomics.load(running.shared, 0); seen < seq; seen = Atomics.load(running.shared, 0)) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(running.shared, 0, seen, left) === 'timed-out') break;
    }
  },
};

function start(): Checkpointer {
  if (checkpointer) return checkpointer;
  const shared = new SharedArrayBuffer(12);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: require.resolve('better-sqlite3'),
      shared,
      intervalMs: BACKGROUND_CHECKPOINT_MS,
      chasingMs: CHASING_CHECKPOINT_MS,
      growingLogPages: GROWING_LOG_PAGES,
    },
  });
  worker.on('message', (message: { type: string; path?: string; message?: string }) => {
    if (message.type === 'failed') process.emitWarning(`Background checkpoints of ${message.path} failed: ${message.message}`);
  });
  worker.on('error', (error) => process.emitWarning(`The background checkpoint thread stopped: ${error.message}`));
  worker.on('exit', () => {
    if (checkpointer?.worker === worker) checkpointer = null;
  });
  // The process may end while the worker runs: an interrupted checkpoint is simply incomplete. (After
  // the listeners: adding a 'message' listener holds the process open again.)
  worker.unref();
  checkpointer = { worker, shared: new Int32Array(shared), watched: new Map(), seq: 0 };
  return checkpointer;
}
