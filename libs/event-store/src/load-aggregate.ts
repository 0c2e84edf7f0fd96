import type { Decider, DomainEvent } from '@sme/domain/shared/decider';
import type { EventStore, RecordedEvent } from './event-store.port';

/** Turns a stored event into the event type the decider folds (older schema versions are mapped here). */
export type Upcaster<Ev> = (recorded: RecordedEvent) => Ev;

export type Evolver<State, Ev> = Pick<Decider<unknown, State, Ev>, 'initialState' | 'evolve'>;

export function defaultUpcast<Ev extends DomainEvent>(recorded: RecordedEvent): Ev {
  return { type: recorded.type, data: recorded.data } as DomainEvent as Ev;
}

export interface LoadAggregateOptions<Ev> {
  upcast?: Upcaster<Ev>;
  /**
   * Business time to replay to: only events whose metadata.occurredAt <= asOf are folded, so an auditor sees
   * the record as it stood then, even if something was recorded later with an earlier occurredAt.
   */
  asOf?: Date;
}

export interface LoadedAggregate<State> {
  state: State;
  /** Revision of the last folded event; -1n when there is none. */
  revision: bigint;
  /** The folded events, in stream order. */
  events: RecordedEvent[];
}

export async function loadAggregate<State, Ev extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Evolver<State, Ev>,
  upcastOrOptions?: Upcaster<Ev> | LoadAggregateOptions<Ev>,
): Promise<LoadedAggregate<State>> {
  const options: LoadAggregateOptions<Ev> =
    typeof upcastOrOptions === 'function' ? { upcast: upcastOrOptions } : (upcastOrOptions ?? {});
  const stored = await store.readStream(streamId);
  const asOf = options.asOf?.getTime();
  // Compared as instants: ISO strings with different offsets or precision do not sort as text.
  const events = asOf === undefined ? stored : stored.filter((event) => Date.parse(event.metadata.occurredAt) <= asOf);
  return {
    state: foldRecorded(decider, decider.initialState(), events, options.upcast ?? defaultUpcast),
    revision: events.length > 0 ? events[events.length - 1].revision : -1n,
    events,
  };
}

export function foldRecorded<State, Ev>(
  decider: Evolver<State, Ev>,
  state: State,
  events: readonly RecordedEvent[],
  upcast: Upcaster<Ev>,
): State {
  return events.reduce((current, event) => decider.evolve(current, upcast(event)), state);
}
