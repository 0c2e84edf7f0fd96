import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const main = join(root, 'dist/apps/api/apps/api/src/main.js');
const built = existsSync(main);
/** FerretDB (or MongoDB) when the test servers run, in a database of its own; else the embedded store. */
const mongodbUrl = process.env.MONGODB_URL ? `${process.env.MONGODB_URL.replace(/\/?$/, '/')}sme_crash_${randomUUID().slice(0, 8)}` : undefined;

const callBody = (n: number) => ({
  title: `第${n}批服务站征集`,
  documentNumber: '穗工信函〔2019〕1100号',
  cityCode: '440100',
  targetStationCount: 100,
  registrationCutoff: '2018-01-01',
  districtDeadline: '2019-06-18T17:00:00+08:00',
  cityDeadline: '2019-06-28T17:00:00+08:00',
  occurredAt: '2019-06-03T10:00:00+08:00',
});

/**
 * The built API (`npm run build`, as CI does before the tests) killed with SIGKILL while writing under
 * load, then started again on the same data: it answers its liveness check within 5 s, and a retry of
 * every request that was in flight gets a real answer — never IDEMPOTENCY_KEY_IN_PROGRESS — with nothing
 * written twice.
 */
(built ? describe : describe.skip)(`SIGKILL under load and restart${built ? (mongodbUrl ? ' (FerretDB/MongoDB read side)' : ' (embedded read side)') : ' (skipped: run npm run build first)'}`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sme-crash-'));
  const port = 4000 + Math.floor(Math.random() * 900);
  const base = `http://127.0.0.1:${port}`;
  let api: ChildProcess | undefined;
  let output = '';

  const start = () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', SERVICE_DEADLINES_INTERVAL_MS: '0', DEMAND_ESCALATION_INTERVAL_MS: '0', RATE_LIMIT_PER_MINUTE: '100000' };
    delete env.MONGODB_URL;
    api = spawn(process.execPath, [main], { cwd: root, env: { ...env, ...(mongodbUrl ? { MONGODB_URL: mongodbUrl } : {}) } });
    api.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  };
  const live = async (withinMs: number) => {
    const started = Date.now();
    while (Date.now() - started < withinMs) {
      if (await fetch(`${base}/health/live`).then((r) => r.ok, () => false)) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`not live within ${withinMs} ms:\n${output.slice(-2000)}`);
  };

  afterAll(() => {
    api?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers liveness within 5 s of the restart, and every retried request gets a real answer, written once', async () => {
    start();
    await live(60_000);
    const token = ((await (await fetch(`${base}/auth/dev-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sub: 'city-1', role: 'CITY_AUTHORITY', orgId: 'GZ-MIIT', regionCode: '440100' }) })).json()) as { token: string }).token;
    const post = (n: number) =>
      fetch(`${base}/calls`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': `crash-call-${n}` },
        body: JSON.stringify(callBody(n)),
      });

    // Forty writes at once; the process is killed while they are in flight.
    const first = Array.from({ length: 40 }, (_, i) => post(i + 1).then((r) => r.status, () => 'lost' as const));
    await new Promise((resolve) => setTimeout(resolve, 40));
    api?.kill('SIGKILL');
    const before = await Promise.all(first);
    expect(before).toContain('lost');

    start();
    expect(await live(5_000)).toBeLessThan(5_000);

    const retried = await Promise.all(Array.from({ length: 40 }, async (_, i) => {
      const answer = await post(i + 1);
      return { status: answer.status, body: (await answer.json()) as { id?: string; code?: string } };
    }));
    expect(retried.filter((r) => r.status !== 201)).toEqual([]);
    const ids = retried.map((r) => r.body.id);
    expect(new Set(ids).size).toBe(40);
    const listed = (await (await fetch(`${base}/calls?limit=100`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: { id: string }[]; total: number };
    expect(listed.items.map((c) => c.id).sort()).toEqual([...ids].sort());
  }, 120_000);
});
