/* Why this file is long: it writes the whole AsyncAPI document (info, channels, operations, messages, CloudEvents headers), each section a small function. */
import { ROLES } from '@sme/domain';
import type { RecordedEvent } from '@sme/event-store';
import { toKafkaCloudEvent } from '../cloudevents';
import { EVENT_FAMILIES, type EventFamily } from '../event-catalogue';
import { DEFAULT_TOPIC_PARTITIONS, DEFAULT_TOPIC_PREFIX, TOPIC_CONFIG } from '../topics';
import type { JsonSchema } from './json-schema';
import { EVENT_MESSAGES, SHARED_SCHEMAS, type EventMessageSpec } from './payload-schemas';
import { stringify } from 'yaml';

/**
 * Builds the AsyncAPI 3.0 document of everything the ledger publishes, from the event catalogue
 * (EVENT_FAMILIES), the CloudEvents mapping (toKafkaCloudEvent), the topic settings (topics.ts) and
 * the payload schemas (payload-schemas.ts). docs/asyncapi.yaml is this document; a unit test fails when
 * the committed file differs from a fresh rendering.
 */

export const ASYNCAPI_FILE = 'docs/asyncapi.yaml';
export const REGENERATE_COMMAND = 'npx ts-node -r tsconfig-paths/register --transpile-only libs/messaging/src/asyncapi/write-asyncapi.ts';
/** The document's own version: bump the minor for additions, the major when a topic version changes. */
export const ASYNCAPI_DOCUMENT_VERSION = '1.0.0';
export const KAFKA_BINDING_VERSION = '0.5.0';

const UUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PROBE_ID = '00000000-0000-4000-8000-000000000000';

/** Topic configuration keys the Kafka channel binding can carry, and how each is typed there. */
const BINDING_TOPIC_CONFIG: Record<string, (value: string) => unknown> = {
  'cleanup.policy': (value) => value.split(',').map((policy) => policy.trim()),
  'retention.ms': Number,
  'retention.bytes': Number,
  'delete.retention.ms': Number,
  'max.message.bytes': Number,
};

/** A channel's key in the document: the topic's first part, e.g. `stations`. */
export const channelKey = (family: EventFamily): string => family.topic.split('.')[0];

/** The names of the headers and schemas for one event type, as the CloudEvents mapping really produces them. */
function probe(family: EventFamily, type: string): { topic: string; ceType: string; ceSource: string } {
  const event: RecordedEvent = {
    id: PROBE_ID,
    type,
    schemaVersion: family.events[type].schemaVersion,
    streamId: `${family.streamPrefix}-${PROBE_ID}`,
    revision: 0n,
    position: 1n,
    data: {},
    metadata: {
      occurredAt: '2019-01-01T00:00:00.000Z',
      recordedAt: '2019-01-01T00:00:00.000Z',
      actor: { id: 'probe', role: 'ADMIN', orgId: 'probe', regionCode: '440100' },
      correlationId: 'probe',
      causationId: null,
    },
    hash: '',
    previousHash: null,
  };
  const message = toKafkaCloudEvent(event, DEFAULT_TOPIC_PREFIX);
  if (!message) throw new Error(`The CloudEvents mapping publishes nothing for ${family.streamPrefix} streams`);
  return { topic: message.topic, ceType: message.headers.ce_type, ceSource: message.headers.ce_source };
}

/**
 * What follows `<streamPrefix>-` in a family's stream ids (the key) and is its ce_subject: a UUID the
 * ledger made, except where the record id is someone's user id.
 */
interface RecordIdShape {
  /** Extra constraint on ce_subject in the family's messages. */
  subject: JsonSchema;
  /** Regular expression of the id inside the key `<streamPrefix>-<id>`. */
  keyPattern: string;
  /** How the key is written in prose, e.g. `expert-<expertId>`. */
  placeholder: string;
  note?: string;
}
const RECORD_IDS: Record<string, RecordIdShape> = {
  expert: { subject: { pattern: '^\\S(.*\\S)?$' }, keyPattern: '\\S(.*\\S)?', placeholder: '<expertId>', note: 'the expert’s user id (the `sub` of their token)' },
  notary: { subject: { const: 'checkpoints' }, keyPattern: 'checkpoints', placeholder: 'checkpoints', note: 'the one stream of the ledger’s checkpoints' },
};
const UUID_RECORD_ID: RecordIdShape = { subject: { format: 'uuid' }, keyPattern: UUID_PATTERN, placeholder: '<uuid>' };
const recordIdOf = (family: EventFamily): RecordIdShape => RECORD_IDS[family.streamPrefix] ?? UUID_RECORD_ID;
const keyShape = (family: EventFamily): string => `${family.streamPrefix}-${recordIdOf(family).placeholder}`;

/** The ce_ headers every message carries (Kafka protocol binding of CloudEvents 1.0, binary mode). */
function cloudEventHeadersSchema(): JsonSchema {
  const decimal = '^(0|[1-9][0-9]*)$';
  return {
    type: 'object',
    description:
      'CloudEvents 1.0 attributes as Kafka headers (protocol binding, binary content mode), UTF-8 strings. ' +
      'ce_specversion, ce_id, ce_type, ce_source, ce_subject and ce_time are CloudEvents attributes; ' +
      'the others are the ledger’s extensions. Consumers should ignore headers they do not know: new optional ones may be added.',
    required: [
      'ce_specversion',
      'ce_id',
      'ce_type',
      'ce_source',
      'ce_subject',
      'ce_time',
      'content-type',
      'ce_recordedat',
      'ce_actorrole',
      'ce_actorid',
      'ce_correlationid',
      'ce_streamrevision',
      'ce_logposition',
    ],
    properties: {
      ce_specversion: { type: 'string', const: '1.0', description: 'CloudEvents spec version' },
      ce_id: { type: 'string', format: 'uuid', description: 'The event’s id, unique across the ledger: deduplicate on it (delivery is at least once)' },
      ce_type: {
        type: 'string',
        pattern: '^cn\\.sme-ledger(\\.[a-z-]+)+\\.v[1-9][0-9]*$',
        description: '`<namespace>.<action>.v<schemaVersion>`; a new schema version of an event is a new type',
      },
      ce_source: { type: 'string', pattern: '^/sme-ledger/[a-z]+$', description: '`/sme-ledger/<family>`' },
      ce_subject: {
        type: 'string',
        minLength: 1,
        description: 'The record’s id: the message key without its `<family>-` prefix (a UUID, except for experts — the expert’s user id — and the checkpoints’ one stream, `checkpoints`); each message says which',
      },
      ce_time: { type: 'string', format: 'date-time', description: 'Business time of the act (occurredAt), UTC' },
      'content-type': { type: 'string', const: 'application/json', description: 'Content type of the value (the event’s data)' },
      ce_recordedat: { type: 'string', format: 'date-time', description: 'When the ledger stored the event, UTC' },
      ce_actorrole: { type: 'string', enum: [...ROLES], description: 'Role of the user who acted' },
      ce_actorid: { type: 'string', description: 'Id of the user who acted (the `sub` of their token)' },
      ce_correlationid: { type: 'string', minLength: 1, description: 'Shared by every event one request caused' },
      ce_causationid: { type: 'string', minLength: 1, description: 'Id of the event that caused this one, when one did (e.g. a published list → the designations)' },
      ce_streamrevision: {
        type: 'string',
        pattern: decimal,
        description: '0-based revision of the event in its record’s stream, a decimal string: 0 for the first event of a record, +1 per event',
      },
      ce_logposition: {
        type: 'string',
        pattern: decimal,
        description: 'Position in the ledger’s global log, a decimal string; increases with append order across all records (gaps possible)',
      },
      ce_legalbasis: { type: 'string', minLength: 1, description: 'The rule’s source, e.g. 穗工信函〔2019〕1100号, when the act names one' },
      ce_corrects: { type: 'string', format: 'uuid', description: '更正: the ce_id of the earlier event of the same record whose fact this one corrects; its ce_time is that event’s' },
      ce_backdated: { type: 'string', enum: ['true'], description: '补录: present when the act was recorded with a business time (ce_time) before its record’s previous event' },
    },
    additionalProperties: false,
  };
}

/** Throws unless `messages` has exactly one entry per event type of the catalogue. */
export function checkMessagesMatchCatalogue(
  messages: Readonly<Record<string, EventMessageSpec>> = EVENT_MESSAGES,
  families: readonly EventFamily[] = EVENT_FAMILIES,
): void {
  const catalogued = families.flatMap((family) => Object.keys(family.events));
  const specified = Object.keys(messages);
  const missing = catalogued.filter((type) => !specified.includes(type));
  const extra = specified.filter((type) => !catalogued.includes(type));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `payload-schemas.ts must have exactly one schema per catalogued event type` +
        (missing.length > 0 ? `; missing: ${missing.join(', ')}` : '') +
        (extra.length > 0 ? `; not in the catalogue: ${extra.join(', ')}` : ''),
    );
  }
}

const INFO_DESCRIPTION = `Every event the SME Service Ledger records about calls, station applications and stations, about
its registries of enterprises, service providers and experts, and about its libraries of service
products and cases, policies and FAQs, and service demands, published to Kafka by the ledger's relay. The ledger is the single source of truth; these topics let
integrators keep their own copy of any record, or react to changes, without calling the API.

* One topic per family (calls, applications, stations, enterprises, providers, experts, products,
  cases, policies, faqs, demands), one message per event, as a CloudEvent in the
  Kafka protocol binding's binary mode: attributes in \`ce_\` headers, the event's data as JSON in the value.
* The key is the record's stream id (\`station-<uuid>\`, ...): all events of one record are in one
  partition, in the order they happened (\`ce_streamrevision\` 0, 1, 2, ...). There is no order across records.
* Delivery is at least once: after a relay restart some messages arrive again. Deduplicate by \`ce_id\`.
* The topics keep every event forever (no retention limit, no compaction): a consumer can rebuild any
  view by reading them from the beginning.
* A new schema version of an event is a new \`ce_type\` (\`....v2\`); a consumer that does not know a
  type can skip it. A new topic version (\`stations.v2\`) would be announced with a migration period.

This document describes the ledger, so its operations are \`send\`: the ledger sends, an integrator's
application performs the matching \`receive\`. Topic addresses use the default prefix \`sme.\`; a
deployment may set another (the relay's KAFKA_TOPIC_PREFIX), with the same names after it.

Guide for integrators: docs/integrators.md. Example consumer: examples/station-registry-consumer/.
Generated by libs/messaging/src/asyncapi/generate-asyncapi.ts; do not edit by hand.`;

const FAMILY_DESCRIPTIONS: Record<string, { title: string; description: string }> = {
  calls: { title: 'Calls for applications (征集批次)', description: 'Calls opened, closed and their published lists of designated stations.' },
  applications: {
    title: 'Station applications (服务站申请)',
    description: 'The application procedure: form and materials, district review, expert panel and scores, the hub’s recommendation, the city’s decision, designation.',
  },
  stations: {
    title: 'Stations (服务站)',
    description: 'Designated stations: designation (授牌), covenants, revocation proposals and decisions, withdrawal. Enough to keep a registry of stations.',
  },
  enterprises: {
    title: 'Enterprises (中小企业数据库)',
    description: 'The enterprise database: registration, yearly figures, profile changes, size classification (工信部联企业〔2011〕300号) and recognitions (称号) granted and revoked.',
  },
  providers: {
    title: 'Service providers (优质服务机构库)',
    description: 'The pool of quality service providers: entry applications and decisions, monitoring evaluations, warnings, removals (有进有出), and settling at stations (入驻).',
  },
  experts: {
    title: 'Experts (服务专家库)',
    description: 'The expert pool: registration, admission, suspension and reinstatement, removal, profile and organisation changes.',
  },
  products: {
    title: 'Service products (服务产品库)',
    description: 'Service products of the providers in the quality pool: each version with its 六公开, fee and time limit, and retirement.',
  },
  cases: { title: 'Service cases (服务案例库)', description: 'Cases of services the providers delivered, named or anonymised, and their retirement.' },
  policies: {
    title: 'Policies (基础信息库：法律政策)',
    description: 'Policies by level and issuing region with their eligibility, each amended version, repeals, and every push of a version to an enterprise.',
  },
  faqs: { title: 'FAQs (基础信息库：常见问题解答)', description: 'Questions and answers by region, each revised version, and retirement.' },
  demands: {
    title: 'Service demands (服务需求库)',
    description: 'Enterprises’ service demands: raised, accepted by a station, matched to a provider, resolved with a rating (and follow-up on a poor one), closed or escalated.',
  },
  deliveries: {
    title: 'Service deliveries (服务项目跟踪)',
    description: 'Every service delivered to an enterprise: registration, start, progress, delivery with its documents, confirmation or dispute, cancellation, feedback and its amendment, complaints, 回访, 归档 and corrections.',
  },
  themeplans: {
    title: 'Theme-month plans (主题月计划)',
    description: 'Each city’s yearly calendar of theme months (政策, 财税, 知识产权, 融资, …) set by its hub, and its revisions; activities link to its months.',
  },
  activities: {
    title: 'Service activities (服务活动)',
    description: 'Activities of the network (培训, 沙龙, 对话, 讲座, 研讨, 论坛, 对接会, 政策宣贯, 巡回课堂, 服务推广日): planned, postponed or cancelled, enterprises registered, held with the enterprises and persons present and the materials, and the attendees’ feedback.',
  },
  centres: {
    title: 'Service centres (服务中心)',
    description:
      'Province, city, county and town SME service centres: recorded as recognised or below their level’s standard (with a remediation plan and deadline), fact changes re-checked, providers linked and unlinked, closure. Each event carries the 建设情况汇总表 row.',
  },
  evalschemes: {
    title: 'Evaluation schemes (评价方案)',
    description:
      'A city’s scheme for a year and a kind of organisation (station, centre, provider): indicators with weights, named formulas and normalisation, grade floors and the satisfaction floor. Every publication or change is a new version carrying the whole scheme.',
  },
  evaluations: {
    title: 'Evaluations (综合评价)',
    description:
      'A year’s evaluation of a city’s stations, centres or providers: the run (figures as of a log position, under a scheme version), manual scores with evidence, the published results with grades, flags and ranks, commendations, and flags turned into revocation proposals or removals (优胜劣汰).',
  },
  annualreports: {
    title: 'Annual reports (年度服务总结)',
    description:
      'Each station’s, recognised centre’s and 库 provider’s year: the narrative, the figures the ledger computed at submission, next year’s plan with targets, the deadline in force and whether it was met; returned with comments, resubmitted, accepted; and each city’s consolidated report from its hub, acknowledged by the city authority.',
  },
  vouchers: {
    title: 'Voucher programmes (服务券)',
    description:
      'A city’s or district’s 服务券 programme: its terms (budget, eligibility, service domains, the subsidy rule, the application, order and settlement dates) and every amendment with its reason; each enterprise’s application, refusal or grant, with the quota moved from the budget.',
  },
  checkpoints: {
    title: 'Signed checkpoints (存证检查点)',
    description:
      'Where the whole log stood at a position, signed with the ledger’s key: the global hash, the Merkle root of the stream heads and the counts, with the public key to verify them. Keep a copy outside the ledger (or a trusted timestamp of it): POST /audit/verify checks the log against it, so a deleted tail or a recomputed history is found.',
  },
  erasures: {
    title: 'Erasures of personal data (个人信息删除)',
    description:
      'A request to erase the personal data a record holds (its data subjects, never the data), the second administrator’s approval or refusal, and the erasure carried out: the subjects’ keys deleted. The personal fields of every topic are ciphertext; after this event no key opens them. Delete what you derived from them too.',
  },
  followups: {
    title: 'Follow-ups (差评跟进)',
    description: 'Follow-ups of 差评, disputes and complaints: opened with a due day on the working-day calendar, contact, rectification plan and result, closure (on time or late) and escalation when overdue.',
  },
};

function kafkaTopicBinding(): Record<string, unknown> {
  const topicConfiguration: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(TOPIC_CONFIG)) {
    const convert = BINDING_TOPIC_CONFIG[name];
    if (convert) topicConfiguration[name] = convert(value);
  }
  return { partitions: DEFAULT_TOPIC_PARTITIONS, topicConfiguration, bindingVersion: KAFKA_BINDING_VERSION };
}

function message(family: EventFamily, type: string, spec: EventMessageSpec): Record<string, unknown> {
  const { ceType, ceSource } = probe(family, type);
  return {
    name: type,
    title: spec.title,
    summary: spec.summary,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    contentType: 'application/json',
    correlationId: { description: 'Shared by every event one request caused', location: '$message.header#/ce_correlationid' },
    headers: {
      type: 'object',
      allOf: [
        { $ref: '#/components/schemas/CloudEventHeaders' },
        { type: 'object', properties: { ce_type: { const: ceType }, ce_source: { const: ceSource }, ce_subject: recordIdOf(family).subject } },
      ],
    },
    payload: { $ref: `#/components/schemas/${type}` },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          pattern: `^${family.streamPrefix}-${recordIdOf(family).keyPattern}$`,
          description:
            `The record's stream id \`${keyShape(family)}\`` +
            (recordIdOf(family).note === undefined ? '' : `, the id being ${recordIdOf(family).note}`) +
            ': every event of a record goes to the same partition',
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

/** The AsyncAPI 3.0 document as plain data. Throws when payload schemas and catalogue disagree. */
export function buildAsyncApiDocument(): Record<string, unknown> {
  checkMessagesMatchCatalogue();
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, JsonSchema> = { CloudEventHeaders: cloudEventHeadersSchema() };

  for (const family of EVENT_FAMILIES) {
    const key = channelKey(family);
    const about = FAMILY_DESCRIPTIONS[key];
    if (!about) throw new Error(`No description for the ${family.topic} channel`);
    const types = Object.keys(family.events);
    const { topic } = probe(family, types[0]);
    channels[key] = {
      address: topic,
      title: about.title,
      description:
        `${about.description} Key: the stream id \`${keyShape(family)}\`. ` +
        `The address is the topic under the default prefix \`${DEFAULT_TOPIC_PREFIX}\`; with KAFKA_TOPIC_PREFIX=<p> it is \`<p>${family.topic}\`. ` +
        `Partitions: ${DEFAULT_TOPIC_PARTITIONS} when the relay creates the topic (KAFKA_TOPIC_PARTITIONS); an operator may have created it otherwise.`,
      messages: Object.fromEntries(types.map((type) => [type, { $ref: `#/components/messages/${type}` }])),
      bindings: { kafka: kafkaTopicBinding() },
    };
    const familyName = family.streamPrefix.charAt(0).toUpperCase() + family.streamPrefix.slice(1);
    operations[`publish${familyName}Events`] = {
      action: 'send',
      channel: { $ref: `#/channels/${key}` },
      title: `Publish ${key} events`,
      summary: `The ledger's relay publishes every event of the ${family.streamPrefix} records, in log order, at least once.`,
      messages: types.map((type) => ({ $ref: `#/channels/${key}/messages/${type}` })),
    };
    for (const type of types) {
      const spec = EVENT_MESSAGES[type as keyof typeof EVENT_MESSAGES];
      messages[type] = message(family, type, spec);
      schemas[type] = spec.payload;
    }
  }
  for (const [name, schema] of Object.entries(SHARED_SCHEMAS)) {
    if (name in schemas) throw new Error(`Schema name ${name} is used twice`);
    schemas[name] = schema;
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'SME Service Ledger events',
      version: ASYNCAPI_DOCUMENT_VERSION,
      description: INFO_DESCRIPTION,
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      ledger: {
        host: 'kafka.example.invalid:9092',
        protocol: 'kafka',
        description: 'Placeholder: the ledger’s operator gives integrators the bootstrap servers (what the relay has in KAFKA_BROKERS), credentials and the topic prefix.',
      },
      local: {
        host: 'localhost:9092',
        protocol: 'kafka',
        description: 'The broker of infra/docker-compose.yml, for trying things out.',
      },
    },
    channels,
    operations,
    components: { schemas, messages },
  };
}

/** docs/asyncapi.yaml as it should be. */
export function renderAsyncApiYaml(): string {
  return [
    '# AsyncAPI 3.0 description of the events the SME Service Ledger publishes to Kafka.',
    `# Generated from code; do not edit. Regenerate with:`,
    `#   ${REGENERATE_COMMAND}`,
    // Block style, no line folding, no anchors: a diff of the file shows exactly what changed.
    stringify(buildAsyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false }),
  ].join('\n');
}
