import { randomUUID } from 'node:crypto';
import { topicNames } from '@sme/messaging/topics';
import { readTopics } from '@sme/messaging/relay/testing/topic-reader';
import { loadConfig } from '../config/app-config';
import { RelayStatus } from './relay-status';
import { useSpecApp } from '../../../../test/e2e/support/spec-app';
import { actors, openCall } from '../../../../test/e2e/support/station-lifecycle';

const brokers = process.env.KAFKA_BROKERS?.trim();

async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('API relay configuration', () => {
  it('runs the relay in-process when KAFKA_BROKERS is set, unless RELAY=external', () => {
    expect(loadConfig({}, [])).toMatchObject({ relay: 'off', kafkaTopicPrefix: 'sme.', relayCheckpoints: ['relay:sme.'], relaySettings: undefined });
    const on = loadConfig({ KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_TOPIC_PREFIX: 'gz.' }, []);
    expect(on).toMatchObject({ relay: 'in-process', kafkaBrokers: ['127.0.0.1:9092'], kafkaTopicPrefix: 'gz.', relayCheckpoints: ['relay:gz.'] });
    expect(on.relaySettings?.topics).toEqual({ prefix: 'gz.', partitions: 6, replicationFactor: 1 });
    expect(loadConfig({ KAFKA_BROKERS: '127.0.0.1:9092', RELAY: 'external' }, []).relay).toBe('external');
    expect(() => loadConfig({ KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_TOPIC_PARTITIONS: 'many' }, [])).toThrow(/KAFKA_TOPIC_PARTITIONS/);
  });

  it('reads the checkpoint of every shard when RELAY_SHARDS relays share the log, which only relays run apart may', () => {
    const external = { KAFKA_BROKERS: '127.0.0.1:9092', RELAY: 'external' };
    expect(loadConfig({ ...external, RELAY_SHARDS: '3', RELAY_CHECKPOINT: 'main' }, []).relayCheckpoints).toEqual(['main#1/3', 'main#2/3', 'main#3/3']);
    expect(loadConfig({ ...external, RELAY_SHARDS: '1' }, []).relayCheckpoints).toEqual(['relay:sme.']);
    expect(() => loadConfig({ ...external, RELAY_SHARDS: '0' }, [])).toThrow(/RELAY_SHARDS/);
    expect(() => loadConfig({ KAFKA_BROKERS: '127.0.0.1:9092', RELAY_SHARDS: '2' }, [])).toThrow(/RELAY_SHARDS \(2\) counts relays run apart: set RELAY=external/);
    expect(() => loadConfig({ KAFKA_BROKERS: '127.0.0.1:9092', RELAY_SHARD: '1/2' }, [])).toThrow(/RELAY_SHARD is for a relay run apart/);
  });
});

describe('API with RELAY=external and RELAY_SHARDS=2, without Kafka', () => {
  const { app } = useSpecApp({ env: { RELAY: 'external', RELAY_SHARDS: '2', KAFKA_TOPIC_PREFIX: 'shards.' } });

  it('reports the lag of the shard furthest behind', async () => {
    const t = app();
    await openCall(t);
    const head = BigInt(await t.head());
    const checkpoints = await t.app.get(RelayStatus).checkpointStore();
    await checkpoints.store('relay:shards.#1/2', head);
    expect((await t.operatorGet('/health')).body.relay).toMatchObject({ mode: 'external', checkpointName: 'relay:shards.#2/2', checkpoint: 0, eventsBehind: Number(head) });
    await checkpoints.store('relay:shards.#2/2', head - 1n);
    expect((await t.operatorGet('/health')).body.relay).toMatchObject({ checkpointName: 'relay:shards.#2/2', checkpoint: Number(head) - 1, eventsBehind: 1 });
    await checkpoints.store('relay:shards.#2/2', head);
    expect((await t.operatorGet('/health')).body.relay).toMatchObject({ checkpoint: Number(head), eventsBehind: 0, secondsBehind: 0 });
    expect((await t.http.get('/metrics').expect(200)).text).toContain('sme_relay_events_behind 0\n');
  });
});

describe('API relay status without Kafka', () => {
  const { app } = useSpecApp();

  it('reports the relay as off on /health and leaves it out of /metrics', async () => {
    const t = app();
    expect((await t.operatorGet('/health')).body.relay).toEqual({ mode: 'off' });
    expect((await t.http.get('/metrics').expect(200)).text).not.toContain('sme_relay_');
  });
});

if (brokers) {
  describe('API with the in-process relay (KAFKA_BROKERS)', () => {
    const prefix = `test-api-${randomUUID().slice(0, 8)}.`;
    const { app } = useSpecApp({ env: { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix } });

    it('publishes what the API writes and shows the relay’s lag on /health and /metrics', async () => {
      const t = app();
      const callId = await openCall(t);
      await waitUntil('the relay caught up', async () => {
        const relay = (await t.operatorGet('/health')).body.relay;
        return relay.eventsBehind === 0 && relay.checkpoint > 0;
      });
      const health = (await t.operatorGet('/health')).body;
      expect(health.relay).toMatchObject({
        mode: 'in-process',
        topicPrefix: prefix,
        checkpointName: `relay:${prefix}`,
        state: 'running',
        eventsBehind: 0,
        secondsBehind: 0,
        checkpoint: Number(health.eventStore.headPosition),
      });
      const metrics = (await t.http.get('/metrics').expect(200)).text;
      expect(metrics).toContain('sme_relay_events_behind 0\n');
      expect(metrics).toContain('sme_relay_seconds_behind 0.000\n');
      expect(metrics).toContain('sme_projection_events_behind{projection="calls"} 0');

      const consumed = await readTopics([brokers], topicNames(prefix));
      expect(consumed.map((m) => [m.topic, m.key, m.headers.ce_type])).toEqual([[`${prefix}calls.v1`, `call-${callId}`, 'cn.sme-ledger.station.call.opened.v1']]);
    }, 60_000);
  });

  describe('Personal data on the topics (crypto-shredding)', () => {
    const prefix = `test-pii-${randomUUID().slice(0, 8)}.`;
    const { app, c } = useSpecApp({ env: { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix } });

    it('carries only ciphertext for a personal field, the same before and after its erasure, which the erasures topic announces', async () => {
      const t = app();
      const admin = (id: string) => ({ id, role: 'ADMIN' as const, orgId: 'PLATFORM', regionCode: '440100' });
      const name = '司马长风';
      const body = { expertId: 'kafka-expert', name, specialties: [{ domain: 'IP' }], organisation: { id: 'GZ-UNIV-1', name: '广东某大学' }, regionCode: '440106', title: '教授' };
      expect((await c.post(actors.hub, '/experts', body)).status).toBe(201);
      const requested = await c.post(admin('admin-1'), '/erasures', { kind: 'expert', id: 'kafka-expert', reason: '本人申请删除' });
      expect((await c.post(admin('admin-2'), `/erasures/${requested.body.id}/approval`, { opinion: '同意' })).status).toBe(200);
      await waitUntil('the relay caught up', async () => (await t.operatorGet('/health')).body.relay.eventsBehind === 0);

      const consumed = await readTopics([brokers], topicNames(prefix));
      const expert = consumed.filter((m) => m.topic === `${prefix}experts.v1`);
      expect(expert).toHaveLength(1);
      expect(expert[0].value).not.toContain(name);
      expect(JSON.parse(expert[0].value).name).toMatch(/^enc:v1:a256gcm:/);
      expect(consumed.filter((m) => m.topic === `${prefix}erasures.v1`).map((m) => m.headers.ce_type)).toEqual([
        'cn.sme-ledger.erasure.requested.v1',
        'cn.sme-ledger.erasure.approved.v1',
        'cn.sme-ledger.erasure.carried-out.v1',
      ]);
      // What a consumer replays from the start is what it got: the ledger's reads now say 已删除.
      expect((await c.get(actors.hub, '/experts/kafka-expert')).body.name).toBe('已删除');
    }, 60_000);
  });

  describe('API with RELAY=external', () => {
    const { app } = useSpecApp({ env: { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: `test-ext-${randomUUID().slice(0, 8)}.`, RELAY: 'external' } });

    it('does not relay itself but reports the lag of the external relay’s checkpoint', async () => {
      const t = app();
      await openCall(t);
      const relay = (await t.operatorGet('/health')).body.relay;
      expect(relay).toMatchObject({ mode: 'external', checkpoint: 0, eventsBehind: 1 });
      expect(relay.state).toBeUndefined();
      expect((await t.http.get('/metrics').expect(200)).text).toContain('sme_relay_events_behind 1\n');
    });
  });
} else {
  describe.skip('API with the in-process relay (skipped: set KAFKA_BROKERS=127.0.0.1:29392 to run)', () => {
    it('publishes what the API writes and shows the relay’s lag', () => undefined);
  });
}
