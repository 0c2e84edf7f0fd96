import type { CheckpointStore, EventStore } from '@sme/event-store';

export interface RelayLag {
  /** The relay's name in the checkpoint store; of several shards, the one furthest behind. */
  checkpointName: string;
  /** Global position of the last event acknowledged by the broker (0 before the first batch). */
  checkpoint: number;
  head: number;
  /** Events after the checkpoint (counted up to `cap`, reported as the cap beyond it). */
  eventsBehind: number;
  /** Age of the oldest event not yet acknowledged, by its recordedAt; 0 when caught up. */
  secondsBehind: number;
}

/**
 * How far the relay is behind the log, read from its stored checkpoint: the same figure whether the
 * relay runs in this process or in another one sharing the event store. Of several shards' checkpoints
 * the lowest counts: the log is published up to there.
 */
export async function relayLag(
  events: EventStore,
  checkpoints: CheckpointStore,
  checkpointNames: string | readonly string[],
  now = new Date(),
  cap = 10_000,
): Promise<RelayLag> {
  const head = Number(await events.headPosition());
  const names = typeof checkpointNames === 'string' ? [checkpointNames] : checkpointNames;
  const stored = await Promise.all(names.map(async (name) => Number((await checkpoints.load(name)) ?? 0n)));
  const slowest = stored.indexOf(Math.min(...stored));
  const checkpointName = names[slowest];
  const checkpoint = stored[slowest];
  let eventsBehind = 0;
  let secondsBehind = 0;
  if (checkpoint < head) {
    const behind = await events.readAll({ after: BigInt(checkpoint), maxCount: cap });
    eventsBehind = behind.length;
    if (behind.length > 0) secondsBehind = Math.max(0, (now.getTime() - Date.parse(behind[0].metadata.recordedAt)) / 1000);
  }
  return { checkpointName, checkpoint, head, eventsBehind, secondsBehind };
}

/** Prometheus text exposition of the relay's lag. */
export function relayLagMetrics(lag: RelayLag): string {
  const lines = [
    '# HELP sme_relay_events_behind Events in the log not yet acknowledged by Kafka.',
    '# TYPE sme_relay_events_behind gauge',
    `sme_relay_events_behind ${lag.eventsBehind}`,
    '# HELP sme_relay_seconds_behind Age in seconds of the oldest event not yet acknowledged by Kafka.',
    '# TYPE sme_relay_seconds_behind gauge',
    `sme_relay_seconds_behind ${lag.secondsBehind.toFixed(3)}`,
    '# HELP sme_relay_checkpoint Global position of the last event acknowledged by Kafka.',
    '# TYPE sme_relay_checkpoint gauge',
    `sme_relay_checkpoint ${lag.checkpoint}`,
  ];
  return `${lines.join('\n')}\n`;
}
