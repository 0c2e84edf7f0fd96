import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from './app-config';
import { readConfiguration } from './read-configuration';

/** The settings read through @nestjs/config: an env file under the process environment, one validation. */
describe('readConfiguration', () => {
  const saved = { ...process.env };
  const envFile = (text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'env-')), '.env');
    writeFileSync(file, text);
    return file;
  };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('takes the settings of the env file, under those the environment already sets', async () => {
    delete process.env.PORT;
    process.env.FEEDBACK_WINDOW_DAYS = '20';
    process.env.ENV_FILE = envFile('PORT=4321\nFEEDBACK_WINDOW_DAYS=45\nHOST=127.0.0.2\n');
    const config = await readConfiguration([]);
    expect(config).toMatchObject({ port: 4321, feedbackWindowDays: 20, host: '127.0.0.2' });
  });

  it('refuses with one error naming every problem, from the file and the environment alike', async () => {
    process.env.METRICS = 'everyone';
    process.env.ENV_FILE = envFile('PORT=eighty\nBODY_LIMIT=lots\n');
    const refused = readConfiguration([]);
    await expect(refused).rejects.toBeInstanceOf(ConfigurationError);
    const error = (await refused.catch((e: unknown) => e)) as ConfigurationError;
    expect(error.problems).toHaveLength(3);
    for (const name of ['PORT', 'METRICS', 'BODY_LIMIT']) expect(error.problems.some((p) => p.startsWith(name))).toBe(true);
  });

  it('starts without an env file', async () => {
    process.env.ENV_FILE = join(tmpdir(), 'no-such-dir-for-env', '.env');
    delete process.env.PORT;
    expect((await readConfiguration([])).port).toBe(3000);
  });
});
