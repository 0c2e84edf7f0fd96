import {
  centreKind,
  cityCodeOf,
  currentProductVersion,
  deliveryKind,
  demandKind,
  enterpriseKind,
  followUpKind,
  inPoolOn,
  notFound,
  productKind,
  providerKind,
  regionNameZh,
  stationKind,
  workingDaysBetween,
  chinaDateOf,
  type Actor,
  type DeliveryCommand,
  type FollowUpCommand,
  type FollowUpStanding,
  type RegisterDelivery,
  type RegistrationFacts,
} from '@sme/domain';
import { projectEnterprise } from '@sme/read-models';
import type { CommandLookups, CompletedCommand, KindCommands } from '../commands/kind-command';
import { derivedFraction, derivedId } from '../records/derived-id';
import type { RecordLoader } from '../records/record-loader';
import type { DeliveryCommandBody, FollowUpCommandBody, RegisterDeliveryBody } from './delivery.messages';

/** A follow-up's id follows from the delivery event that called for it: the reaction that opens it, and 归档 that checks it, name the same record. */
export const followUpIdFor = (deliveryId: string, causeRevision: number): string => derivedId('follow-up', deliveryId, causeRevision);

/** Whether a delivery is drawn for 回访: the same draw every time, about `percent` in a hundred. */
export const drawnForReturnVisit = (deliveryId: string, percent: number): boolean => derivedFraction('return-visit', deliveryId) * 100 < percent;

const missing = (code: string, zh: string, en: string) => () => notFound(code, zh, en);

type Server = Pick<RegisterDelivery['data'], 'server' | 'steward'> & { mayServe: boolean };

/** The serving organisation as its record stands, its steward, and whether it may serve on the planned start date. */
async function serverOf(records: RecordLoader, actor: Actor, given: RegisterDeliveryBody['data']): Promise<Server> {
  const { kind, id } = given.server;
  if (kind === 'PROVIDER') {
    const provider = await records.state(providerKind, id ?? '');
    if (provider.status === 'NONE') throw missing('PROVIDER_NOT_FOUND', '服务机构不存在', 'The provider does not exist')();
    // 在库 on the start date: at some moment of that day (China time).
    const mayServe = inPoolOn(provider, `${given.plannedStart}T00:00:00+08:00`) || inPoolOn(provider, `${given.plannedStart}T23:59:59+08:00`);
    return {
      server: { kind, id: provider.providerId, orgId: provider.uscc, name: provider.name, regionCode: provider.regionCode },
      steward: { role: 'CITY_AUTHORITY', regionCode: cityCodeOf(provider.regionCode) },
      mayServe,
    };
  }
  if (kind === 'STATION') {
    const station = await records.state(stationKind, id ?? '');
    if (station.status === 'NONE') throw missing('STATION_NOT_FOUND', '服务站不存在', 'The station does not exist')();
    return {
      server: { kind, id: station.stationId, orgId: station.ownerOrgId, name: station.name, regionCode: station.districtCode },
      steward: { role: 'HUB', regionCode: station.cityCode },
      mayServe: station.status === 'ACTIVE',
    };
  }
  if (kind === 'CENTRE') {
    const centre = await records.state(centreKind, id ?? '');
    if (centre.status === 'NONE') throw missing('CENTRE_NOT_FOUND', '服务中心不存在', 'The centre does not exist')();
    const { facts } = centre;
    // The province centre answers to the platform (no provincial authority role); the others to their city.
    const steward: Server['steward'] = facts.level === 'PROVINCE' ? { role: 'ADMIN', regionCode: facts.regionCode } : { role: 'CITY_AUTHORITY', regionCode: cityCodeOf(facts.regionCode) };
    return {
      server: { kind, id: centre.centreId, orgId: facts.orgId, name: facts.name, regionCode: facts.regionCode },
      steward,
      mayServe: centre.status === 'RECOGNISED',
    };
  }
  // The hub serves as the organisation the token names, in its city.
  const city = cityCodeOf(actor.regionCode);
  return {
    server: { kind, id: actor.orgId, orgId: actor.orgId, name: `${regionNameZh(city)}中小企业服务总站`, regionCode: city },
    steward: { role: 'CITY_AUTHORITY', regionCode: city },
    mayServe: true,
  };
}

async function completeRegistration(body: RegisterDeliveryBody, actor: Actor, records: RecordLoader): Promise<CompletedCommand<DeliveryCommand>> {
  const { server: _named, enterpriseId, productId, fee, ...rest } = body.data;
  const { server, steward, mayServe } = await serverOf(records, actor, body.data);
  const enterprise = await records.view(enterpriseKind, projectEnterprise, enterpriseId, { missing: missing('ENTERPRISE_NOT_FOUND', '企业不存在', 'The enterprise does not exist') });
  const facts: RegistrationFacts = { serverMayServe: mayServe };
  if (rest.demandId !== undefined) {
    const demand = await records.state(demandKind, rest.demandId);
    if (demand.status === 'NONE') throw missing('DEMAND_NOT_FOUND', '服务需求不存在', 'The demand does not exist')();
    const match = demand.matches.at(-1);
    facts.demand = { stage: demand.status, enterpriseUscc: demand.enterpriseUscc, ...(match ? { matchedProviderId: match.providerId } : {}) };
  }
  let product: RegisterDelivery['data']['product'];
  if (productId !== undefined) {
    const state = await records.state(productKind, productId);
    if (state.status === 'NONE') throw missing('PRODUCT_NOT_FOUND', '服务产品不存在', 'The product does not exist')();
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
