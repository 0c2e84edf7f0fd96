import { cityCodeOf, deliveryKind, demandKind } from '@sme/domain';
import type { Reaction, RecordedEvent } from '@sme/event-store';
import type { CommandExecutor } from '../commands/command-executor';
import type { RecordLoader } from '../records/record-loader';
import { ledgerActor, reactionContext } from './reaction-context';

/**
 * 服务项目 → 需求已解决. A delivery registered for a demand resolves it once the delivery is
 * confirmed (by the enterprise or automatically): the hub of the demand's city writes the resolution
 * with the delivery's outcome, at the confirmation's business time. A demand already resolved or
 * closed is left alone, so seeing the confirmation again writes nothing.
 */
export class DemandResolutionReaction implements Reaction {
  readonly name = 'demand-resolution';

  constructor(
    private readonly executor: Pick<CommandExecutor, 'execute'>,
    private readonly records: RecordLoader,
  ) {}

  reactsTo(event: RecordedEvent): boolean {
    return event.type === 'DeliveryConfirmed' && deliveryKind.idOf(event.streamId) !== undefined;
  }

  async react(confirmed: RecordedEvent): Promise<void> {
    const deliveryId = deliveryKind.idOf(confirmed.streamId)!;
    const delivery = await this.records.state(deliveryKind, deliveryId);
    if (delivery.status === 'NONE' || delivery.demandId === undefined) return;
    const demand = await this.records.state(demandKind, delivery.demandId);
    if (demand.status !== 'ACCEPTED' && demand.status !== 'MATCHED') return;
    const ctx = reactionContext(this.name, confirmed, ledgerActor(`reaction:${this.name}`, 'HUB', cityCodeOf(demand.enterpriseRegionCode)));
    const outcome = `服务项目“${delivery.title}”已交付并经确认：${delivery.delivery?.outcome ?? delivery.description}`;
    await this.executor.execute({ kind: demandKind, id: delivery.demandId, command: { type: 'ResolveDemand', data: { demandId: delivery.demandId, outcome, deliveryId } }, ctx });
  }
}
