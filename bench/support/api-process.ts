import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { ParentMessage, ServerMessage, Stalls } from './api-server';

/** The project: two folders up, or, compiled under node_modules/.cache by `npm run bench`, the folder that holds node_modules. */
const INSTALLED = `${sep}node_modules${sep}`;
const ROOT = __dirname.includes(INSTALLED) ? __dirname.slice(0, __dirname.indexOf(INSTALLED)) : resolve(__dirname, '..', '..');
/** The young generation the API runs with in production (package.json's start scripts, docs/adr/0014). */
const YOUNG_GENERATION = '--max-semi-space-size=64';

/**
 * The API server compiled to JavaScript in `dir`, with everything it imports, as production runs the
 * API (`npm start` and `npm run start:prod` run the build). Run through ts-node, the same requests cost
 * more CPU and left more to the old generation. Types are not checked here: `npm test` does that.
 * Returns the compiled entry. `@sme/*` imports resolve through tsconfig-paths with `dir` as base, and
 * packages through NODE_PATH (the build lies outside the project).
 */
function compileServer(dir: string): string {
  const project = join(dir, 'tsconfig.json');
  const compilerOptions = { outDir: dir, rootDir: ROOT, noEmit: false, sourceMap: false, noCheck: true };
  writeFileSync(project, JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), include: [], files: [join(__dirname, 'api-server.ts')], compilerOptions }));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project], { cwd: ROOT, stdio: 'inherit' });
  return join(dir, 'bench', 'support', 'api-server.js');
}

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
    // Under `npm run bench` this module is itself compiled (bench/tsconfig.build.json), and so is the server beside it.
    const compiled = __filename.endsWith('.js');
    const buildDir = compiled ? undefined : mkdtempSync(join(tmpdir(), 'sme-ledger-bench-build-'));
    const child = fork(buildDir ? compileServer(buildDir) : join(__dirname, 'api-server.js'), [], {
      cwd: ROOT,
      // BENCH_CPU_PROFILE=<dir>: the API writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
      // BENCH_API_NODE_OPTIONS: more flags for the API's Node, e.g. "--trace-gc --trace-gc-nvp" (docs/adr/0016).
      execArgv: [YOUNG_GENERATION, ...(process.env.BENCH_API_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []), '-r', 'tsconfig-paths/register', ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROFILE] : [])],
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), TS_NODE_BASEURL: buildDir ?? process.env.TS_NODE_BASEURL, NODE_PATH: join(ROOT, 'node_modules'), DATA_DIR: dataDir, BENCH_ENDPOINTS: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // The build is removed when the process ends.
    if (buildDir) child.once('exit', () => rmSync(buildDir, { recursive: true, force: true }));
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
