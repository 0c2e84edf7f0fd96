/**
 * A decider is the whole behaviour of one aggregate as three pure functions.
 * Time, ids and the acting user arrive in the command's metadata, never from a clock or RNG here.
 */
export interface Decider<Command, State, Event> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

/** Who is acting. `orgId` is the actor's organisation (a USCC for legal persons), `regionCode` a GB/T 2260 code. */
export interface Actor {
  id: string;
  role: Role;
  orgId: string;
  regionCode: string;
}

export const ROLES = [
  'CITY_AUTHORITY',
  'DISTRICT_AUTHORITY',
  'HUB',
  'STATION_OPERATOR',
  'CENTRE_OPERATOR',
  'EXPERT',
  'PROVIDER',
  'ENTERPRISE',
  'AUDITOR',
  'SUPERVISOR',
  'EVALUATOR',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** What every command carries besides its data. `now` is the business time (occurredAt) of the act. */
export interface CommandMetadata {
  now: Date;
  actor: Actor;
}

export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

export interface DomainCommand<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** Folds a history into a state. */
export function fold<S, E>(decider: Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>, events: readonly E[]): S {
  return events.reduce(decider.evolve, decider.initialState());
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
