import { fold, type Decider, type DomainCommand, type DomainEvent } from '../decider';
import { decideAuthorized, type RecordKind } from '../record-kind';
import { DomainError, type DomainErrorKind } from '../domain-error';

export type ExpectedError = { kind?: DomainErrorKind; field?: string; message?: RegExp };

/**
 * given(decider, history).when(command).then(events) / .thenThrows(code).
 * Besides comparing, `then` checks the events are plain JSON and that evolve accepts them;
 * `thenThrows` checks a DomainError with messages in both languages.
 */
export function given<C extends DomainCommand, S, E extends DomainEvent>(
  subject: Decider<C, S, E> | RecordKind<C, S, E>,
  history: readonly E[] = [],
) {
  // A record kind runs its access gate before its decider, as the executor does.
  const decider: Decider<C, S, E> =
    'access' in subject ? { ...subject.decider, decide: (command, state) => decideAuthorized(subject, command, state) } : subject;
  const state = fold(decider, history);
  return {
    state,
    when(command: C) {
      return {
        then(expected: E[]) {
          const events = decider.decide(command, state);
          expect(events).toEqual(expected);
          expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
          const after = events.reduce(decider.evolve, state);
          return {
            state: after,
            andState(check: (state: S) => void) {
              check(after);
            },
          };
        },
        /** Only the event types, for when the data is checked elsewhere. */
        thenEmits(types: string[]) {
          const events = decider.decide(command, state);
          expect(events.map((e) => (e as { type: string }).type)).toEqual(types);
          return { state: events.reduce(decider.evolve, state) };
        },
        thenThrows(code: string, expected: ExpectedError = {}): DomainError {
          let thrown: unknown;
          try {
            decider.decide(command, state);
          } catch (error) {
            thrown = error;
          }
          if (!(thrown instanceof DomainError)) {
            throw new Error(`Expected DomainError ${code}, got ${thrown === undefined ? 'no error' : String(thrown)}`);
          }
          expect({ code: thrown.code, kind: thrown.kind, field: thrown.field }).toEqual({
            code,
            kind: expected.kind ?? thrown.kind,
            field: 'field' in expected ? expected.field : thrown.field,
          });
          expect(thrown.messageZh.trim()).not.toBe('');
          expect(thrown.messageEn.trim()).not.toBe('');
          if (expected.message) expect(`${thrown.messageZh} ${thrown.messageEn}`).toMatch(expected.message);
          return thrown;
        },
      };
    },
  };
}

/** Runs a function expected to throw a DomainError and returns it. */
export function domainErrorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, nothing was thrown');
}
