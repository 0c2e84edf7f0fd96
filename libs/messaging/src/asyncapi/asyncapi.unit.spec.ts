import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { personalFieldsOf } from '@sme/domain';
import { FieldCipher, InMemoryDataKeys, ProtectedEventStore, SqliteEventStore, isSealed, type EventStore, type RecordedEvent } from '@sme/event-store';
import { toKafkaCloudEvent, type KafkaCloudEvent } from '../cloudevents';
import { EVENT_FAMILIES } from '../event-catalogue';
import {
  ASYNCAPI_FILE,
  REGENERATE_COMMAND,
  buildAsyncApiDocument,
  checkMessagesMatchCatalogue,
  renderAsyncApiYaml,
} from './generate-asyncapi';
import type { JsonSchema } from './json-schema';
import { contractViolations as validate } from './testing/contract-check';
import { EVENT_MESSAGES } from './payload-schemas';
import { writeCompleteHistory } from './testing/complete-history';
import { writeLibraryHistory } from './testing/library-history';
import { writeServiceHistory } from './testing/service-history';
import { writeActivityHistory } from './testing/activity-history';
import { writeCentreHistory } from './testing/centre-history';
import { writeEvaluationHistory } from './testing/evaluation-history';
import { writeAnnualReportHistory } from './testing/annual-report-history';
import { writeVoucherHistory } from './testing/voucher-history';
import { writeNotaryHistory } from './testing/notary-history';
import { writeErasureHistory } from './testing/erasure-history';
import { writeRegistryHistory } from './testing/registry-history';

type Doc = {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }>; bindings: { kafka: Record<string, unknown> } }>;
  operations: Record<string, { action: string; channel: { $ref: string }; messages: { $ref: string }[] }>;
  components: {
    schemas: Record<string, JsonSchema>;
    messages: Record<string, { name: string; headers: JsonSchema; payload: JsonSchema; bindings: { kafka: { key: JsonSchema } } }>;
  };
};

const document = buildAsyncApiDocument() as unknown as Doc;
const repositoryRoot = join(__dirname, '../../../..');

/** The first line where two texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return `line ${i + 1}:\n  committed: ${left[i] ?? '<end of file>'}\n  generated: ${right[i] ?? '<end of file>'}`;
  }
  return 'none';
}

describe(`${ASYNCAPI_FILE}`, () => {
  it('is exactly what the generator writes', () => {
    let committed = '';
    try {
      committed = readFileSync(join(repositoryRoot, ASYNCAPI_FILE), 'utf8');
    } catch {
      committed = '<missing>';
    }
    const fresh = renderAsyncApiYaml();
    if (committed !== fresh) {
      throw new Error(
        `${ASYNCAPI_FILE} is out of date with the code (event catalogue, payload schemas, CloudEvents mapping or topic settings).\n` +
          `Regenerate it with:\n  ${REGENERATE_COMMAND}\nand commit the result. First difference at ${firstDifference(committed, fresh)}`,
      );
    }
  });

  it('reads back as the same document with a YAML parser', () => {
    expect(parse(renderAsyncApiYaml())).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
  });

  it('is AsyncAPI 3.0 with one channel per topic under the default prefix, and send operations', () => {
    const doc = buildAsyncApiDocument() as Record<string, unknown>;
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.values(document.channels).map((c) => c.address)).toEqual(EVENT_FAMILIES.map((f) => `sme.${f.topic}`));
    expect(Object.values(document.channels).map((c) => c.address)).toEqual(
      expect.arrayContaining(['sme.calls.v1', 'sme.applications.v1', 'sme.stations.v1', 'sme.enterprises.v1', 'sme.providers.v1', 'sme.experts.v1', 'sme.products.v1', 'sme.cases.v1', 'sme.policies.v1', 'sme.faqs.v1', 'sme.demands.v1']),
    );
    for (const channel of Object.values(document.channels)) {
      expect(channel.bindings.kafka).toEqual({
        partitions: 6,
        topicConfiguration: { 'retention.ms': -1, 'retention.bytes': -1, 'cleanup.policy': ['delete'] },
        bindingVersion: '0.5.0',
      });
    }
    for (const operation of Object.values(document.operations)) {
      expect(operation.action).toBe('send');
      const channel = document.channels[operation.channel.$ref.replace('#/channels/', '')];
      // Operations may only name messages of their own channel.
      for (const m of operation.messages) expect(m.$ref.startsWith(`${operation.channel.$ref}/messages/`)).toBe(true);
      expect(operation.messages).toHaveLength(Object.keys(channel.messages).length);
    }
    expect((doc.servers as Record<string, { protocol: string }>).ledger.protocol).toBe('kafka');
  });

  it('has one message per catalogued event type, named after it, with its exact ce_type', () => {
    const catalogued = EVENT_FAMILIES.flatMap((family) =>
      Object.entries(family.events).map(([type, { action, schemaVersion }]) => [type, `${family.typeNamespace}.${action}.v${schemaVersion}`]),
    );
    expect(Object.keys(document.components.messages).sort()).toEqual(catalogued.map(([type]) => type).sort());
    for (const [type, ceType] of catalogued) {
      const message = document.components.messages[type];
      expect(message.name).toBe(type);
      expect(message.headers.allOf?.[1].properties?.ce_type).toEqual({ const: ceType });
    }
  });

  it('is matched by the event table of docs/integrators.md', () => {
    const guide = readFileSync(join(repositoryRoot, 'docs/integrators.md'), 'utf8');
    const listed = [...guide.matchAll(/^\| `([A-Z]\w+)` \| `(cn\.sme-ledger[a-z.-]+\.v\d+)` \|/gm)].map(([, type, ceType]) => [type, ceType]);
    const published = EVENT_FAMILIES.flatMap((family) =>
      Object.entries(family.events).map(([type, { action, schemaVersion }]) => [type, `${family.typeNamespace}.${action}.v${schemaVersion}`]),
    );
    expect(listed).toEqual(published);
  });

  it('refuses payload schemas that miss an event type or describe one the catalogue lacks', () => {
    const { CallClosed: _dropped, ...missing } = EVENT_MESSAGES;
    expect(() => checkMessagesMatchCatalogue(missing)).toThrow('missing: CallClosed');
    const extra = { ...EVENT_MESSAGES, CallReopened: EVENT_MESSAGES.CallClosed };
    expect(() => checkMessagesMatchCatalogue(extra)).toThrow('not in the catalogue: CallReopened');
    expect(() => checkMessagesMatchCatalogue()).not.toThrow();
  });

  it('closes every object schema of the payloads and requires only declared properties', () => {
    const problems: string[] = [];
    const visit = (schema: JsonSchema, at: string) => {
      if (schema.type === 'object') {
        if (schema.additionalProperties !== false) problems.push(`${at}: additionalProperties is not false`);
        for (const name of schema.required ?? []) if (!schema.properties?.[name]) problems.push(`${at}: requires undeclared ${name}`);
      }
      for (const [name, sub] of Object.entries(schema.properties ?? {})) visit(sub, `${at}/properties/${name}`);
      if (schema.items) visit(schema.items, `${at}/items`);
    };
    for (const [name, schema] of Object.entries(document.components.schemas)) visit(schema, name);
    expect(problems).toEqual([]);
  });
});

describe('the published schemas against events written through the deciders', () => {
  let kept: SqliteEventStore;
  let store: EventStore;
  let events: RecordedEvent[];
  /** ce_type → the message whose headers name it. */
  const messageByCeType = new Map(
    Object.entries(document.components.messages).map(([name, message]) => [
      (message.headers.allOf?.[1].properties?.ce_type as { const: string }).const,
      { name, message },
    ]),
  );

  beforeAll(async () => {
    // Written as the API writes (personal fields sealed); published as kept.
    kept = new SqliteEventStore(':memory:');
    store = new ProtectedEventStore(kept, personalFieldsOf, new InMemoryDataKeys(), new FieldCipher());
    const { stationIds } = await writeCompleteHistory(store, { calls: 2, applicationsPerCall: 24 });
    await writeRegistryHistory(store, { stationIds });
    await writeLibraryHistory(store, { stationId: stationIds[0] });
    await writeServiceHistory(store);
    await writeActivityHistory(store);
    await writeCentreHistory(store);
    await writeEvaluationHistory(store);
    await writeAnnualReportHistory(store);
    await writeVoucherHistory(store);
    await writeErasureHistory(store, (await kept.readAll()).find((e) => e.type === 'ProviderAppliedForEntry')!.streamId);
    await writeNotaryHistory(store);
    events = await kept.readAll();
    // A correction (更正) that was also recorded late (补录): the same event's metadata as the ledger keeps it then.
    const station = events.filter((e) => e.streamId.startsWith('station-'));
    const [corrected, correcting] = [station[0], station.find((e) => e.streamId === station[0].streamId && e.revision > 0n)!];
    events.push({ ...correcting, metadata: { ...correcting.metadata, corrects: corrected.id, backdatingReason: '纸质材料补录' } });
  });
  afterAll(async () => {
    await store.close();
  });

  function violationsOf(kafka: KafkaCloudEvent, event: RecordedEvent): string[] {
    const found = messageByCeType.get(kafka.headers.ce_type);
    if (!found) return [`${event.type}: no message has ce_type ${kafka.headers.ce_type}`];
    const { name, message } = found;
    const channel = Object.values(document.channels).find((c) => c.address === kafka.topic);
    const problems: string[] = [];
    if (name !== event.type) problems.push(`${event.type}: its ce_type belongs to message ${name}`);
    if (!channel?.messages[name]) problems.push(`${event.type}: topic ${kafka.topic} is not the channel of message ${name}`);
    const checks: [string, JsonSchema, unknown][] = [
      ['value', message.payload, JSON.parse(kafka.value)],
      ['headers', message.headers, kafka.headers],
      ['key', message.bindings.kafka.key, kafka.key],
    ];
    for (const [part, schema, value] of checks) {
      for (const v of validate(schema, value, document)) problems.push(`${event.type} #${event.position} ${part}${v.path}: ${v.message}`);
    }
    return problems;
  }

  it('publishes every personal field sealed, and nothing else sealed', () => {
    const valuesAt = (data: unknown, path: string[]): unknown[] => {
      if (path.length === 0) return [data];
      if (data === null || typeof data !== 'object') return [];
      const [head, ...rest] = path;
      const next = head === '*' ? (Array.isArray(data) ? data : []) : [(data as Record<string, unknown>)[head]];
      return next.flatMap((value) => valuesAt(value, rest));
    };
    let sealedFields = 0;
    for (const event of events) {
      const personal = personalFieldsOf(event.streamId, event.type).flatMap((path) => valuesAt(event.data, path.split('.'))).filter((v) => v !== undefined);
      expect(personal.filter((value) => !isSealed(value))).toEqual([]);
      sealedFields += personal.length;
      expect(JSON.stringify(event.data).split('"enc:v1:').length - 1).toBe(personal.length);
    }
    expect(sealedFields).toBeGreaterThan(50);
  });

  it('includes every catalogued event type at least once', () => {
    const written = new Set(events.map((e) => e.type));
    const catalogued = EVENT_FAMILIES.flatMap((family) => Object.keys(family.events));
    expect(catalogued.filter((type) => !written.has(type))).toEqual([]);
  });

  it('describes every message exactly: value, ce_ headers and key', () => {
    const problems = events.flatMap((event) => {
      const kafka = toKafkaCloudEvent(event, 'sme.');
      return kafka ? violationsOf(kafka, event) : [`${event.streamId}: not published`];
    });
    expect(problems).toEqual([]);
    // The optional headers occur too, so their schemas were exercised.
    const headers = new Set(events.flatMap((event) => Object.keys(toKafkaCloudEvent(event, 'sme.')!.headers)));
    expect(headers).toEqual(new Set(Object.keys(document.components.schemas.CloudEventHeaders.properties!)));
  });

  it('tells apart messages that break the contract', () => {
    const designated = events.find((e) => e.type === 'StationDesignated')!;
    const kafka = toKafkaCloudEvent(designated, 'sme.')!;
    const data = JSON.parse(kafka.value) as Record<string, unknown>;
    const payload = document.components.messages.StationDesignated.payload;
    const problemsWith = (value: unknown) => validate(payload, value, document).map((v) => `${v.path}: ${v.message}`);

    expect(problemsWith(data)).toEqual([]);
    const { plaqueNumber: _omitted, ...withoutPlaque } = data;
    expect(problemsWith(withoutPlaque)).toEqual(['/plaqueNumber: is required']);
    expect(problemsWith({ ...data, status: 'ACTIVE' })).toEqual(['/status: is not allowed (additionalProperties: false)']);
    expect(problemsWith({ ...data, designatedAt: '2019-09-10' })).toEqual(['/designatedAt: must be a date-time, is "2019-09-10"']);
    expect(problemsWith({ ...data, districtCode: '440100' })).toHaveLength(1);
    expect(problemsWith({ ...data, operator: { name: '运营主体', uscc: 'not-a-uscc' } })).toHaveLength(1);

    const revoked = events.find((e) => e.type === 'StationRevoked')!;
    const revokedPayload = document.components.messages.StationRevoked.payload;
    const revokedData = JSON.parse(toKafkaCloudEvent(revoked, 'sme.')!.value) as Record<string, unknown>;
    expect(validate(revokedPayload, { ...revokedData, grounds: ['BAD_WEATHER'] }, document)).toHaveLength(1);
    expect(validate(revokedPayload, { ...revokedData, grounds: [] }, document)).toHaveLength(1);

    const headers = document.components.messages.StationDesignated.headers;
    const otherType = { ...kafka.headers, ce_type: 'cn.sme-ledger.station.withdrawn.v1' };
    expect(validate(headers, otherType, document).map((v) => v.path)).toEqual(['/ce_type']);
    expect(validate(headers, { ...kafka.headers, ce_streamrevision: '-1' }, document).map((v) => v.path)).toEqual(['/ce_streamrevision']);
    expect(validate(document.components.messages.StationDesignated.bindings.kafka.key, `application-${designated.streamId.slice(8)}`, document)).toHaveLength(1);
  });
});
