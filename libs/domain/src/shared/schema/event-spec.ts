import type { Static, TObject, TProperties } from '@sinclair/typebox';
import type { DomainEvent } from '../decider';
import { closed } from './builders';

/**
 * Everything about one event type, in one place: its data (a TypeBox schema, so its TypeScript type
 * and its published JSON Schema are the same definition), its schema version, its CloudEvents verb
 * and the words integrators read in AsyncAPI.
 */
export interface EventSpec<Payload extends TObject = TObject> {
  /** The current schema version; older versions are upcast on read. */
  version: number;
  /** The verb of its CloudEvents type (`StationRevoked` → `revoked`); absent for unpublished kinds. */
  action?: string;
  /** Human title, e.g. "Station designated (授牌)". */
  title: string;
  /** One sentence: what happened. */
  summary: string;
  /** Optional longer prose (consequences for a reader's view). */
  description?: string;
  payload: Payload;
}

export type EventSpecs = { readonly [type: string]: EventSpec };

/** One event of a record as `recordEvents` takes it: its words, and the payload's fields after the record's id. */
export interface RecordEventEntry {
  action: string;
  title: string;
  summary: string;
  description?: string;
  payload: TProperties;
}

/** The specs `recordEvents` makes of its entries: each at version 1, its payload the closed object of the id and the entry's fields. */
export type RecordEventSpecs<Id extends TProperties, E extends { readonly [type: string]: RecordEventEntry }> = {
  [T in keyof E]: { version: number; action: string; title: string; summary: string; description?: string; payload: TObject<Id & E[T]['payload']> };
};

/**
 * Every event of one kind's records, at schema version 1: each payload is a closed object that opens
 * with the record's id (`id`, e.g. `{ activityId: recordId('The activity') }`), then the entry's fields.
 */
export const recordEvents = <Id extends TProperties, E extends { readonly [type: string]: RecordEventEntry }>(id: Id, entries: E): RecordEventSpecs<Id, E> =>
  Object.fromEntries(
    Object.entries(entries).map(([type, { payload, ...words }]): [string, EventSpec] => [type, { version: 1, ...words, payload: closed({ ...id, ...payload }) }]),
  ) as RecordEventSpecs<Id, E>;

/** One event type of a kind's specs. */
export type EventNamed<S extends EventSpecs, K extends keyof S & string> = DomainEvent<K, Static<S[K]['payload']>>;

/** Every event type of a kind's specs by its name: `StationEvents['StationRevoked']`. */
export type EventsByType<S extends EventSpecs> = { [K in keyof S & string]: EventNamed<S, K> };

/** The event union a kind's specs define: `{ type: 'StationRevoked', data: Static<payload> } | …`. */
export type EventOf<S extends EventSpecs> = EventsByType<S>[keyof S & string];
