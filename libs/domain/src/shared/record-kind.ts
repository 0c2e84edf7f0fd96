import { authorize, type AccessPolicy } from './access';
import type { Decider, DomainCommand, DomainEvent } from './decider';
import { conflict, notFound } from './domain-error';
import type { EventSpec } from './schema/event-spec';

/** How a kind's events leave the ledger: its Kafka family and CloudEvents type names. */
export interface Publication<E extends DomainEvent> {
  /** Topic name without the configurable prefix, e.g. `stations.v1`. */
  topic: string;
  /** CloudEvents type namespace, e.g. `cn.sme-ledger.station`. */
  typeNamespace: string;
  /** Each event type's verb in its CloudEvents type (`StationRevoked` → `revoked`). */
  actions: { readonly [T in E['type']]: string };
}

/**
 * The one home of a record kind: everything the executor, the relay, AsyncAPI, the projector and
 * the docs need to know about it. Adding an event to a kind touches its domain folder only.
 */
/** How a kind's records are named in messages: `{ code: 'EXPERT', zh: '专家', en: 'expert' }`. */
export interface RecordLabel {
  code: string;
  zh: string;
  en: string;
}

/** A record of this label does not exist: `<CODE>_NOT_FOUND`, 「…不存在」, "The … does not exist" (404), wherever it is looked for. */
export const recordNotFound = (label: RecordLabel) => notFound(`${label.code}_NOT_FOUND`, `${label.zh}不存在`, `The ${label.en} does not exist`);

/** A record of this label is created a second time: `<CODE>_ALREADY_EXISTS`, 「该…已存在」, "The … already exists" (409). */
export const recordExists = (label: RecordLabel) => conflict(`${label.code}_ALREADY_EXISTS`, `该${label.zh}已存在`, `The ${label.en} already exists`);

export interface RecordKind<C extends DomainCommand = DomainCommand, S = unknown, E extends DomainEvent = DomainEvent> {
  /** Lower-case singular, also the stream prefix: `station` → streams `station-<id>`. */
  name: string;
  /** 中文名, for docs and messages. */
  labelZh: string;
  /** How a record of the kind is named when it is missing (the decider's, a read's and a command's 404 alike). */
  label: RecordLabel;
  decider: Decider<C, S, E>;
  access: AccessPolicy<C, S>;
  /** The current schema version of every event type the kind writes. */
  schemaVersions: { readonly [T in E['type']]: number };
  /** Every event type's spec: payload schema, version, CloudEvents verb, title and summary. */
  events: { readonly [T in E['type']]: EventSpec };
  /** Published to Kafka, or kept in the ledger with the reason it is not. */
  publication: Publication<E> | { unpublished: string };
  /** The stream of one record. */
  streamId(id: string): string;
  /** The record id of one of the kind's streams, or undefined for another kind's stream. */
  idOf(streamId: string): string | undefined;
}

/** A kind described by its event specs: versions and CloudEvents verbs follow from them. */
type KindFromSpecs<C extends DomainCommand, S, E extends DomainEvent> = Omit<RecordKind<C, S, E>, 'streamId' | 'idOf' | 'schemaVersions' | 'publication' | 'events'> & {
  events: { readonly [T in E['type']]: EventSpec };
  publication: { topic: string; typeNamespace: string } | { unpublished: string };
};

export function defineKind<C extends DomainCommand, S, E extends DomainEvent>(input: KindFromSpecs<C, S, E>): RecordKind<C, S, E> {
  const prefix = `${input.name}-`;
  const kind = fromSpecs(input);
  return {
    ...kind,
    streamId: (id: string) => `${prefix}${id}`,
    idOf: (streamId: string) => (streamId.startsWith(prefix) ? streamId.slice(prefix.length) : undefined),
  };
}

/** What every stream of a kind starts with (`station-`): a read model's stream prefix. */
export const streamPrefixOf = (kind: Pick<RecordKind, 'streamId'>): string => kind.streamId('');

/** Runs the access gate, then the decider: what the executor does between reading and appending. */
export function decideAuthorized<C extends DomainCommand, S, E extends DomainEvent>(kind: RecordKind<C, S, E>, command: C, state: S): E[] {
  authorize(kind.access, command, state);
  return kind.decider.decide(command, state);
}

export const isPublished = <E extends DomainEvent>(publication: RecordKind<DomainCommand, unknown, E>['publication']): publication is Publication<E> =>
  'topic' in publication;

function fromSpecs<C extends DomainCommand, S, E extends DomainEvent>(input: KindFromSpecs<C, S, E>): Omit<RecordKind<C, S, E>, 'streamId' | 'idOf'> {
  const specs = Object.entries(input.events as Record<string, EventSpec>);
  const schemaVersions = Object.fromEntries(specs.map(([type, spec]) => [type, spec.version])) as RecordKind<C, S, E>['schemaVersions'];
  if ('unpublished' in input.publication) return { ...input, schemaVersions, publication: input.publication };
  const missing = specs.filter(([, spec]) => !spec.action).map(([type]) => type);
  if (missing.length > 0) throw new Error(`Kind ${input.name} is published but ${missing.join(', ')} has no CloudEvents action`);
  const actions = Object.fromEntries(specs.map(([type, spec]) => [type, spec.action])) as Publication<E>['actions'];
  return { ...input, schemaVersions, publication: { ...input.publication, actions } };
}
