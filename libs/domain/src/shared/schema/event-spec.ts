import type { Static, TObject } from '@sinclair/typebox';
import type { DomainEvent } from '../decider';

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

/** One event type of a kind's specs. */
export type EventNamed<S extends EventSpecs, K extends keyof S & string> = DomainEvent<K, Static<S[K]['payload']>>;

/** Every event type of a kind's specs by its name: `StationEvents['StationRevoked']`. */
export type EventsByType<S extends EventSpecs> = { [K in keyof S & string]: EventNamed<S, K> };

/** The event union a kind's specs define: `{ type: 'StationRevoked', data: Static<payload> } | …`. */
export type EventOf<S extends EventSpecs> = EventsByType<S>[keyof S & string];
