import type { DomainCommand } from './decider';
import type { Existing } from './access';
import { recordExists, recordNotFound, type RecordLabel } from './record-kind';

type Handler<C, S, E> = (command: C, state: S) => E[];
type Of<C extends DomainCommand, T> = Extract<C, { type: T }>;

/**
 * `decide` as a table: one handler per command type, so the compiler finds a command without one.
 * Handlers in `onNew` see the state as it is (they create the record, or refuse a second creation);
 * those in `on` act on an existing record: while there is none, the record is not found (404,
 * `<CODE>_NOT_FOUND` of its label).
 */
export function decideByType<C extends DomainCommand, S extends { status: string }, E, New extends C['type'] = never>(table: {
  onNew?: { [T in New]: Handler<Of<C, T>, S, E> };
  on: { [T in Exclude<C['type'], New>]: Handler<Of<C, T>, Existing<S>, E> };
  /** How the kind's records are named in the refusals. */
  record: RecordLabel;
}): (command: C, state: S) => E[] {
  return (command, state) => {
    const onNew = table.onNew as unknown as Record<string, Handler<C, S, E>> | undefined;
    const create = onNew?.[command.type];
    if (create) return create(command, state);
    if (state.status === 'NONE') throw recordNotFound(table.record);
    const handler = (table.on as unknown as Record<string, Handler<C, Existing<S>, E>>)[command.type];
    if (!handler) throw new Error(`No handler for command ${command.type}`);
    return handler(command, state as Existing<S>);
  };
}

/**
 * A rule each step it wraps checks before running (a closed record takes nothing more): `check` throws
 * the refusal. Written once per record, it reads in the table as `whileOpen(step)`.
 */
export function guardedBy<S>(check: (state: S) => void): <C, E>(step: Handler<C, S, E>) => Handler<C, S, E> {
  return (step) => (command, state) => {
    check(state);
    return step(command, state);
  };
}

/**
 * A step that creates the record, refused once it exists: 409 `<CODE>_ALREADY_EXISTS`, 「该…已存在」,
 * "The … already exists". Reads in the table as `PlanActivity: createdOnce(ACTIVITY_RECORD, plan)`.
 */
export function createdOnce<C, S extends { status: string }, E>(record: RecordLabel, step: Handler<C, S, E>): Handler<C, S, E> {
  return (command, state) => {
    if (state.status !== 'NONE') throw recordExists(record);
    return step(command, state);
  };
}
