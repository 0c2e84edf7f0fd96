import { Inject, Injectable } from '@nestjs/common';
import {
  callKind,
  expertKind,
  notFound,
  toCallSnapshot,
  type CallEvent,
  type CallSnapshot,
  type CallState,
  type ExpertState,
} from '@sme/domain';
import { EVENT_STORE, loadAggregate, type EventStore } from '@sme/event-store';
import { foldView, projectApplication, type ApplicationView } from '@sme/read-models';

/** Loads other records a command depends on (the call of an application, …) from their streams. */
@Injectable()
export class RecordLoader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async call(callId: string): Promise<Exclude<CallState, { status: 'NONE' }>> {
    const { state } = await loadAggregate<CallState, CallEvent>(this.store, callKind.streamId(callId), callKind.decider);
    if (state.status === 'NONE') throw notFound('CALL_NOT_FOUND', '征集批次不存在', 'The call does not exist');
    return state;
  }

  /** The call a record belongs to, from the record's first event (applications and stations carry it). */
  async callIdOf(streamId: string, missing: () => Error): Promise<string> {
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    const callId = (first?.data as { callId?: unknown } | undefined)?.callId;
    if (typeof callId !== 'string') throw missing();
    return callId;
  }

  async callSnapshot(callId: string): Promise<CallSnapshot> {
    return toCallSnapshot(await this.call(callId));
  }

  /** An application as its view folds from its stream; undefined when there is none. */
  async application(applicationId: string): Promise<ApplicationView | undefined> {
    return foldView(projectApplication, await this.store.readStream(`application-${applicationId}`));
  }

  /** An expert's registry record (服务专家库), folded from `expert-<id>`; status NONE when not registered. */
  async expert(expertId: string): Promise<ExpertState> {
    return (await loadAggregate(this.store, expertKind.streamId(expertId), expertKind.decider)).state;
  }
}
