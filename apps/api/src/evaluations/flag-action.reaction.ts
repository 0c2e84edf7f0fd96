import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { DomainError, evaluationKind, type Actor, type EvaluationEvents } from '@sme/domain';
import type { Reaction, RecordedEvent } from '@sme/event-store';
import type { RecordLoader } from '../records/record-loader';
import { reactionContext } from '../reactors/reaction-context';
import { flagFollowUp, flagFollowUpWritten, writeFlagFollowUp } from './flag-action';

/**
 * 优胜劣汰 → 撤销意见 or 移出服务机构库. A flag acted on (FlagActedOn on the evaluation's stream) is
 * followed by the station's revocation proposal or the provider's removal, by the hub who acted, at its
 * business time, with the published results as evidence. A follow-up already in its record is skipped,
 * so seeing the event again (after a crash) writes nothing twice. The request checked the follow-up
 * before FlagActedOn was written; should its record refuse it since (revoked meanwhile), the refusal is
 * logged and the flag stays acted on without it.
 */
export class FlagActionReaction implements Reaction {
  readonly name = 'flag-action';
  private readonly logger = new Logger('FlagActionReaction');

  constructor(
    private readonly bus: CommandBus,
    private readonly records: RecordLoader,
  ) {}

  reactsTo(event: RecordedEvent): boolean {
    return event.type === 'FlagActedOn' && evaluationKind.idOf(event.streamId) !== undefined;
  }

  async react(acted: RecordedEvent): Promise<void> {
    const data = acted.data as EvaluationEvents['FlagActedOn']['data'];
    const evaluation = await this.records.state(evaluationKind, data.evaluationId);
    if (evaluation.status === 'NONE') return;
    const followUp = flagFollowUp(evaluation, data);
    if (await flagFollowUpWritten(this.records, followUp)) return;
    try {
      await writeFlagFollowUp(this.bus, followUp, reactionContext(this.name, acted, acted.metadata.actor as Actor));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`flag ${data.evaluationId}/${data.organisationId} (event ${acted.id}): ${followUp.body.type} refused: ${error.message}`);
    }
  }
}
