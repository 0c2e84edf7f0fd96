import type { RecordedEvent } from '@sme/event-store';
import { Relay, type AcknowledgedBatch, type RelayOptions } from './relay';
import { FakeTransport } from './testing/fake-producer';
import { InMemoryLog, MemoryCheckpoints } from './testing/in-memory-log';

const NAME = 'relay:test.';

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function setup(options: Partial<RelayOptions> = {}) {
  const log = new InMemoryLog();
  const checkpoints = new MemoryCheckpoints();
  const transport = new FakeTransport();
  const relay = new Relay(log, checkpoints, transport, {
    topicPrefix: 'test.',
    checkpointName: NAME,
    retryInitialMs: 5,
    retryMaxMs: 20,
    ...options,
  });
  const caughtUp = () => waitFor(() => relay.status().checkpoint === String(log.events.length));
  return { log, checkpoints, transport, relay, caughtUp };
}

describe('Relay (fake producer)', () => {
  it('sends every catalogue event keyed by its stream, grouped per topic, then stores the checkpoint', async () => {
    const { log, checkpoints, transport, relay, caughtUp } = setup();
    log.add('call-c1', 'CallOpened');
    log.add('application-a1', 'ApplicationDrafted');
    log.add('application-a1', 'ApplicationMaterialAttached', 2);
    log.add('station-s1', 'StationDesignated');
    relay.start();
    await caughtUp();
    await relay.stop();

    expect(transport.attempts).toHaveLength(1);
    const [{ batch }] = transport.attempts;
    expect(batch.acks).toBe(-1);
    expect(batch.topicMessages!.map((t) => [t.topic, t.messages.length])).toEqual([
      ['test.calls.v1', 1],
      ['test.applications.v1', 3],
      ['test.stations.v1', 1],
    ]);
    expect(transport.acknowledged.map((m) => m.key)).toEqual(['call-c1', 'application-a1', 'application-a1', 'application-a1', 'station-s1']);
    expect(transport.acknowledged.map((m) => m.headers.ce_id)).toEqual(
      ['call-c1', 'application-a1', 'station-s1'].flatMap((s) => log.events.filter((e) => e.streamId === s).map((e) => e.id)),
    );
    expect(await checkpoints.load(NAME)).toBe(5n);
    expect(transport.topicsEnsured).toBe(1);
  });

  it('takes as many events as are available, up to the batch size, and checkpoints each batch', async () => {
    const { log, checkpoints, transport, relay, caughtUp } = setup({ batchSize: 10 });
    log.add('application-a1', 'ApplicationMaterialAttached', 25);
    relay.start();
    await caughtUp();
    await relay.stop();
    expect(transport.attempts.map((a) => FakeTransport.idsOf(a.batch).length)).toEqual([10, 10, 5]);
    expect(checkpoints.stored.map((c) => c.position)).toEqual([10n, 20n, 25n]);
  });

  it('ends a batch early at maxBatchBytes', async () => {
    const { log, transport, relay, caughtUp } = setup({ batchSize: 500, maxBatchBytes: 1 });
    log.add('application-a1', 'ApplicationMaterialAttached', 3);
    relay.start();
    await caughtUp();
    await relay.stop();
    expect(transport.attempts.map((a) => FakeTransport.idsOf(a.batch).length)).toEqual([1, 1, 1]);
  });

  it('re-sends a failed batch whole with a new producer, and only then advances the checkpoint', async () => {
    const { log, checkpoints, transport, relay, caughtUp } = setup({ batchSize: 4 });
    log.add('application-a1', 'ApplicationMaterialAttached', 6);
    transport.failNextSends(1);
    relay.start();
    await caughtUp();
    await relay.stop();

    const [failed, retried, second] = transport.attempts;
    expect(failed.ok).toBe(false);
    expect(retried.ok).toBe(true);
    expect(FakeTransport.idsOf(retried.batch)).toEqual(FakeTransport.idsOf(failed.batch));
    expect(FakeTransport.idsOf(failed.batch)).toEqual(log.events.slice(0, 4).map((e) => e.id));
    expect(retried.producer).toBe(failed.producer + 1);
    expect(FakeTransport.idsOf(second.batch)).toEqual(log.events.slice(4).map((e) => e.id));
    // Nothing was checkpointed for the failed attempt.
    expect(checkpoints.stored.map((c) => c.position)).toEqual([4n, 6n]);
    expect(transport.acknowledged.map((m) => m.headers.ce_id)).toEqual(log.events.map((e) => e.id));
    expect(relay.status()).toMatchObject({ failures: 1, consecutiveFailures: 0, batches: 2, messages: 6 });
  });

  it('reads and maps the next batch while one is in flight, at most one ahead, and sends it only after that one is checkpointed', async () => {
    const { log, checkpoints, transport, relay, caughtUp } = setup({ batchSize: 2 });
    log.add('application-a1', 'ApplicationMaterialAttached', 8);
    let read = 0;
    const subscribe = log.subscribeToAll.bind(log);
    log.subscribeToAll = (options) => {
      const subscription = subscribe(options);
      const iterator = subscription[Symbol.asyncIterator]();
      const counting: AsyncIterator<RecordedEvent> = {
        next: async () => {
          const result = await iterator.next();
          if (!result.done) read += 1;
          return result;
        },
      };
      return { [Symbol.asyncIterator]: () => counting, stop: () => subscription.stop() };
    };
    let release: () => void = () => undefined;
    transport.sendGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    relay.start();
    // The first batch (2 events) is held by the broker; the second is read meanwhile.
    await waitFor(() => read >= 4);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Two in flight, two in the next batch, and at most the one event the feed has already asked for.
    expect(read).toBeLessThanOrEqual(5);
    expect(transport.attempts).toHaveLength(0);
    expect(checkpoints.stored).toHaveLength(0);
    transport.sendGate = null;
    release();
    await caughtUp();
    await relay.stop();
    expect(transport.attempts.map((a) => FakeTransport.idsOf(a.batch).length)).toEqual([2, 2, 2, 2]);
    expect(checkpoints.stored.map((c) => c.position)).toEqual([2n, 4n, 6n, 8n]);
    expect(transport.acknowledged.map((m) => m.headers.ce_id)).toEqual(log.events.map((e) => e.id));
  });

  it('keeps filling the next batch with live events until the one in flight is acknowledged', async () => {
    const { log, transport, relay, caughtUp } = setup();
    let release: () => void = () => undefined;
    transport.sendGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    relay.start();
    await waitFor(() => relay.status().state === 'running');
    log.add('call-c1', 'CallOpened');
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Appended one by one, turns of the event loop apart, while the first send is held.
    for (let i = 0; i < 5; i++) {
      log.add('call-c1', 'CallClosed');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    transport.sendGate = null;
    release();
    await caughtUp();
    await relay.stop();
    expect(transport.attempts.map((a) => FakeTransport.idsOf(a.batch).length)).toEqual([1, 5]);
  });

  it('does not read ahead of what was acknowledged while the broker keeps failing', async () => {
    const { log, transport, relay, caughtUp } = setup({ batchSize: 3 });
    log.add('application-a1', 'ApplicationMaterialAttached', 3);
    transport.failNextSends(4);
    relay.start();
    await waitFor(() => transport.attempts.length >= 2);
    log.add('application-a1', 'ApplicationMaterialAttached', 4); // appended during the outage
    await caughtUp();
    await relay.stop();
    const failedIds = transport.attempts.filter((a) => !a.ok).map((a) => FakeTransport.idsOf(a.batch));
    // Every failed attempt starts with the first unacknowledged event.
    for (const ids of failedIds) expect(ids[0]).toBe(log.events[0].id);
    expect(transport.acknowledged.map((m) => m.headers.ce_id)).toEqual(log.events.map((e) => e.id));
  });

  it('retries connection and topic creation failures before sending anything', async () => {
    const { log, transport, relay, caughtUp } = setup();
    log.add('call-c1', 'CallOpened');
    transport.failNextTopicChecks(2);
    transport.failNextConnects(2);
    relay.start();
    await caughtUp();
    await relay.stop();
    expect(transport.topicsEnsured).toBe(1);
    expect(transport.acknowledged).toHaveLength(1);
    expect(relay.status().failures).toBe(4);
  });

  it('sends a batch again when its checkpoint could not be stored (a duplicate, never a gap)', async () => {
    const { log, checkpoints, transport, relay, caughtUp } = setup({ batchSize: 2 });
    log.add('application-a1', 'ApplicationMaterialAttached', 4);
    const store = checkpoints.store.bind(checkpoints);
    let failOnce = true;
    checkpoints.store = async (name, position) => {
      if (position === 2n && failOnce) {
        failOnce = false;
        throw new Error('disk full');
      }
      return store(name, position);
    };
    relay.start();
    await caughtUp();
    await relay.stop();
    const ids = log.events.map((e) => e.id);
    expect(transport.acknowledged.map((m) => m.headers.ce_id)).toEqual([ids[0], ids[1], ids[0], ids[1], ids[2], ids[3]]);
    expect(await checkpoints.load(NAME)).toBe(4n);
  });

  it('skips events of streams outside the catalogue but checkpoints them', async () => {
    const { log, checkpoints, transport, relay, caughtUp } = setup({ batchSize: 2 });
    log.add('counter-x', 'Incremented', 2);
    log.add('call-c1', 'CallOpened');
    log.add('counter-x', 'Incremented');
    relay.start();
    await caughtUp();
    await relay.stop();
    expect(transport.attempts).toHaveLength(1); // the first batch had nothing to send
    expect(transport.acknowledged.map((m) => m.key)).toEqual(['call-c1']);
    expect(checkpoints.stored.map((c) => c.position)).toEqual([2n, 4n]);
    expect(relay.status()).toMatchObject({ messages: 1, skipped: 3 });
  });

  it('resumes from the stored checkpoint after a restart', async () => {
    const { log, checkpoints, transport, relay, caughtUp } = setup();
    log.add('call-c1', 'CallOpened', 3);
    await checkpoints.store(NAME, 2n);
    relay.start();
    await caughtUp();
    await relay.stop();
    expect(transport.acknowledged.map((m) => m.headers.ce_id)).toEqual([log.events[2].id]);
  });

  it('relays events appended while it runs', async () => {
    const { log, transport, relay, caughtUp } = setup();
    relay.start();
    await waitFor(() => relay.status().state === 'running');
    log.add('call-c1', 'CallOpened');
    await caughtUp();
    log.add('call-c1', 'CallClosed');
    await caughtUp();
    await relay.stop();
    expect(transport.acknowledged.map((m) => m.headers.ce_type)).toEqual(['cn.sme-ledger.station.call.opened.v1', 'cn.sme-ledger.station.call.closed.v1']);
  });

  it('calls onAcknowledged after the broker acknowledged and before the checkpoint is stored', async () => {
    const seen: { batch: AcknowledgedBatch; checkpoint: bigint | undefined; acknowledged: number }[] = [];
    const { log, checkpoints, transport, relay } = setup({
      topicPrefix: '',
      batchSize: 2,
      onAcknowledged: async (batch) => {
        seen.push({ batch, checkpoint: await checkpoints.load(NAME), acknowledged: transport.acknowledged.length });
      },
    });
    log.add('call-c1', 'CallOpened', 3);
    relay.start();
    await waitFor(() => relay.status().checkpoint === '3');
    await relay.stop();
    expect(seen).toEqual([
      { batch: { first: 1n, last: 2n, events: 2, messages: 2 }, checkpoint: undefined, acknowledged: 2 },
      { batch: { first: 3n, last: 3n, events: 1, messages: 1 }, checkpoint: 2n, acknowledged: 3 },
    ]);
    expect(transport.acknowledged[0].topic).toBe('calls.v1');
  });

  it('subscribes again, after a pause, when the event store ends its subscription', async () => {
    const { log, transport, relay, caughtUp } = setup();
    const subscribe = log.subscribeToAll.bind(log);
    let subscriptions = 0;
    log.subscribeToAll = (options) => {
      subscriptions += 1;
      const subscription = subscribe(options);
      if (subscriptions === 1) void subscription.stop(); // as a store being closed would
      return subscription;
    };
    log.add('call-c1', 'CallOpened');
    relay.start();
    await caughtUp();
    await relay.stop();
    expect(subscriptions).toBe(2);
    // Recovered: the failure is counted, its error no longer reported as current.
    expect(relay.status()).toMatchObject({ failures: 1, consecutiveFailures: 0, lastError: null });
    expect(transport.acknowledged).toHaveLength(1);
  });

  it('stops promptly while waiting to retry', async () => {
    const { log, transport, relay } = setup({ retryInitialMs: 60_000, retryMaxMs: 60_000 });
    log.add('call-c1', 'CallOpened');
    transport.failNextSends(1);
    relay.start();
    await waitFor(() => relay.status().state === 'retrying');
    const started = Date.now();
    await relay.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(relay.status().state).toBe('stopped');
    expect(relay.status().lastError?.message).toBe('broker unreachable (send)');
  });

  it('abandons a send that outlives the stop grace period without storing its checkpoint', async () => {
    const { log, checkpoints, transport, relay } = setup({ stopGraceMs: 20 });
    log.add('call-c1', 'CallOpened');
    let release: () => void = () => undefined;
    transport.sendGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    transport.failNextSends(1); // the held send fails once released, as a disconnected producer's would
    relay.start();
    await waitFor(() => relay.status().state === 'running');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stopping = relay.stop();
    setTimeout(release, 30);
    await stopping;
    expect(await checkpoints.load(NAME)).toBeUndefined();
  });
});
