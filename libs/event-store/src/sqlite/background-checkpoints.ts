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
 * Closing a connection first closes the worker's connection to that file (the close waits for it, at
 * most `CLOSE_WAIT_MS`), so that the last connection to close is still the process's own and removes
 * the log as before.
 */
export const BACKGROUND_CHECKPOINT_MS = 100;

/** Pages of log after which a commit checkpoints on its own thread when the worker has not. */
export const FALLBACK_CHECKPOINT_PAGES = 40_000;

/** Longest a close waits for the worker to let go of the file. */
const CLOSE_WAIT_MS = 5_000;

/** The worker's code: plain JavaScript, evaluated as is (no compilation step in any runtime). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const released = new Int32Array(workerData.released);
const open = new Map();
const reported = new Set();
function checkpointAll() {
  for (const [path, db] of open) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      if (reported.has(path)) continue;
      reported.add(path);
      parentPort.postMessage({ type: 'failed', path, message: String((error && error.message) || error) });
    }
  }
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
    reported.delete(message.path);
    try {
      if (db) db.close();
    } finally {
      Atomics.store(released, 0, message.seq);
      Atomics.notify(released, 0);
    }
  }
});
setInterval(checkpointAll, workerData.intervalMs);
`;

interface Checkpointer {
  worker: Worker;
  released: Int32Array;
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
    for (let seen = Atomics.load(running.released, 0); seen < seq; seen = Atomics.load(running.released, 0)) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(running.released, 0, seen, left) === 'timed-out') break;
    }
  },
};

function start(): Checkpointer {
  if (checkpointer) return checkpointer;
  const released = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3'), released, intervalMs: BACKGROUND_CHECKPOINT_MS },
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
  checkpointer = { worker, released: new Int32Array(released), watched: new Map(), seq: 0 };
  return checkpointer;
}
