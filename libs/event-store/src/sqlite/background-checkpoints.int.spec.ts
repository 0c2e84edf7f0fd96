import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BACKGROUND_CHECKPOINT_MS, CHASING_CHECKPOINT_MS, FALLBACK_CHECKPOINT_PAGES, GROWING_LOG_PAGES, backgroundCheckpoints } from './background-checkpoints';
import { WAL_CHECKPOINT_PAGES, openSqliteDatabase } from './open-sqlite-database';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

describe('background checkpoints (the write-ahead log copied back on a worker thread)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sme-background-checkpoints-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fill = (db: ReturnType<typeof openSqliteDatabase>, commits: number) => {
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    for (let n = 0; n < commits; n++) insert.run('x'.repeat(8_000));
  };

  it('leaves the log alone while not enabled: a commit checkpoints past WAL_CHECKPOINT_PAGES, as before', () => {
    const db = openSqliteDatabase(join(dir, 'plain.sqlite'));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_CHECKPOINT_PAGES);
    db.close();
  });

  describe('enabled', () => {
    beforeAll(() => backgroundCheckpoints.enable());

    it('copies committed pages into the database file without a commit doing it', async () => {
      const file = join(dir, 'events.sqlite');
      const db = openSqliteDatabase(file);
      // A commit checkpoints on its own thread only as a fallback.
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_CHECKPOINT_PAGES);
      db.exec('CREATE TABLE t (body TEXT)');
      const before = statSync(file).size;
      fill(db, 300); // about 2.4 MB of log: far below either threshold
      const deadline = Date.now() + 10_000;
      while (statSync(file).size < before + 2_000_000 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
      expect(statSync(file).size).toBeGreaterThan(before + 2_000_000);
      expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(300);
      db.close();
    });

    it('keeps up with a writer that never pauses: passes every CHASING_CHECKPOINT_MS while a long log grows, every BACKGROUND_CHECKPOINT_MS once it stops', async () => {
      const db = openSqliteDatabase(join(dir, 'busy.sqlite'));
      db.exec('CREATE TABLE t (body TEXT)');
      const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
      const body = 'x'.repeat(8_000);
      const passes = () => ({ all: backgroundCheckpoints.passes, chasing: backgroundCheckpoints.chasingPasses });
      const writeFor = (ms: number) => {
        // A commit every half millisecond or so: no gap long enough for the log to restart.
        for (const end = Date.now() + ms; Date.now() < end; ) {
          insert.run(body);
          for (const next = performance.now() + 0.5; performance.now() < next; );
        }
      };
      // A short log is left to the usual pace, writer or not.
      const shortFrom = passes();
      writeFor(300);
      expect(statSync(join(dir, 'busy.sqlite-wal')).size).toBeLessThan(GROWING_LOG_PAGES * 4_096);
      expect(passes().chasing - shortFrom.chasing).toBe(0);
      // Commits back to back until the log is long.
      while (statSync(join(dir, 'busy.sqlite-wal')).size < GROWING_LOG_PAGES * 4_200) insert.run(body);
      // Writing on, the worker chases: a few of its passes are followed by one CHASING_CHECKPOINT_MS
      // later. (Not every one: on a busy machine the writer is sometimes held up long enough for the
      // log to restart, and a short log is passed over at the usual pace.)
      const writingFrom = passes();
      for (const end = Date.now() + 10_000; passes().chasing - writingFrom.chasing < 3 && Date.now() < end; ) writeFor(50);
      expect(passes().chasing - writingFrom.chasing).toBeGreaterThanOrEqual(3);
      expect(CHASING_CHECKPOINT_MS).toBeLessThan(BACKGROUND_CHECKPOINT_MS / 10);
      // Once nothing is left to copy, the worker slows down again, however long the log.
      await new Promise((done) => setTimeout(done, 3 * BACKGROUND_CHECKPOINT_MS));
      const idleFrom = passes();
      await new Promise((done) => setTimeout(done, 5 * BACKGROUND_CHECKPOINT_MS));
      const idleTo = passes();
      db.close();
      expect(idleTo.chasing - idleFrom.chasing).toBe(0);
      expect(idleTo.all - idleFrom.all).toBeLessThanOrEqual(6);
    }, 30_000);

    it('when the process closes its last connection to a file, waits for the worker to let go of it: the log is gone, as before', async () => {
      const file = join(dir, 'documents.sqlite');
      const first = openSqliteDatabase(file);
      const second = openSqliteDatabase(file);
      first.exec('CREATE TABLE t (body TEXT)');
      fill(first, 20);
      await new Promise((done) => setTimeout(done, 300)); // the worker has the file open and has checkpointed it
      first.close();
      expect(existsSync(`${file}-wal`)).toBe(true); // the second connection still uses it
      second.close();
      expect(existsSync(`${file}-wal`)).toBe(false);
    });

    it('does not keep a process alive that leaves a database open', () => {
      const script = [
        "const { backgroundCheckpoints, openSqliteDatabase } = require('@sme/event-store');",
        'backgroundCheckpoints.enable();',
        `openSqliteDatabase(${JSON.stringify(join(dir, 'left-open.sqlite'))}).exec('CREATE TABLE t (x)');`,
      ].join('\n');
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', script], {
        cwd: ROOT,
        env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
        timeout: 30_000,
        encoding: 'utf8',
      });
      expect({ status: run.status, signal: run.signal, stderr: run.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
    }, 40_000);
  });
});
