import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SqliteEventStore, openSqliteDatabase } from '@sme/event-store';
import { tempDirPerTest } from '@sme/event-store/testing/temp-dir';
import { readTopics } from '@sme/messaging/relay/testing/topic-reader';
import { topicNames } from '@sme/messaging/topics';
import { writeStationHistory } from '@sme/read-models/testing/station-history';

const ROOT = join(__dirname, '../../..');
const brokers = process.env.KAFKA_BROKERS?.trim();

function startRelay(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | NodeJS.Signals | null>; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, exited, output: () => output };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('apps/relay (npm run relay)', () => {
  const tempDir = tempDirPerTest('sme-relay-app-');

  it('refuses to start without KAFKA_BROKERS', async () => {
    const relay = startRelay({ DATA_DIR: tempDir() });
    expect(await relay.exited).toBe(1);
    expect(relay.output()).toContain('KAFKA_BROKERS is not set');
  }, 30_000);

  it('refuses to start with a shard that is not one of its count', async () => {
    const relay = startRelay({ DATA_DIR: tempDir(), KAFKA_BROKERS: '127.0.0.1:1', RELAY_SHARD: '3/2' });
    expect(await relay.exited).toBe(1);
    expect(relay.output()).toContain("RELAY_SHARD must be <shard>/<shards> with 1 ≤ shard ≤ shards (e.g. 1/2), got '3/2'");
  }, 30_000);

  (brokers ? it : it.skip)(
    `publishes the embedded store under DATA_DIR and serves its lag on /health and /metrics${brokers ? '' : ' (skipped: set KAFKA_BROKERS=127.0.0.1:29392 to run)'}`,
    async () => {
      const store = new SqliteEventStore(openSqliteDatabase(join(tempDir(), 'events.sqlite')));
      const written = await writeStationHistory(store, { calls: 1, applicationsPerCall: 12 });
      const head = Number(await store.headPosition());
      await store.close();

      const prefix = `test-app-${randomUUID().slice(0, 8)}.`;
      const port = await freePort();
      const relay = startRelay({ DATA_DIR: tempDir(), KAFKA_BROKERS: brokers!, KAFKA_TOPIC_PREFIX: prefix, RELAY_PORT: String(port) });
      try {
        const deadline = Date.now() + 45_000;
        let health: { status: string; relay: { state: string; checkpoint: number | string; eventsBehind: number; head: number } } | undefined;
        while (Date.now() < deadline) {
          const response = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
          if (response?.ok) {
            health = (await response.json()) as typeof health;
            if (health?.relay.eventsBehind === 0) break;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(health).toMatchObject({ status: 'ok', relay: { state: 'running', eventsBehind: 0, head, checkpoint: head, checkpointName: `relay:${prefix}` } });
        const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        expect(metrics).toContain('sme_relay_events_behind 0\n');
        expect(metrics).toContain(`sme_relay_checkpoint ${head}\n`);
      } finally {
        relay.child.kill('SIGTERM');
      }
      expect(await relay.exited).toBe(0);
      expect(relay.output()).toContain(`created ${topicNames(prefix).join(', ')}`);
      const consumed = await readTopics([brokers!], topicNames(prefix));
      expect(consumed).toHaveLength(written.events);
    },
    60_000,
  );
});
