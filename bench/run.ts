/**
 * `npm run bench`: prints throughput, latency and memory figures of the API and its embedded store.
 * It measures and prints; it asserts nothing about timings.
 *
 *   npm run bench                      all three parts, a few minutes on two cores
 *   npm run bench -- http fold         only some parts (http, append, fold, rebuild, relay, evaluation, verify, asof, province)
 *   BENCH_VERIFY_EVENTS=200000 npm run bench -- verify   a smaller log for /audit/verify (default 1,000,000)
 *   BENCH_ASOF_EVENTS=200000 npm run bench -- asof   a smaller log for the as-of lists (default 1,000,000)
 *   BENCH_EVALUATION_EVENTS=200000 npm run bench -- evaluation   a smaller log for the annual evaluation (default 1,000,000)
 *   BENCH_PROVINCE_SCALE=0.05 npm run bench -- province   a smaller province year (default 0.4; 1 is Guangdong-sized, about 25 min)
 *   MONGODB_URL=… npm run bench -- rebuild   also rebuild into a MongoDB-wire server
 *   BENCH_FERRETDB_DATA=<dir> …              with MONGODB_URL a FerretDB 1.24 on SQLite: live lag again with _id indexed
 *   KAFKA_BROKERS=… npm run bench -- relay    relay throughput and end-to-end lag (skipped without KAFKA_BROKERS)
 *   BENCH_SECONDS=3 npm run bench      shorter measured window per HTTP row (default 6)
 */
import { benchAnnualEvaluation } from './annual-evaluation';
import { benchAsOf } from './as-of-at-scale';
import { benchAppend } from './append-throughput';
import { benchHttp } from './http-throughput';
import { benchProvinceYear } from './province-year';
import { benchRebuild } from './projection-rebuild';
import { benchRelay } from './relay-throughput';
import { benchFold } from './stream-fold';
import { benchVerify } from './verify-at-scale';
import { describeLoad, describeMachine } from './support/machine';

const PARTS = ['http', 'append', 'fold', 'rebuild', 'relay', 'evaluation', 'verify', 'asof', 'province'] as const;
type Part = (typeof PARTS)[number];

function secondsFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** A comma-separated list of positive numbers (the others are refused, naming the variable); none when unset. */
function ratesFromEnv(name: string): number[] {
  const parts = process.env[name]?.split(',').map((part) => part.trim()).filter(Boolean) ?? [];
  const rates = parts.map(Number);
  const wrong = parts.filter((_, index) => !(Number.isFinite(rates[index]) && rates[index] > 0));
  if (wrong.length > 0) throw new Error(`${name}: ${wrong.join(', ')} is not a positive number of requests per second`);
  return rates;
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = asked.filter((arg) => !(PARTS as readonly string[]).includes(arg));
  if (unknown.length > 0) throw new Error(`unknown part(s) ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  const parts = new Set<Part>(asked.length > 0 ? (asked as Part[]) : PARTS);

  const durationMs = secondsFromEnv('BENCH_SECONDS', 6) * 1000;
  const warmupMs = secondsFromEnv('BENCH_WARMUP_SECONDS', 2) * 1000;

  console.log('SME Service Ledger — benchmark figures (printed, not asserted)');
  for (const line of describeMachine()) console.log(`  ${line}`);

  const started = performance.now();
  let failed = false;
  const part = async (name: Part, run: () => Promise<void>) => {
    if (!parts.has(name)) return;
    console.log(`\n== ${name} ==`);
    try {
      await run();
    } catch (error) {
      failed = true;
      console.error(`  ${name} failed:`, error);
    }
  };

  await part('http', () => benchHttp({ concurrencies: [1, 16], warmupMs, durationMs, draftPool: 256, only: process.env.BENCH_HTTP_ROWS?.split(',').filter(Boolean), rates: ratesFromEnv('BENCH_HTTP_RATES') }));
  await part('append', () =>
    benchAppend({
      singleAppends: 10_000,
      batches: [
        { size: 10, count: 2_000 },
        { size: 100, count: 400 },
      ],
      streams: 100,
    }),
  );
  await part('fold', () => benchFold({ events: 10_000, repeats: 10 }));
  await part('rebuild', () => benchRebuild({ events: Number(process.env.BENCH_REBUILD_EVENTS ?? 100_000), mongodbUrl: process.env.MONGODB_URL, ferretdbData: process.env.BENCH_FERRETDB_DATA?.trim() || undefined }));
  await part('relay', () =>
    benchRelay({
      brokers: process.env.KAFKA_BROKERS?.trim() || undefined,
      events: Number(process.env.BENCH_RELAY_EVENTS ?? 100_000),
      batchSizes: [100, 500, 2000],
      shards: [2, 3],
      shardedBatchSize: 500,
      rates: [100, 1000],
      seconds: secondsFromEnv('BENCH_RELAY_SECONDS', 10),
    }),
  );

  await part('evaluation', () => benchAnnualEvaluation({ events: Number(process.env.BENCH_EVALUATION_EVENTS ?? 1_000_000) }));

  await part('verify', () => benchVerify({ events: Number(process.env.BENCH_VERIFY_EVENTS ?? 1_000_000), appended: 1_000, streams: 1_000 }));
  await part('asof', () => benchAsOf({ events: Number(process.env.BENCH_ASOF_EVENTS ?? 1_000_000) }));

  await part('province', () => benchProvinceYear({ scale: secondsFromEnv('BENCH_PROVINCE_SCALE', 0.4) }) /* a positive number, as the seconds are */);

  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(0)} s; load avg now ${describeLoad()} (1 / 5 / 15 min).`);
  if (failed) process.exitCode = 1;
  exitIfStillHeld();
}

/**
 * Every part closes what it opened, so the process ends by itself. A server that stopped answering can
 * leave a client retrying for ever (a MongoDB client reconnecting, a Kafka producer): after a grace the
 * bench says so and exits. The timer does not itself keep the process alive.
 */
function exitIfStillHeld(graceMs = 5_000): void {
  setTimeout(() => {
    console.error(`  still held open ${graceMs / 1000} s after the last part (a client of a server that stopped answering?); exiting`);
    process.exit(process.exitCode ?? 0);
  }, graceMs).unref();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
  exitIfStillHeld();
});
