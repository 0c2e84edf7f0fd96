import { randomUUID } from 'node:crypto';
import type { Actor } from '@sme/domain';
import { ApiProcess, type ServerUsage } from './support/api-process';
import { actors, attachMaterialBody, callBody, DRAFTED_AT, form, operator, range } from './support/fixtures';
import { inParallel, JsonClient, type RequestSpec } from './support/http-client';
import { runAtRate, runLoad, type LoadResult } from './support/load';
import { printTable, type Cell } from './support/table';

export interface HttpBenchOptions {
  /** Client counts to run every scenario with. */
  concurrencies: number[];
  warmupMs: number;
  durationMs: number;
  /** Drafts the material scenarios spread their commands over (split evenly between the clients). */
  draftPool: number;
  /** Only the rows whose name contains one of these (the no-op always runs: it is the reference); all when empty. */
  only?: string[];
  /** Further rates (req/s) to run the materials command at, open loop, after the other rows. */
  rates?: number[];
}

interface Scenario {
  name: string;
  /** Builds what one run needs (not timed) and returns how client `c` makes its `n`-th request. */
  prepare(concurrency: number): Promise<Prepared>;
}

interface Prepared {
  next(client: number, n: number): RequestSpec;
  /** Called with each request answered 2xx. */
  onSuccess?(client: number, spec: RequestSpec): void;
  /** A line printed under the table about this run, if any. */
  afterwards?(): string | undefined;
}

interface Row {
  scenario: string;
  concurrency: number;
  result: LoadResult;
  serverCpu: number;
  clientCpu: number;
  note?: string;
  /** For a command row at the most clients: the no-op's req/s measured right after it, the reference least moved by the machine's drift. */
  noopAfter?: number;
  /** How long after the window the read side had applied the row's last write, and the API's CPU time meanwhile (counted in `cpu ms/req`). */
  settled: { ms: number; cpuMs: number };
}

/**
 * (a) Commands over HTTP on the real stack: the API in its own process on 127.0.0.1 with the embedded
 * SQLite store in a temporary directory, driven by closed-loop clients over a keep-alive agent.
 */
export async function benchHttp(options: HttpBenchOptions): Promise<void> {
  const maxClients = Math.max(...options.concurrencies);
  const api = await ApiProcess.start();
  const http = new JsonClient(api.port, maxClients);
  try {
    const bearer = tokenIssuer(http);
    const operators = range(maxClients).map((i) => operator(i + 1));
    const operatorAuth = await Promise.all(operators.map(bearer));
    const call = await http.ok<{ id: string }>({ method: 'POST', path: '/calls', body: callBody, headers: await bearer(actors.city) });

    /** `perClient` drafts for each of `clients` operators, created over HTTP before the run. */
    const drafts = (clients: number, perClient: number) =>
      Promise.all(
        range(clients).map(async (client) => {
          const created = await inParallel(range(perClient), 8, () =>
            http.ok<{ id: string }>({
              method: 'POST',
              path: '/applications',
              body: { callId: call.id, form: form(client + 1), occurredAt: DRAFTED_AT },
              headers: operatorAuth[client],
            }),
          );
          return created.map((c) => c.id);
        }),
      );

    /** AttachMaterial on each client's own drafts in turn, so streams grow slowly and clients never collide. */
    const attachScenario = (name: string, withKey: boolean): Scenario => ({
      name,
      async prepare(concurrency) {
        const owned = await drafts(concurrency, Math.max(1, Math.floor(options.draftPool / concurrency)));
        const path = (id: string) => `/applications/${id}/materials`;
        const attached = new Map<string, number>();
        return {
          next: (client, n) => {
            const list = owned[client];
            const id = list[n % list.length];
            const headers: Record<string, string> = { ...operatorAuth[client] };
            if (withKey) headers['idempotency-key'] = randomUUID();
            return { method: 'POST', path: path(id), body: attachMaterialBody(n), headers };
          },
          onSuccess: (_, spec) => attached.set(spec.path, (attached.get(spec.path) ?? 0) + 1),
          afterwards: () => {
            // Each draft's stream: its ApplicationDrafted event plus one event per successful attach.
            const lengths = owned.flat().map((id) => 1 + (attached.get(path(id)) ?? 0));
            const [least, most] = [Math.min(...lengths), Math.max(...lengths)];
            return `${lengths.length} drafts; their streams ended with ${least === most ? least : `${least}–${most}`} events`;
          },
        };
      },
    });

    const scenarios: Scenario[] = [
      {
        name: 'POST /bench/noop (no store)',
        async prepare() {
          return {
            next: (client, n) => ({ method: 'POST', path: '/bench/noop', body: attachMaterialBody(n), headers: operatorAuth[client] }),
          };
        },
      },
      attachScenario('POST /applications/:id/materials', false),
      attachScenario('  same, with Idempotency-Key', true),
      {
        // The read path: one list read of one projection, waiting only until that projection has applied
        // this instance's last write (no polling of every projection, no read of the log's head).
        name: 'GET /applications?callId= (list)',
        async prepare() {
          const headers = await bearer(actors.city);
          return { next: () => ({ method: 'GET', path: `/applications?callId=${call.id}&limit=20`, headers }) };
        },
      },
      {
        name: 'POST /applications (new draft)',
        async prepare() {
          const bodies = operators.map((_, client) => ({ callId: call.id, form: form(client + 1), occurredAt: DRAFTED_AT }));
          return { next: (client) => ({ method: 'POST', path: '/applications', body: bodies[client], headers: operatorAuth[client] }) };
        },
      },
    ];

    const rows: Row[] = [];
    const only = options.only ?? [];
    const wanted = (name: string) => only.length === 0 || only.some((part) => name.includes(part));
    const chosen = scenarios.filter((scenario) => scenario.name.startsWith('POST /bench/noop') || wanted(scenario.name));
    const [noopScenario] = scenarios;
    /** The no-op again, at once (it is warm): what the machine gives now, beside the row just measured. */
    const noopNow = async (concurrency: number): Promise<number> => {
      const { next } = await noopScenario.prepare(concurrency);
      await runLoad(http, { concurrency, durationMs: Math.min(options.warmupMs, 1000), next }, []);
      return (await runLoad(http, { concurrency, durationMs: options.durationMs, next }, [])).requestsPerSecond;
    };
    const cityHeaders = await bearer(actors.city);
    /**
     * Waits until the read side has applied every write this API has made (a list read waits for that, and
     * answers 503 while still behind after its own wait): the projector runs in the API process, and the
     * events a row wrote faster than it applied them would otherwise be applied during the next row.
     * Gives how long that took and the API's CPU time meanwhile.
     */
    const settle = async (): Promise<{ ms: number; cpuMs: number }> => {
      const before = await api.usage();
      const started = performance.now();
      for (;;) {
        const res = await http.send({ method: 'GET', path: `/applications?callId=${call.id}&limit=1`, headers: cityHeaders });
        if (res.status === 200) break;
        if (res.status !== 503) throw new Error(`waiting for the read side: GET /applications answered ${res.status}`);
      }
      const ms = performance.now() - started;
      return { ms, cpuMs: cpuMsBetween(before, await api.usage()) };
    };
    for (const scenario of chosen) {
      for (const concurrency of options.concurrencies) {
        process.stdout.write(`  running ${scenario.name.trim()} with ${concurrency} client(s)…\n`);
        const prepared = await scenario.prepare(concurrency);
        const { next, onSuccess } = prepared;
        const counters: number[] = [];
        await settle();
        await runLoad(http, { concurrency, durationMs: options.warmupMs, next, onSuccess }, counters);

        const serverBefore = await api.usage();
        const clientBefore = process.cpuUsage();
        const result = await runLoad(http, { concurrency, durationMs: options.durationMs, next, onSuccess }, counters);
        const clientCpu = cpuPercent(process.cpuUsage(clientBefore), result.elapsedMs);
        const serverCpu = serverCpuPercent(serverBefore, await api.usage(), result.elapsedMs);
        const settled = await settle();
        const row: Row = { scenario: scenario.name, concurrency, result, serverCpu, clientCpu, settled, note: prepared.afterwards?.() };
        if (isCommandRow(row) && concurrency === maxClients) {
          process.stdout.write(`  running the no-op again with ${concurrency} client(s), beside it…\n`);
          row.noopAfter = await noopNow(concurrency);
        }
        rows.push(row);
      }
    }
    // Goal 1's second half: the command's p99 at half the no-op's rate at 16 clients, sent on a fixed
    // schedule (open loop), so that a slow answer is counted from when its request was due.
    const atRate = async (rate: number, label: string): Promise<void> => {
      process.stdout.write(`  running the materials command at a fixed ${rate} req/s…\n`);
      const prepared = await attachScenario('fixed rate', false).prepare(maxClients);
      const counters: number[] = [];
      const load = { ratePerSecond: rate, clients: maxClients, maxInFlight: 256, next: prepared.next, onSuccess: prepared.onSuccess };
      await settle();
      await runAtRate(http, { ...load, durationMs: options.warmupMs }, counters);
      const serverBefore = await api.usage();
      const clientBefore = process.cpuUsage();
      const result = await runAtRate(http, { ...load, durationMs: options.durationMs }, counters);
      const serverAfter = await api.usage();
      const clientCpu = cpuPercent(process.cpuUsage(clientBefore), result.elapsedMs);
      const settled = await settle();
      const { loopDelayP99, loopDelayMax, gcPauses, gcLongest, gcTotal } = serverAfter.stalls;
      rows.push({
        scenario: `POST /applications/:id/materials at ${rate}/s (${label})`,
        concurrency: maxClients,
        result,
        serverCpu: serverCpuPercent(serverBefore, serverAfter, result.elapsedMs),
        clientCpu,
        settled,
        note:
          `open loop over ${maxClients} operators' drafts, latency from each request's due time; ${result.notSent} not sent (256 already in flight). Goal: p99 < 20 ms. ` +
          `The API's event loop over the window: delay p99 ${loopDelayP99.toFixed(1)} ms, max ${loopDelayMax.toFixed(1)} ms; ` +
          `${gcPauses} GC pauses, the longest ${gcLongest.toFixed(1)} ms, ${gcTotal.toFixed(0)} ms in all.`,
      });
    };
    const noop = rows.find((row) => row.scenario.startsWith('POST /bench/noop') && row.concurrency === maxClients);
    if (noop && wanted('POST /applications/:id/materials at a fixed rate')) {
      // Half the no-op's rate as last measured (beside the materials row when it ran).
      const latest = [...rows].reverse().find((row) => row.noopAfter !== undefined)?.noopAfter ?? noop.result.requestsPerSecond;
      await atRate(Math.max(1, Math.round(latest / 2)), '½ no-op');
    }
    // More fixed rates when asked (BENCH_HTTP_RATES): where the latency turns as the rate grows.
    for (const rate of options.rates ?? []) await atRate(rate, 'asked');
    const serverMemory = (await api.usage()).memory;
    printResults(rows, options, serverMemory);
  } finally {
    http.close();
    await api.stop();
  }
}

/** A row of a command (not the no-op, the list read or the fixed-rate run). */
const isCommandRow = (r: Row) => /^(POST \/applications|same)/.test(r.scenario.trim()) && !r.scenario.includes('/s (');

/** Authorization headers from the API's dev-token endpoint. */
function tokenIssuer(http: JsonClient): (actor: Actor) => Promise<Record<string, string>> {
  return async (actor) => {
    const body = { sub: actor.id, role: actor.role, orgId: actor.orgId, regionCode: actor.regionCode };
    const { token } = await http.ok<{ token: string }>({ method: 'POST', path: '/auth/dev-token', body });
    return { authorization: `Bearer ${token}` };
  };
}

/**
 * The API's CPU milliseconds per successful request: over the row's window, and while the read side then
 * applied what the window wrote (the projector's share of the row's work); undefined when none succeeded.
 */
function cpuPerRequest({ result, serverCpu, settled }: Pick<Row, 'result' | 'serverCpu' | 'settled'>): number | undefined {
  const succeeded = (result.requestsPerSecond * result.elapsedMs) / 1000;
  return succeeded > 0 ? ((serverCpu / 100) * result.elapsedMs + settled.cpuMs) / succeeded : undefined;
}

/** The API's CPU time (ms) between two usages. */
const cpuMsBetween = (before: ServerUsage, after: ServerUsage) => (after.cpu.user - before.cpu.user + (after.cpu.system - before.cpu.system)) / 1000;

const cpuPercent = (used: NodeJS.CpuUsage, elapsedMs: number) => ((used.user + used.system) / 1000 / elapsedMs) * 100;

function serverCpuPercent(before: ServerUsage, after: ServerUsage, elapsedMs: number): number {
  const used = { user: after.cpu.user - before.cpu.user, system: after.cpu.system - before.cpu.system };
  return cpuPercent(used, elapsedMs);
}

function printResults(rows: Row[], options: HttpBenchOptions, serverMemory: NodeJS.MemoryUsage): void {
  const table: Cell[][] = rows.map(({ scenario, concurrency, result, serverCpu, clientCpu, settled }) => [
    scenario,
    concurrency,
    result.requests,
    result.errors,
    result.requestsPerSecond,
    result.latency.p50,
    result.latency.p99,
    result.latency.max,
    `${serverCpu.toFixed(0)}%`,
    cpuPerRequest({ result, serverCpu, settled })?.toFixed(2) ?? '–',
    `${clientCpu.toFixed(0)}%`,
  ]);
  const notes: string[] = [
    `${options.warmupMs / 1000} s warm-up (not counted), then ${options.durationMs / 1000} s measured per row; latency of 2xx answers only.`,
    'API cpu / load cpu: CPU time of the API process and of the load generator over the measured window (100% = one core; GC threads can push it past).',
    'cpu ms/req: the API process\'s CPU time over the window (and while the read side then caught up) per successful request.',
  ];
  for (const row of rows) {
    if (row.note) notes.push(`${row.scenario.trim()}, ${row.concurrency} client(s): ${row.note}`);
    if (row.settled.ms >= 50) {
      notes.push(
        `${row.scenario.trim()}, ${row.concurrency} client(s): the read side had applied the window's writes ${row.settled.ms.toFixed(0)} ms after it; ` +
          `the API's ${row.settled.cpuMs.toFixed(0)} ms of CPU meanwhile are in cpu ms/req.`,
      );
    }
    for (const sample of row.result.errorSamples) notes.push(`error (${row.scenario.trim()}, ${row.concurrency}): ${sample}`);
  }
  const noop16 = rows.find((r) => r.scenario.startsWith('POST /bench/noop') && r.concurrency > 1);
  const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)} %`;
  for (const row of rows.filter((r) => isCommandRow(r) && r.concurrency === noop16?.concurrency)) {
    const rps = row.result.requestsPerSecond;
    const beside = row.noopAfter === undefined ? '' : `; ${percent(rps, row.noopAfter)} of the no-op run right after it (${row.noopAfter.toFixed(0)} req/s)`;
    const [own, noopOwn] = [cpuPerRequest(row), cpuPerRequest(noop16!)];
    const byCpu = own && noopOwn ? `; by API CPU per request, ${percent(noopOwn, own)} (${noopOwn.toFixed(2)} ms for the no-op, ${own.toFixed(2)} ms for the command)` : '';
    notes.push(`${row.scenario.trim()} at ${row.concurrency} clients: ${percent(rps, noop16!.result.requestsPerSecond)} of the no-op's req/s above${beside}${byCpu} (goal: ≥ 50 %).`);
  }
  const noop = rows.find((r) => r.scenario.startsWith('POST /bench/noop') && r.concurrency === 1);
  const attach = rows.find((r) => r.scenario.startsWith('POST /applications/:id') && r.concurrency === 1);
  if (noop && attach) {
    notes.push(
      `At 1 client, p50 of the materials command minus p50 of the no-op: ${(attach.result.latency.p50 - noop.result.latency.p50).toFixed(2)} ms ` +
        '(the command\'s own work: access gate, read, fold, decide, append; short windows make this noisy).',
    );
  }
  const list = rows.find((r) => r.scenario.startsWith('GET /applications') && r.concurrency === 1);
  if (noop && list) {
    notes.push(
      `At 1 client, p50 of the list read minus p50 of the no-op: ${(list.result.latency.p50 - noop.result.latency.p50).toFixed(2)} ms ` +
        '(the read path: its one projection checked against the position the read must see, then the query).',
    );
  }
  notes.push(`API process memory at the end: rss ${(serverMemory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(serverMemory.heapUsed / 2 ** 20).toFixed(0)} MiB.`);
  printTable(
    '(a) HTTP command throughput — real API, embedded SQLite, 127.0.0.1, keep-alive',
    ['endpoint', 'clients', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms', 'max ms', { header: 'API cpu', align: 'right' }, { header: 'cpu ms/req', align: 'right' }, { header: 'load cpu', align: 'right' }],
    table,
    notes,
  );
}
