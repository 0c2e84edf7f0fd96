/**
 * Child process of the HTTP benchmark: the real API (embedded SQLite in DATA_DIR) on a free port of
 * 127.0.0.1, with the benchmark-only endpoints. Talks to its parent over IPC:
 *   -> { type: 'listening', port }           once it accepts connections
 *   <- { type: 'usage' } -> { type: 'usage', cpu, memory }
 *   <- { type: 'stop' }                      closes the app and exits
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';

export type ServerMessage =
  | { type: 'listening'; port: number }
  | { type: 'usage'; cpu: NodeJS.CpuUsage; memory: NodeJS.MemoryUsage };

export type ParentMessage = { type: 'usage' } | { type: 'stop' };

async function main(): Promise<void> {
  const send = (message: ServerMessage) => process.send?.(message);
  if (!process.env.DATA_DIR) throw new Error('DATA_DIR must be set');
  // The bench is one client sending thousands of requests a minute: the rate limits would measure themselves.
  const config = loadConfig({ DATA_DIR: process.env.DATA_DIR, RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' }, []);
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    process.exit(0);
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'usage') send({ type: 'usage', cpu: process.cpuUsage(), memory: process.memoryUsage() });
    if (message.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  send({ type: 'listening', port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
