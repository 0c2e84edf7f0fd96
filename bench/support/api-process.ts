import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { ParentMessage, ServerMessage, Stalls } from './api-server';

/** The project: two folders up, or, compiled under node_modules/.cache by `npm run bench`, the folder that holds node_modules. */
const INSTALLED = `${sep}node_modules${sep}`;
const ROOT = __dirname.includes(INSTALLED) ? __dirname.slice(0, __dirname.indexOf(INSTALLED)) : resolve(__dirname, '..', '..');
/** The young generation the API runs with in production (package.json's start scripts, docs/adr/0014). */
const YOUNG_GENERATION = '--max-semi-space-size=64';

export interface ServerUsage {
  cpu: NodeJS.CpuUsage;
  memory: NodeJS.MemoryUsage;
  /** Event-loop delay and GC pauses since the previous `usage()`. */
  stalls: Stalls;
}

/**
 * The API in a process of its own, so the load generator does not share its event loop.
 * Data lives in a fresh temporary directory, removed on stop.
 */
export class ApiProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
  ) {}

  static async start(timeoutMs = 120_000): Promise<ApiProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'sme-ledger-bench-http-'));
    // `npm run bench` runs the bench compiled (bench/tsconfig.build.json), and the API server beside it with
    // it, as production runs the API: through ts-node the same requests cost more CPU (bench/README.md (a)).
    const compiled = __filename.endsWith('.js');
    const loader = compiled ? ['-r', 'tsconfig-paths/register'] : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
    const child = fork(join(__dirname, compiled ? 'api-server.js' : 'api-server.ts'), [], {
      cwd: ROOT,
      // BENCH_CPU_PROFILE=<dir>: the API writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
      // BENCH_API_NODE_OPTIONS: more flags for the API's Node, e.g. "--trace-gc --trace-gc-nvp" (docs/adr/0016).
      execArgv: [YOUNG_GENERATION, ...(process.env.BENCH_API_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []), ...loader, ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROFILE] : [])],
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), DATA_DIR: dataDir, BENCH_ENDPOINTS: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    try {
      const port = await new Promise<number>((resolvePort, reject) => {
        const timer = setTimeout(() => reject(new Error('the API did not start in time')), timeoutMs);
        child.once('exit', (code) => reject(new Error(`the API exited during start-up (code ${code})`)));
        child.on('message', (message: ServerMessage) => {
          if (message.type === 'listening') {
            clearTimeout(timer);
            resolvePort(message.port);
          }
        });
      });
      return new ApiProcess(child, port, dataDir);
    } catch (error) {
      child.kill();
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The server's CPU time and memory so far, and what stalled it since the previous call. */
  usage(): Promise<ServerUsage> {
    return new Promise((resolveUsage) => {
      const listener = (message: ServerMessage) => {
        if (message.type !== 'usage') return;
        this.child.off('message', listener);
        resolveUsage({ cpu: message.cpu, memory: message.memory, stalls: message.stalls });
      };
      this.child.on('message', listener);
      this.post({ type: 'usage' });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((done) => this.child.once('exit', done));
      this.post({ type: 'stop' });
      const timer = setTimeout(() => this.child.kill(), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private post(message: ParentMessage): void {
    this.child.send(message);
  }
}
