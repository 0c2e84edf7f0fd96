import type { HttpResponse, JsonClient, RequestSpec } from './http-client';
import { summarize, type LatencySummary } from './stats';

export interface LoadOptions {
  /** Number of clients, each sending its next request as soon as the previous one is answered. */
  concurrency: number;
  durationMs: number;
  /** The request client `client` sends as its `n`-th (0-based, counted across warm-up and measurement). */
  next: (client: number, n: number) => RequestSpec;
  /** Called with every 2xx answer (e.g. to count what was written). */
  onSuccess?: (client: number, spec: RequestSpec, response: HttpResponse) => void;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** First few error answers, to explain a non-zero error count. */
  errorSamples: string[];
  elapsedMs: number;
  requestsPerSecond: number;
  /** Latency of successful requests. */
  latency: LatencySummary;
}

/**
 * Closed-loop load: `concurrency` clients over one keep-alive agent, for a fixed duration.
 * A request started before the deadline is waited for and counted.
 */
export async function runLoad(http: JsonClient, options: LoadOptions, counters: number[] = []): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const start = performance.now();
  const deadline = start + options.durationMs;

  const client = async (id: number) => {
    while (performance.now() < deadline) {
      const n = counters[id] ?? 0;
      counters[id] = n + 1;
      const spec = options.next(id, n);
      const sent = performance.now();
      let response: HttpResponse | undefined;
      let failure: string | undefined;
      try {
        response = await http.send(spec);
        if (response.status < 200 || response.status >= 300) failure = `${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      const ms = performance.now() - sent;
      if (failure === undefined && response) {
        latencies.push(ms);
        options.onSuccess?.(id, spec, response);
      } else {
        errors += 1;
        if (errorSamples.length < 3) errorSamples.push(`${spec.method} ${spec.path}: ${failure}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, id) => client(id)));

  const elapsedMs = performance.now() - start;
  return {
    requests: latencies.length + errors,
    errors,
    errorSamples,
    elapsedMs,
    requestsPerSecond: (latencies.length * 1000) / elapsedMs,
    latency: summarize(latencies),
  };
}
