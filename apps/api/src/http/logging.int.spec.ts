import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The API as `npm start` runs it, its log read from stdout: one JSON line per request, carrying the correlation id and never the token. */
describe('structured logs', () => {
  const root = join(__dirname, '../../../..');
  const dataDir = mkdtempSync(join(tmpdir(), 'sme-logs-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  let api: ChildProcess;
  let output = '';

  beforeAll(async () => {
    api = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info', TS_NODE_PROJECT: 'tsconfig.json', SERVICE_DEADLINES_INTERVAL_MS: '0', DEMAND_ESCALATION_INTERVAL_MS: '0' },
    });
    api.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    for (let waited = 0; waited < 60_000; waited += 250) {
      if (await fetch(`http://127.0.0.1:${port}/health/live`).then((r) => r.ok, () => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`The API did not start:\n${output}`);
  }, 90_000);

  afterAll(() => {
    api.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a JSON line per request with its correlation id, its route and status, and no token', async () => {
    const token = 'Bearer secret.token.value';
    const answer = await fetch(`http://127.0.0.1:${port}/calls`, { headers: { Authorization: token, 'X-Correlation-Id': 'trace-4711' } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('x-correlation-id')).toBe('trace-4711');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lines = output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, any>);
    const request = lines.find((line) => line.correlationId === 'trace-4711');
    expect(request).toMatchObject({ level: 30, req: { method: 'GET', url: '/calls' }, res: { statusCode: 401 } });
    expect(JSON.stringify(lines)).not.toContain('secret.token.value');
    // The framework's own start-up lines are JSON too.
    expect(lines.some((line) => typeof line.msg === 'string' && line.msg.includes('listening'))).toBe(true);
  });
});
