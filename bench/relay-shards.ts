import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ShardMessage } from './support/relay-shard-child';
import { relaySettingsFromEnv } from '@sme/messaging/relay';
import { topicsReady } from './support/bare-producer';
import { printTable, type Cell } from './support/table';

export interface ShardedRun {
  /** Events of the log per second, all shards together, from the first shard's start to the last one's end. */
  rate: number;
  /** CPU of all shard processes over that time, as a share of one core. */
  cpu: number;
}

type Done = Extract<ShardMessage, { type: 'done' }>;

/**
 * Runs `shards` processes over the embedded store's file, each publishing its shard (RELAY_SHARD=i/n)
 * to fresh topics under `prefix`: `bare` (the reference: pre-mapped batches, one sendBatch at a time;
 * the processes start sending together) or `relay`. `logEvents` is the log's length.
 */
export async function runShards(mode: 'bare' | 'relay', shards: number, env: NodeJS.ProcessEnv, logEvents: number): Promise<ShardedRun> {
  const compiled = __filename.endsWith('.js');
  const loader = compiled ? ['-r', 'tsconfig-paths/register'] : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
  // The topics first, once: shards creating them together would race (one sees another's half-made topic).
  await topicsReady(relaySettingsFromEnv(env), { log: () => undefined, warn: () => undefined, error: () => undefined });
  const children: ChildProcess[] = [];
  try {
    const finished: Promise<Done>[] = [];
    const ready: Promise<void>[] = [];
    for (let index = 1; index <= shards; index++) {
      const child = fork(join(__dirname, 'support', compiled ? 'relay-shard-child.js' : 'relay-shard-child.ts'), [], {
        // BENCH_CPU_PROFILE=<dir>: each shard writes a V8 CPU profile there.
        execArgv: ['--max-semi-space-size=64', ...loader, ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROFILE] : [])],
        env: { ...env, BENCH_RELAY_MODE: mode, RELAY_SHARD: `${index}/${shards}`, RELAY_CHECKPOINT: `bench-${randomUUID().slice(0, 8)}` },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(child);
      // Its IPC channel closes after the last message it sent has arrived ('exit' may come before that message).
      const exited = new Promise<never>((_, reject) => child.once('disconnect', () => reject(new Error(`relay shard ${index}/${shards} ended (exit code ${child.exitCode}) before it was done`))));
      exited.catch(() => undefined);
      if (mode === 'bare') ready.push(Promise.race([new Promise<void>((resolve) => child.on('message', (m: ShardMessage) => m.type === 'ready' && resolve())), exited]));
      const done = Promise.race([new Promise<Done>((resolve) => child.on('message', (m: ShardMessage) => m.type === 'done' && resolve(m))), exited]);
      done.catch(() => undefined); // reported through Promise.all below; not again when the others are stopped
      finished.push(done);
    }
    if (mode === 'bare') {
      await Promise.all(ready);
      for (const child of children) child.send('go');
    }
    const done = await Promise.all(finished);
    const startedAt = Math.min(...done.map((d) => d.startedAt));
    const endedAt = Math.max(...done.map((d) => d.endedAt));
    const untimed = Math.min(...done.map((d) => d.untimedEvents));
    const ms = endedAt - startedAt;
    return { rate: ((logEvents - untimed) / ms) * 1000, cpu: done.reduce((sum, d) => sum + d.cpuMs, 0) / ms };
  } finally {
    // A shard that reported exits on its own (writing its CPU profile, if asked); one that did not is stopped.
    await Promise.all(children.map((child) => exitWithin(child, 5000)));
  }
}

async function exitWithin(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref());
  if (!(await Promise.race([exited, timer]))) {
    child.kill();
    await exited;
  }
}

export interface ShardedRowsOptions {
  brokers: string;
  eventsFile: string;
  /** Events in the log. */
  logEvents: number;
  batchSize: number;
  /** One row per number of processes. */
  shards: number[];
  /** The best row of one relay process and its reference, for the goal line. */
  single: { relay: number; bare: number; batchSize: number };
  /** Deletes the topics under a prefix once a row is done. */
  deleteTopics: (prefix: string) => Promise<void>;
}

/** The goal for relay throughput: 20,000 events/s to the real broker. */
const THROUGHPUT_GOAL = 20_000;

/** Rows of several relay processes sharing the log (RELAY_SHARD), each beside as many bare producers; then the goal line over every row. */
export async function shardedThroughput(options: ShardedRowsOptions): Promise<void> {
  const rows: Cell[][] = [];
  let best = { ...options.single, processes: 1 };
  for (const shards of options.shards) {
    const run = async (mode: 'bare' | 'relay') => {
      const prefix = `bench-${randomUUID().slice(0, 8)}.`;
      const env = { ...process.env, KAFKA_BROKERS: options.brokers, KAFKA_TOPIC_PREFIX: prefix, RELAY_BATCH_SIZE: String(options.batchSize), EVENTS_FILE: options.eventsFile };
      try {
        return await runShards(mode, shards, env, options.logEvents);
      } finally {
        await options.deleteTopics(prefix);
      }
    };
    const bare = await run('bare');
    const relay = await run('relay');
    if (relay.rate > best.relay) best = { relay: relay.rate, bare: bare.rate, batchSize: options.batchSize, processes: shards };
    rows.push([shards, options.batchSize, options.logEvents, relay.rate, `${Math.round(relay.cpu * 100)}%`, bare.rate, `${Math.round(bare.cpu * 100)}%`, `${Math.round((relay.rate / bare.rate) * 100)} %`]);
  }
  const met = best.relay >= THROUGHPUT_GOAL;
  printTable(
    'Relay throughput, several relay processes sharing the log (RELAY_SHARD=i/n: each publishes the records whose key falls in its shard)',
    ['processes', 'batch size', 'events', 'relay ev/s', 'relay cpu', 'bare kafkajs ev/s', 'bare cpu', 'relay of bare'],
    rows,
    [
      '`relay ev/s`: events of the log per second, all shards together, from the first shard’s first acknowledgement to the last shard’s last checkpoint. Each',
      '  shard follows the whole log (the embedded store parses only its streams’ events) and sends its share; `bare kafkajs` is as many bare producers,',
      '  each sending its shard’s pre-mapped messages, started together.',
      '`cpu`: all the processes together, as a share of one core; the broker runs apart on the same machine.',
      `Goal ≥ ${THROUGHPUT_GOAL.toLocaleString('en-US')} events/s: best relay row ${Math.round(best.relay).toLocaleString('en-US')} events/s (${best.processes} process${best.processes > 1 ? 'es' : ''}, batch size ${best.batchSize}), bare kafkajs ${Math.round(best.bare).toLocaleString('en-US')} events/s in the same row: ${met ? 'met' : best.bare < THROUGHPUT_GOAL ? `not met — the bare client itself stays under ${THROUGHPUT_GOAL.toLocaleString('en-US')} here` : 'not met'}.`,
    ],
  );
}
