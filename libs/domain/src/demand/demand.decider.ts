import type { RecordLabel } from '../shared/record-kind';
import { instantMs } from '../shared/dates';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { isCountyCode, isWithinCity } from '../shared/region-code';
import { requireUscc } from '../shared/uscc';
import { fieldInvalid, requireInteger, requireOneOf, requireText } from '../shared/validation';
import { serviceDomains } from '../shared/service-domains';
import type { AcceptDemand, CloseDemand, DemandCommand, EscalateDemand, MatchDemand, RaiseDemand, ResolveDemand } from './demand.commands';
import {
  DEMAND_CLOSE_REASONS,
  DEMAND_SATISFACTION_MAX,
  DEMAND_SATISFACTION_MIN,
  DEMAND_URGENCIES,
  isPoorDemandRating,
  type DemandCloseReason,
  type DemandEvent,
  type DemandEvents,
} from './demand.events';

/**
 * Days a demand may wait for acceptance before it is escalated. The seeds set no such deadline
 * (they ask only to 及时向当地行政主管部门反映企业诉求); three days is a product choice, overridable per command.
 */
export const DEMAND_ESCALATE_AFTER_DAYS_DEFAULT = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

export type DemandStatus = 'RAISED' | 'ACCEPTED' | 'MATCHED' | 'RESOLVED' | 'CLOSED';

export type DemandRecord = DemandEvents['DemandRaised']['data'] & {
  escalation?: { to: string; daysUnaccepted: number; escalateAfterDays: number; escalatedAt: string };
  acceptance?: { stationId: string; acceptedByOrgId: string; acceptedAt: string };
  /** Every match, oldest first; the last one stands. */
  matches: Array<{ providerId: string; productId?: string; matchedAt: string }>;
  resolution?: { outcome: string; satisfaction?: number; resolvedAt: string };
  followUp?: { satisfaction: number; openedAt: string };
  closure?: { reason: DemandCloseReason; note: string; closedAt: string };
};

export type DemandState = { status: 'NONE' } | ({ status: DemandStatus } & DemandRecord);
export type ExistingDemand = Exclude<DemandState, { status: 'NONE' }>;

const initialState = (): DemandState => ({ status: 'NONE' });

function evolve(state: DemandState, event: DemandEvent): DemandState {
  if (event.type === 'DemandRaised') return { status: 'RAISED', ...event.data, matches: [] };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'DemandAccepted': {
      const { stationId, acceptedByOrgId, acceptedAt } = event.data;
      return { ...state, status: 'ACCEPTED', acceptance: { stationId, acceptedByOrgId, acceptedAt } };
    }
    case 'DemandMatched': {
      const { demandId: _id, ...match } = event.data;
      return { ...state, status: 'MATCHED', matches: [...state.matches, match] };
    }
    case 'DemandResolved': {
      const { demandId: _id, ...resolution } = event.data;
      return { ...state, status: 'RESOLVED', resolution };
    }
    case 'DemandFollowUpOpened':
      return { ...state, followUp: { satisfaction: event.data.satisfaction, openedAt: event.data.openedAt } };
    case 'DemandClosed': {
      const { reason, note, closedAt } = event.data;
      return { ...state, status: 'CLOSED', closure: { reason, note, closedAt } };
    }
    case 'DemandEscalated': {
      const { to, daysUnaccepted, escalateAfterDays, escalatedAt } = event.data;
      return { ...state, escalation: { to, daysUnaccepted, escalateAfterDays, escalatedAt } };
    }
    default:
      return assertNever(event);
  }
}

/** How demand records are named when one is missing or is created a second time. */
export const DEMAND_RECORD: RecordLabel = { code: 'DEMAND', zh: '服务需求', en: 'demand' };

const decide = decideByType<DemandCommand, DemandState, DemandEvent, 'RaiseDemand'>({
  onNew: { RaiseDemand: createdOnce(DEMAND_RECORD, raise) },
  on: { AcceptDemand: accept, MatchDemand: match, ResolveDemand: resolve, CloseDemand: close, EscalateDemand: escalate },
  record: DEMAND_RECORD,
});

function requireOpen(demand: ExistingDemand): void {
  if (demand.status === 'RESOLVED' || demand.status === 'CLOSED') {
    const how = demand.status === 'RESOLVED' ? { zh: '已解决', en: 'resolved' } : { zh: '已关闭', en: 'closed' };
    throw conflict('DEMAND_ALREADY_FINISHED', `该服务需求${how.zh}`, `The demand is already ${how.en}`);
  }
}

function requireNotAccepted(demand: ExistingDemand): void {
  if (demand.acceptance !== undefined) {
    throw conflict('DEMAND_ALREADY_ACCEPTED', `该服务需求已由服务站${demand.acceptance.stationId}受理`, `The demand was already accepted by station ${demand.acceptance.stationId}`);
  }
}

function requireAccepted(demand: ExistingDemand): void {
  if (demand.acceptance === undefined) throw conflict('DEMAND_NOT_ACCEPTED', '该服务需求尚未受理', 'The demand has not been accepted yet');
}

/** A county-level code; for a city whose districts we hold, one of them. */
function requireDistrictCode(code: unknown, field: string): string {
  if (typeof code === 'string' && isCountyCode(code) && isWithinCity(code, `${code.slice(0, 4)}00`)) return code;
  throw invalid('DISTRICT_CODE_INVALID', `“${String(code)}”不是区（县）级行政区划代码`, `"${String(code)}" is not a district (county-level) code`, field);
}

function raise(command: RaiseDemand, state: DemandState): DemandEvent[] {
  const { data, metadata } = command;
  const { actor } = metadata;
  const enterpriseRegionCode = requireDistrictCode(data.enterpriseRegionCode, 'enterpriseRegionCode');
  const demandId = requireText(data.demandId, 'demandId', { zh: '需求编号', en: 'Demand id' });
  const enterpriseId = requireText(data.enterpriseId, 'enterpriseId', { zh: '企业编号', en: 'Enterprise id' });
  const enterpriseUscc = requireUscc(data.enterpriseUscc, 'enterpriseUscc');
  const category = requireOneOf(data.category, serviceDomains.codes, 'category', { zh: '需求类别', en: 'Category' });
  const description = requireText(data.description, 'description', { zh: '需求描述', en: 'Description' });
  const urgency = requireOneOf(data.urgency, DEMAND_URGENCIES, 'urgency', { zh: '紧急程度', en: 'Urgency' });
  const stationLabel = { zh: '代为提交的服务站', en: 'Station' };
  let raisedByStationId: string | undefined;
  if (actor.role === 'STATION_OPERATOR') raisedByStationId = requireText(data.stationId, 'stationId', stationLabel);
  else if (data.stationId !== undefined) throw fieldInvalid('stationId', stationLabel, '仅由服务站代为提交时填写', 'is given only when a station raises the demand');
  return [
    {
      type: 'DemandRaised',
      data: {
        demandId,
        enterpriseId,
        enterpriseUscc,
        enterpriseRegionCode,
        category,
        description,
        urgency,
        ...(raisedByStationId === undefined ? {} : { raisedByStationId }),
        raisedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function accept(command: AcceptDemand, demand: ExistingDemand): DemandEvent[] {
  const { data, metadata } = command;
  requireOpen(demand);
  requireNotAccepted(demand);
  const stationId = requireText(data.stationId, 'stationId', { zh: '受理服务站', en: 'Station' });
  return [
    {
      type: 'DemandAccepted',
      data: { demandId: demand.demandId, stationId, acceptedByOrgId: metadata.actor.orgId, acceptedAt: metadata.now.toISOString() },
    },
  ];
}

function match(command: MatchDemand, demand: ExistingDemand): DemandEvent[] {
  const { data, metadata } = command;
  requireOpen(demand);
  requireAccepted(demand);
  const providerId = requireText(data.providerId, 'providerId', { zh: '服务机构', en: 'Provider id' });
  const productId = data.productId === undefined ? undefined : requireText(data.productId, 'productId', { zh: '服务产品', en: 'Product id' });
  return [
    {
      type: 'DemandMatched',
      data: { demandId: demand.demandId, providerId, ...(productId === undefined ? {} : { productId }), matchedAt: metadata.now.toISOString() },
    },
  ];
}

function resolve(command: ResolveDemand, demand: ExistingDemand): DemandEvent[] {
  const { data, metadata } = command;
  requireOpen(demand);
  requireAccepted(demand);
  const outcome = requireText(data.outcome, 'outcome', { zh: '解决情况', en: 'Outcome' });
  const satisfaction =
    data.satisfaction === undefined
      ? undefined
      : requireInteger(data.satisfaction, 'satisfaction', { zh: '满意度', en: 'Satisfaction' }, DEMAND_SATISFACTION_MIN, DEMAND_SATISFACTION_MAX);
  const now = metadata.now.toISOString();
  const events: DemandEvent[] = [
    {
      type: 'DemandResolved',
      data: {
        demandId: demand.demandId,
        outcome,
        ...(satisfaction === undefined ? {} : { satisfaction }),
        ...(data.deliveryId === undefined ? {} : { deliveryId: requireText(data.deliveryId, 'deliveryId', { zh: '服务项目', en: 'Delivery' }) }),
        resolvedAt: now,
      },
    },
  ];
  if (satisfaction !== undefined && isPoorDemandRating(satisfaction)) {
    events.push({ type: 'DemandFollowUpOpened', data: { demandId: demand.demandId, satisfaction, openedAt: now } });
  }
  return events;
}

function close(command: CloseDemand, demand: ExistingDemand): DemandEvent[] {
  const { data, metadata } = command;
  requireOpen(demand);
  const reason = requireOneOf(data.reason, DEMAND_CLOSE_REASONS, 'reason', { zh: '关闭原因', en: 'Reason' });
  const note = requireText(data.note, 'note', { zh: '说明', en: 'Note' });
  return [{ type: 'DemandClosed', data: { demandId: demand.demandId, reason, note, closedAt: metadata.now.toISOString() } }];
}

function escalate(command: EscalateDemand, demand: ExistingDemand): DemandEvent[] {
  const { data, metadata } = command;
  requireOpen(demand);
  requireNotAccepted(demand);
  if (demand.escalation !== undefined) {
    throw conflict('DEMAND_ALREADY_ESCALATED', `该服务需求已于${demand.escalation.escalatedAt}上报`, `The demand was already escalated at ${demand.escalation.escalatedAt}`);
  }
  const escalateAfterDays =
    data.escalateAfterDays === undefined
      ? DEMAND_ESCALATE_AFTER_DAYS_DEFAULT
      : requireInteger(data.escalateAfterDays, 'escalateAfterDays', { zh: '上报期限（天）', en: 'Escalate after (days)' }, 1);
  const waitedMs = metadata.now.getTime() - instantMs(demand.raisedAt);
  if (waitedMs <= escalateAfterDays * DAY_MS) {
    throw conflict(
      'ESCALATION_TOO_EARLY',
      `服务需求提交未满${escalateAfterDays}天，暂不上报`,
      `The demand has waited no more than ${escalateAfterDays} days since it was raised; too early to escalate`,
    );
  }
  return [
    {
      type: 'DemandEscalated',
      data: {
        demandId: demand.demandId,
        to: demand.enterpriseRegionCode,
        daysUnaccepted: Math.floor(waitedMs / DAY_MS),
        escalateAfterDays,
        escalatedAt: metadata.now.toISOString(),
      },
    },
  ];
}

export const demandDecider: Decider<DemandCommand, DemandState, DemandEvent> = { initialState, evolve, decide };
