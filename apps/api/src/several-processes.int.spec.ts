import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { materialKinds, type Actor } from '@sme/domain';
import { MongoClient } from 'mongodb';
import { actors, callBody, form, operator } from '../../../test/e2e/support/station-lifecycle';
import { daysAgo, enterpriseBody, self } from '../../../test/e2e/support/policies-demands';

const root = join(__dirname, '../../..');
const main = join(root, 'dist/apps/api/apps/api/src/main.js');
const built = existsSync(main);
const mongoBase = process.env.MONGODB_URL;
const dbName = `sme_two_${randomUUID().slice(0, 8)}`;
const runnable = built && mongoBase !== undefined;
const why = !built ? 'run npm run build first' : 'set MONGODB_URL (several processes share MongoDB, not the embedded read side)';

/** One built API process; its output is kept to read its log. */
class Api {
  private child: ChildProcess | undefined;
  output = '';
  readonly base: string;

  constructor(
    readonly name: string,
    private readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [main], { cwd: root, env: { ...this.env, PORT: String(this.port) } });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      if (await fetch(`${this.base}/health/live`).then((r) => r.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} did not start:\n${this.output.slice(-2000)}`);
  }

  /** Stops it as an orchestrator would (SIGTERM): it finishes its work and gives up the lease. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  get leads(): boolean {
    return this.output.includes('This process runs the background work');
  }

  private readonly tokens = new Map<string, string>();
  private async token(actor: Actor): Promise<string> {
    const key = JSON.stringify(actor);
    if (!this.tokens.has(key)) {
      const res = await fetch(`${this.base}/auth/dev-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sub: actor.id, role: actor.role, orgId: actor.orgId, regionCode: actor.regionCode }) });
      this.tokens.set(key, ((await res.json()) as { token: string }).token);
    }
    return this.tokens.get(key)!;
  }

  async post(actor: Actor, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await this.token(actor)}`, ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  }

  async get(actor: Actor, path: string): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.base}${path}`, { headers: { Authorization: `Bearer ${await this.token(actor)}` } });
    return { status: res.status, body: await res.json() };
  }
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, withinMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > withinMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Two built API processes on the same stores — one event store file, one MongoDB (FerretDB in CI) —
 * answering the same requests: one answer per Idempotency-Key, concurrency still exact, and the
 * background work (here: demand escalation) run by one process, then by the other once the first stops.
 */
(runnable ? describe : describe.skip)(`Two API processes on the same stores${runnable ? '' : ` (skipped: ${why})`}`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sme-two-'));
  const port = 4900 + Math.floor(Math.random() * 900);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    MONGODB_URL: `${(mongoBase ?? '').replace(/\/?$/, '/')}${dbName}`,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '1000000',
    DEV_TOKEN_RATE_PER_MINUTE: '1000000',
    SERVICE_DEADLINES_INTERVAL_MS: '0',
    DEMAND_ESCALATION_INTERVAL_MS: '200',
    DEMAND_ESCALATION_DAYS: '1',
    BACKGROUND_LEASE_SECONDS: '2',
  };
  delete env.KAFKA_BROKERS;
  const a = new Api('A', port, env);
  const b = new Api('B', port + 1, env);
  const both = [a, b];

  beforeAll(async () => {
    await a.start();
    await b.start();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(both.map((api) => api.stop()));
    rmSync(dataDir, { recursive: true, force: true });
    if (mongoBase) {
      const client = await MongoClient.connect(mongoBase);
      await client.db(dbName).dropDatabase().finally(() => client.close());
    }
  }, 60_000);

  it('gives one answer per Idempotency-Key, whichever process each copy of a request reaches', async () => {
    const keys = Array.from({ length: 12 }, (_, n) => `two-processes-call-${n}`);
    const answers = await Promise.all(
      keys.map((key, n) => Promise.all(both.map((api) => api.post(actors.city, '/calls', { ...callBody, title: `第${n}批` }, { 'Idempotency-Key': key })))),
    );
    for (const [first, second] of answers) {
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(first.body.revision).toBe(0);
    }
    expect(new Set(answers.map(([first]) => first.body.id)).size).toBe(keys.length);
    // The key is known to the other process too: there, the same key on another request is refused.
    const once = await a.post(actors.city, '/calls', { ...callBody, title: '只在A' }, { 'Idempotency-Key': 'two-processes-once' });
    expect(once.status).toBe(201);
    const reused = await b.post(actors.city, '/calls', { ...callBody, title: '另一个请求' }, { 'Idempotency-Key': 'two-processes-once' });
    expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    const replayed = await b.post(actors.city, '/calls', { ...callBody, title: '只在A' }, { 'Idempotency-Key': 'two-processes-once' });
    expect(replayed.body).toEqual(once.body);
    // Each call was written once: its stream holds one event, read through either process.
    for (const [first] of answers) {
      const events = await b.get(actors.auditor, `/streams/${first.body.streamId}/events`);
      expect(events.body.events).toHaveLength(1);
    }
  }, 60_000);

  it('keeps concurrency exact: every write lands once, and of two on one stale revision exactly one wins', async () => {
    const call = await a.post(actors.city, '/calls', callBody);
    expect(call.status).toBe(201);
    const draft = await b.post(operator(1), '/applications', { callId: call.body.id, form: form(1), occurredAt: '2019-06-03T10:00:00+08:00' });
    expect(draft.status).toBe(201);
    const material = (n: number) => ({ material: { kind: materialKinds.codes[0], fileName: `material-v${n}.pdf`, sha256: n.toString(16).padStart(64, '0') }, occurredAt: '2019-06-05T10:00:00+08:00' });
    const writes = await Promise.all(Array.from({ length: 20 }, (_, n) => both[n % 2].post(operator(1), `/applications/${draft.body.id}/materials`, material(n + 1))));
    expect(writes.map((w) => w.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(writes.map((w) => w.body.revision).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));

    const raced = await Promise.all(both.map((api, n) => api.post(operator(1), `/applications/${draft.body.id}/materials`, material(100 + n), { 'If-Match': '"20"' })));
    expect(raced.filter((r) => r.status < 300)).toHaveLength(1);
    expect(raced.filter((r) => r.status === 409)).toHaveLength(1);
  }, 60_000);

  it('runs the background work in one process: one escalation; the other takes over when it stops', async () => {
    expect(both.filter((api) => api.leads)).toHaveLength(1);
    const [leader, other] = a.leads ? [a, b] : [b, a];

    const raise = async (api: Api, seed: number) => {
      const body = enterpriseBody(seed);
      const registered = await api.post(actors.tianhe, '/enterprises', body);
      expect(registered.status).toBe(201);
      const demand = await api.post(self(body.uscc), '/demands', { enterpriseId: registered.body.id, category: 'FINANCE', description: '贷款', urgency: 'NORMAL', occurredAt: daysAgo(2) });
      expect(demand.status).toBe(201);
      return demand.body.id as string;
    };
    const escalationsOf = async (demandId: string) =>
      ((await other.get(actors.auditor, `/streams/demand-${demandId}/events`)).body.events as { type: string }[]).filter((e) => e.type === 'DemandEscalated').length;

    const first = await raise(other, 7101);
    expect(await eventually(() => escalationsOf(first), (n) => n > 0)).toBe(1);
    // Many runs later (every 200 ms, in one process), still one.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await escalationsOf(first)).toBe(1);
    expect(other.leads).toBe(false);

    await leader.stop();
    const second = await raise(other, 7102);
    expect(await eventually(() => escalationsOf(second), (n) => n > 0)).toBe(1);
    expect(other.leads).toBe(true);
  }, 90_000);
});
