import type { CheckpointData, NotaryEvent } from '@sme/domain/notary/notary';
import { assertNever } from '@sme/domain/shared/decider';
import type { RecordedEvent } from '@sme/event-store';
import { idOfStream, versionOf } from './view-version';
import type { ViewVersion } from './views';

/** The ledger's signed checkpoints (`notary-checkpoints`): how many, and the latest (the stream holds them all). */
export interface CheckpointsView extends ViewVersion {
  id: string;
  count: number;
  latest: CheckpointData;
}

/** Pure: the checkpoints' document after one more checkpoint. */
export function projectCheckpoints(view: CheckpointsView | undefined, recorded: RecordedEvent): CheckpointsView | undefined {
  const event = { type: recorded.type, data: recorded.data } as NotaryEvent;
  switch (event.type) {
    case 'ChainCheckpointSigned':
      return { _id: idOfStream(recorded.streamId), id: idOfStream(recorded.streamId), count: (view?.count ?? 0) + 1, latest: event.data, ...versionOf(recorded) };
    default:
      return assertNever(event.type);
  }
}
