import type { Actor, Decider, DomainCommand, DomainEvent } from '@sme/domain/shared/decider';
import { invalid } from '@sme/domain/shared/domain-error';

/** A tiny decider for the event-store's own tests: a counter that can be incremented. */
export type CounterCommand =
  | DomainCommand<'Increment', { by: number }>
  | DomainCommand<'IncrementTwice', { by: number }>
  | DomainCommand<'Touch', Record<string, never>>;

export type CounterEvent = DomainEvent<'Incremented', { by: number }>;

export interface CounterState {
  value: number;
  increments: number;
}

export const counterDecider: Decider<CounterCommand, CounterState, CounterEvent> = {
  initialState: () => ({ value: 0, increments: 0 }),
  evolve: (state, event) => ({ value: state.value + event.data.by, increments: state.increments + 1 }),
  decide: (command) => {
    switch (command.type) {
      case 'Increment':
        if (command.data.by <= 0) throw invalid('BY_NOT_POSITIVE', '增量须为正数', 'by must be positive', 'by');
        return [{ type: 'Incremented', data: { by: command.data.by } }];
      case 'IncrementTwice':
        return [
          { type: 'Incremented', data: { by: command.data.by } },
          { type: 'Incremented', data: { by: command.data.by } },
        ];
      case 'Touch':
        return [];
    }
  },
};

export const testActor: Actor = { id: 'user-1', role: 'HUB', orgId: '91440101MA5CXXXX1X', regionCode: '440100' };

export function increment(by: number, now = new Date()): CounterCommand {
  return { type: 'Increment', data: { by }, metadata: { now, actor: testActor } };
}
