import { authorize, type AccessPolicy } from './access';
import type { Decider, DomainCommand, DomainEvent } from './decider';

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
export interface RecordKind<C extends DomainCommand = DomainCommand, S = unknown, E extends DomainEvent = DomainEvent> {
  /** Lower-case singular, also the stream prefix: `station` → streams `station-<id>`. */
  name: string;
  /** 中文名, for docs and messages. */
  labelZh: string;
  decider: Decider<C, S, E>;
  access: AccessPolicy<C, S>;
  /** The current schema version of every event type the kind writes. */
  schemaVersions: { readonly [T in E['type']]: number };
  /** Published to Kafka, or kept in the ledger with the reason it is not. */
  publication: Publication<E> | { unpublished: string };
  /** The stream of one record. */
  streamId(id: string): string;
  /** The record id of one of the kind's streams, or undefined for another kind's stream. */
  idOf(streamId: string): string | undefined;
}

export function defineKind<C extends DomainCommand, S, E extends DomainEvent>(
  kind: Omit<RecordKind<C, S, E>, 'streamId' | 'idOf'>,
): RecordKind<C, S, E> {
  const prefix = `${kind.name}-`;
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
