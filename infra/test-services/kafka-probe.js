#!/usr/bin/env node
// Round trip through a running broker with kafkajs: create a topic, produce with an idempotent
// producer (acks = -1), consume the messages back in a consumer group, delete the topic.
// Prints one line per step and exits non-zero on the first failure. A diagnostic, not a test.
//
//   node infra/test-services/kafka-probe.js [127.0.0.1:29092]
//
// Run it from the repository root so that `kafkajs` resolves from its node_modules.
'use strict';

const { Kafka, logLevel } = require(require.resolve('kafkajs', { paths: [process.cwd()] }));

const brokers = (process.argv[2] || process.env.KAFKA_BROKERS || '127.0.0.1:29092').split(',');
const topic = `probe-${process.pid}-${Date.now()}`;
const plain = 20;
const transactional = 5;
const count = plain + transactional;

async function step(name, fn) {
  const started = Date.now();
  try {
    const result = await fn();
    console.log(`ok    ${name} (${Date.now() - started} ms)${result === undefined ? '' : ` -> ${JSON.stringify(result)}`}`);
    return result;
  } catch (err) {
    console.log(`FAIL  ${name}: ${err && err.name}: ${err && err.message}`);
    if (err && err.cause) console.log(`      cause: ${err.cause.name}: ${err.cause.message}`);
    throw err;
  }
}

async function main() {
  const kafka = new Kafka({
    clientId: 'kafka-probe',
    brokers,
    logLevel: process.env.KAFKA_PROBE_DEBUG ? logLevel.DEBUG : logLevel.NOTHING,
    retry: { retries: 5 },
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const txProducer = kafka.producer({ transactionalId: `${topic}-tx`, idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `${topic}-group`, allowAutoTopicCreation: false, maxWaitTimeInMs: 500 });

  try {
    await step('admin connect', () => admin.connect());
    await step('describeCluster', async () => {
      const c = await admin.describeCluster();
      return { brokers: c.brokers.map((b) => `${b.host}:${b.port}`), controller: c.controller };
    });
    await step(`createTopics ${topic} (3 partitions)`, () =>
      admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true }),
    );
    await step('listTopics contains it', async () => {
      const topics = await admin.listTopics();
      if (!topics.includes(topic)) throw new Error(`not listed: ${topics.join(',')}`);
    });

    await step('idempotent producer connect', () => producer.connect());
    await step(`send ${plain} messages (acks -1)`, async () => {
      const messages = Array.from({ length: plain }, (_, i) => ({ key: `k${i % 4}`, value: `v${i}`, headers: { seq: String(i) } }));
      const r = await producer.send({ topic, acks: -1, messages });
      return r.map((p) => ({ partition: p.partition, errorCode: p.errorCode, baseOffset: p.baseOffset }));
    });

    await step(`transactional producer: send ${transactional} messages, commit`, async () => {
      await txProducer.connect();
      const tx = await txProducer.transaction();
      try {
        await tx.send({ topic, acks: -1, messages: Array.from({ length: transactional }, (_, i) => ({ key: 'tx', value: `t${i}` })) });
        await tx.commit();
      } catch (err) {
        await tx.abort().catch(() => {});
        throw err;
      }
    });

    await step('consumer connect + subscribe', async () => {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
    });
    await step(`consume ${count} messages`, async () => {
      const seen = new Set();
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out with ${seen.size}/${count} messages`)), 30000);
        consumer
          .run({
            eachMessage: async ({ message }) => {
              seen.add(message.value.toString());
              if (seen.size === count) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
      return seen.size;
    });
    await step('committed offsets', async () => {
      await new Promise((r) => setTimeout(r, 500));
      await consumer.stop();
      const offsets = await admin.fetchOffsets({ groupId: `${topic}-group`, topics: [topic] });
      return offsets[0].partitions.map((p) => p.offset);
    });
    await step('deleteTopics', () => admin.deleteTopics({ topics: [topic] }));
    console.log('round trip ok');
  } finally {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect(), txProducer.disconnect(), admin.disconnect()]);
  }
}

main().catch(() => {
  process.exitCode = 1;
});
