import { currentProductVersion, deliveryKind, demandKind, enterpriseKind, followUpKind, productKind, workingDaysBetween, chinaDateOf, type Actor, type DeliveryCommand, type FollowUpCommand, type FollowUpStanding, type RegisterDelivery, type RegistrationFacts, recordNotFound } from '@sme/domain';
import { projectEnterprise } from '@sme/read-models';
import type { CommandLookups, CompletedCommand, KindCommands } from '../commands/kind-command';
import { derivedFraction, derivedId } from '../records/derived-id';
import type { RecordLoader } from '../records/record-loader';
import { servingOrganisation } from '../records/serving-organisation';
import type { DeliveryCommandBody, FollowUpCommandBody, RegisterDeliveryBody } from './delivery.messages';

/** A follow-up's id follows from the delivery event that called for it: the reaction that opens it, and 归档 that checks it, name the same record. */
export const followUpIdFor = (deliveryId: string, causeRevision: number): string => derivedId('follow-up', deliveryId, causeRevision);

/** Whether a delivery is drawn for 回访: the same draw every time, about `percent` in a hundred. */
export const drawnForReturnVisit = (deliveryId: string, percent: number): boolean => derivedFraction('return-visit', deliveryId) * 100 < percent;

async function completeRegistration(body: RegisterDeliveryBody, actor: Actor, records: RecordLoader): Promise<CompletedCommand<DeliveryCommand>> {
  const { server: _named, enterpriseId, productId, fee, ...rest } = body.data;
  const { organisation: server, steward, mayServe } = await servingOrganisation(records, actor, body.data.server, body.data.plannedStart);
  const enterprise = await records.view(enterpriseKind, projectEnterprise, enterpriseId, { missing: () => recordNotFound(enterpriseKind.label) });
  const facts: RegistrationFacts = { serverMayServe: mayServe };
  if (rest.demandId !== undefined) {
    const demand = await records.state(demandKind, rest.demandId);
    if (demand.status === 'NONE') throw recordNotFound(demandKind.label);
    const match = demand.matches.at(-1);
    facts.demand = { stage: demand.status, enterpriseUscc: demand.enterpriseUscc, ...(match ? { matchedProviderId: match.providerId } : {}) };
  }
  let product: RegisterDelivery['data']['product'];
  if (productId !== undefined) {
    const state = await records.state(productKind, productId);
    if (state.status === 'NONE') throw recordNotFound(productKind.label);
    const current = currentProductVersion(state);
    const priceFen = current.fee.kind === 'FREE' ? 0 : Math.round(current.fee.amount * 100);
    product = { productId, version: current.version, item: current.item, feeKind: current.fee.kind, priceFen };
    facts.product = { providerId: state.providerId, onShow: state.status === 'PUBLISHED' };
  }
  const data: RegisterDelivery['data'] = {
    ...rest,
    server,
    steward,
    enterprise: { enterpriseId: enterprise.id, uscc: enterprise.uscc, name: enterprise.name, regionCode: enterprise.regionCode },
    ...(product === undefined ? {} : { product }),
    fee: fee as RegisterDelivery['data']['fee'],
    facts,
  };
  return { command: { type: 'RegisterDelivery', data } };
}

/** The follow-ups a delivery's events called for, as their records stand. */
async function followUpsOf(records: RecordLoader, deliveryId: string): Promise<FollowUpStanding[]> {
  const delivery = await records.state(deliveryKind, deliveryId);
  if (delivery.status === 'NONE') return [];
  return Promise.all(
    delivery.followUpCauses.map(async ({ revision }) => {
      const followUp = await records.state(followUpKind, followUpIdFor(deliveryId, revision));
      return { causeRevision: revision, status: followUp.status };
    }),
  );
}

export const deliveryCommands: KindCommands<DeliveryCommand, DeliveryCommandBody> = {
  kind: deliveryKind,
  idOf: (command) => command.data.deliveryId,
  async complete(command, ctx, { records, config }: CommandLookups) {
    switch (command.type) {
      case 'RegisterDelivery':
        return completeRegistration(command, ctx.actor, records);
      case 'DeliverService': {
        const { feedbackWindowDays, autoConfirmDays, returnVisitSamplePercent } = config;
        const returnVisitSampled = drawnForReturnVisit(command.data.deliveryId, returnVisitSamplePercent);
        return { command: { type: 'DeliverService', data: { ...command.data, feedbackWindowDays, autoConfirmDays, returnVisitSampled } } };
      }
      case 'ArchiveDelivery':
        return { command: { type: 'ArchiveDelivery', data: { ...command.data, followUps: await followUpsOf(records, command.data.deliveryId) } } };
      default:
        return { command };
    }
  },
};

export const followUpCommands: KindCommands<FollowUpCommand, FollowUpCommandBody> = {
  kind: followUpKind,
  idOf: (command) => command.data.followUpId,
  async complete(command, ctx, { records, config }) {
    if (command.type !== 'EscalateFollowUp') return { command };
    const followUp = await records.state(followUpKind, command.data.followUpId);
    const overdueWorkingDays = followUp.status === 'NONE' ? 0 : workingDaysBetween(config.workingCalendar, followUp.dueOn, chinaDateOf(ctx.occurredAt));
    return { command: { type: 'EscalateFollowUp', data: { followUpId: command.data.followUpId, overdueWorkingDays } } };
  },
};
