import { erasureKind, type Actor, type ErasureState } from '@sme/domain';
import { inTurn, type DataKeys, type EventStore, type Reaction, type RecordedEvent, type SnapshotStore } from '@sme/event-store';
import type { CommandExecutor } from '../commands/command-executor';
import type { ReadSide } from '../read-side/read-side.service';
import type { RecordLoader } from '../records/record-loader';
import { reactionContext } from '../reactors/reaction-context';

/**
 * 批准 → 删除. Once an erasure is approved, the subjects' keys are deleted, the record's snapshot (its
 * folded state, in the clear) is forgotten once any command on it in flight has ended, the deletion is
 * recorded (PersonalDataErased, by the approver) and the read models holding the record are built again
 * from the events, where the fields now read 已删除. Deleting keys already deleted changes nothing, so
 * seeing the approval again after a crash finishes the work.
 */
export class ErasureExecutionReaction implements Reaction {
  readonly name = 'erasure-execution';

  constructor(
    private readonly keys: DataKeys,
    private readonly snapshots: { events: EventStore; store: SnapshotStore },
    private readonly executor: Pick<CommandExecutor, 'execute'>,
    private readonly records: RecordLoader,
    private readonly readSide: Pick<ReadSide, 'refold'>,
  ) {}

  reactsTo(event: RecordedEvent): boolean {
    return event.type === 'ErasureApproved' && erasureKind.idOf(event.streamId) !== undefined;
  }

  async react(approved: RecordedEvent): Promise<void> {
    const erasureId = erasureKind.idOf(approved.streamId)!;
    const erasure = (await this.records.state(erasureKind, erasureId)) as ErasureState;
    if (erasure.status !== 'APPROVED') return;
    await this.keys.erase(erasure.subjects, new Date());
    await inTurn(this.snapshots.events, erasure.streamId, () => this.snapshots.store.forget([erasure.streamId]));
    const ctx = reactionContext(this.name, approved, approved.metadata.actor as Actor);
    await this.executor.execute({ kind: erasureKind, id: erasureId, command: { type: 'RecordErasure', data: { erasureId, subjects: erasure.subjects } }, ctx });
    await this.readSide.refold(erasure.streamId);
  }
}
