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
  const tally = new Tally();
  const start = performance.now();
  const deadline = start + options.durationMs;

  const client = async (id: number) => {
    while (performance.now() < deadline) {
      const n = counters[id] ?? 0;
      counters[id] = n + 1;
      const spec = options.next(id, n);
      await tally.send(http, spec, performance.now(), (response) => options.onSuccess?.(id, spec, response));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, id) => client(id)));
  return tally.result(performance.now() - start);
}

/** The answers of one run: latencies of the 2xx ones, and the errors with a few samples. */
class Tally {
  private readonly latencies: number[] = [];
  private readonly errorSamples: string[] = [];
  private errors = 0;

  /** Sends `spec`; a 2xx answer's latency is counted from `since`. */
  async send(http: JsonClient, spec: RequestSpec, since: number, onSuccess: (response: HttpResponse) => void): Promise<void> {
    let failure: string;
    try {
      const response = await http.send(spec);
      if (response.status >= 200 && response.status < 300) {
        this.latencies.push(performance.now() - since);
        onSuccess(response);
        return;
      }
      failure = `${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    this.errors += 1;
    if (this.errorSamples.length < 3) this.errorSamples.push(`${spec.method} ${spec.path}: ${failure}`);
  }

  result(elapsedMs: number): LoadResult {
    const { latencies, errors, errorSamples } = this;
    return {
      requests: latencies.length + errors,
      errors,
      errorSamples,
      elapsedMs,
      requestsPerSecond: (latencies.length * 1000) / elapsedMs,
      latency: summarize(latencies),
    };
  }
}

export interface RateOptions extends Omit<LoadOptions, 'concurrency'> {
  /** Requests started per second, on a fixed schedule whatever the answers. */
  ratePerSecond: number;
  /** The requests spread over this many clients (`next(n % clients, …)`), as in the closed-loop rows. */
  clients: number;
  /** At most this many requests in flight; a request whose turn comes when they all are is counted as not sent. */
  maxInFlight: number;
}

/**
 * Open-loop load at a fixed rate: the n-th request is due at start + n / rate and its latency is counted
 * from when it was due, so a slow answer delays nothing and hides nothing (no coordinated omission).
 */
export async function runAtRate(http: JsonClient, options: RateOptions, counters: number[] = []): Promise<LoadResult & { notSent: number }> {
  const tally = new Tally();
  const inFlight = new Set<Promise<void>>();
  let notSent = 0;
  const start = performance.now();
  const interval = 1000 / options.ratePerSecond;
  for (let i = 0; start + i * interval < start + options.durationMs; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight.size >= options.maxInFlight) {
      notSent += 1;
      continue;
    }
    const client = i % options.clients;
    const n = counters[client] ?? 0;
    counters[client] = n + 1;
    const spec = options.next(client, n);
    const request: Promise<void> = tally.send(http, spec, due, (response) => options.onSuccess?.(client, spec, response)).finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  return { ...tally.result(performance.now() - start), notSent };
}
