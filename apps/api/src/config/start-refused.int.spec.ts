import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The API's own entry point with a bad production configuration: one message naming every problem, exit code 1, nothing served. */
describe('start with a bad configuration', () => {
  it('prints one message naming every problem and exits non-zero', () => {
    const root = join(__dirname, '../../../..');
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: 'short', PORT: 'eighty', METRICS: 'everyone', TS_NODE_PROJECT: 'tsconfig.json' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The configuration has 3 problems:');
    for (const name of ['JWT_SECRET must be at least 32', 'PORT must be a port number', 'METRICS must be one of public, admin']) expect(run.stderr).toContain(name);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});
