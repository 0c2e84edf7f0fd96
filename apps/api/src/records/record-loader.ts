import { Inject, Injectable } from '@nestjs/common';
import { callDecider, notFound, toCallSnapshot, type CallEvent, type CallSnapshot, type CallState } from '@sme/domain';
import { EVENT_STORE, loadAggregate, type EventStore } from '@sme/event-store';

/** Loads other records a command depends on (the call of an application, …) from their streams. */
@Injectable()
export class RecordLoader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async call(callId: string): Promise<Exclude<CallState, { status: 'NONE' }>> {
    const { state } = await loadAggregate<CallState, CallEvent>(this.store, `call-${callId}`, callDecider);
    if (state.status === 'NONE') throw notFound('CALL_NOT_FOUND', '征集批次不存在', 'The call does not exist');
    return state;
  }

  async callSnapshot(callId: string): Promise<CallSnapshot> {
    return toCallSnapshot(await this.call(callId));
  }
}
