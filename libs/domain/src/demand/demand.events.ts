import { at, closed, districtCode, integer, oneOf, optional, recordId, text, uscc, withDescription } from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { ServiceDomainSchema } from '../shared/service-domains';

export const DEMAND_URGENCIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type DemandUrgency = (typeof DEMAND_URGENCIES)[number];

/** WITHDRAWN: the enterprise no longer needs it; UNRESOLVABLE: the network cannot meet it. */
export const DEMAND_CLOSE_REASONS = ['WITHDRAWN', 'UNRESOLVABLE'] as const;
export type DemandCloseReason = (typeof DEMAND_CLOSE_REASONS)[number];

/** 五级满意度: 1 (very dissatisfied) to 5 (very satisfied). */
export const DEMAND_SATISFACTION_MIN = 1;
export const DEMAND_SATISFACTION_MAX = 5;
/** The bottom two levels count as 差评 and open a follow-up (DESIGN). */
export const isPoorDemandRating = (satisfaction: number): boolean => satisfaction <= 2;

/** The highest rating that still counts as 差评. */
const POOR_RATING_MAX = Math.max(
  ...Array.from({ length: DEMAND_SATISFACTION_MAX - DEMAND_SATISFACTION_MIN + 1 }, (_, i) => DEMAND_SATISFACTION_MIN + i).filter(isPoorDemandRating),
);

const district = (description: string) => withDescription(districtCode(), `${description}: a GB/T 2260 district (county-level) code, e.g. 440106`);

/** 服务需求: every event of a demand's record. */
export const DEMAND_EVENTS = recordEvents({ demandId: recordId('The demand') }, {
  DemandRaised: {
    action: 'raised',
    title: 'Demand raised (提交服务需求)',
    summary: 'An enterprise, or a station on its behalf, raised a service demand; stage RAISED.',
    payload: {
      enterpriseId: recordId('The enterprise'),
      enterpriseUscc: uscc(),
      enterpriseRegionCode: district('The enterprise’s district: who may take the demand up, and where it is escalated'),
      category: ServiceDomainSchema,
      description: text('需求描述'),
      urgency: oneOf(DEMAND_URGENCIES, '紧急程度'),
      raisedByStationId: optional(recordId('The station that raised it on the enterprise’s behalf; absent when the enterprise raised it')),
      raisedAt: at('When it was raised'),
    },
  },
  DemandAccepted: {
    action: 'accepted',
    title: 'Demand accepted (受理)',
    summary: 'A station operator, or the hub for a station it assigns, accepted the demand; stage ACCEPTED.',
    payload: {
      stationId: recordId('The station that handles it'),
      acceptedByOrgId: text('The accepting organisation (the actor’s orgId): when a station operator, only it and the hub act on the demand from now on'),
      acceptedAt: at('When it was accepted'),
    },
  },
  DemandMatched: {
    action: 'matched',
    title: 'Demand matched (服务对接)',
    summary: 'A provider, and possibly one of its products, was matched to the accepted demand; a later match replaces it. Stage MATCHED.',
    payload: {
      providerId: recordId('The provider'),
      productId: optional(recordId('The product, when one was named')),
      matchedAt: at('When it was matched'),
    },
  },
  DemandResolved: {
    action: 'resolved',
    title: 'Demand resolved (需求已解决)',
    summary: 'The demand was met, with the enterprise’s rating at the follow-up call when given; stage RESOLVED.',
    description: 'A rating of 1 or 2 (差评) is followed in the same request by DemandFollowUpOpened.',
    payload: {
      outcome: text('解决情况'),
      satisfaction: optional(
        integer(DEMAND_SATISFACTION_MIN, DEMAND_SATISFACTION_MAX, `满意度 at the 客户回访, ${DEMAND_SATISFACTION_MIN}–${DEMAND_SATISFACTION_MAX}`),
      ),
      deliveryId: optional(recordId('The delivery that met it: resolved by the ledger when that delivery was confirmed')),
      resolvedAt: at('When it was resolved'),
    },
  },
  DemandFollowUpOpened: {
    action: 'follow-up-opened',
    title: 'Follow-up opened (差评回访)',
    summary: 'The rating was in the bottom two levels; someone has to follow up with the enterprise.',
    payload: {
      satisfaction: integer(DEMAND_SATISFACTION_MIN, POOR_RATING_MAX, `The poor rating, ${DEMAND_SATISFACTION_MIN}–${POOR_RATING_MAX}`),
      openedAt: at('When it was opened'),
    },
  },
  DemandClosed: {
    action: 'closed',
    title: 'Demand closed (需求关闭)',
    summary: 'The demand was closed before being resolved; stage CLOSED.',
    payload: {
      reason: oneOf(
        DEMAND_CLOSE_REASONS,
        'WITHDRAWN: the enterprise no longer needs it (the enterprise, or the station side for it); UNRESOLVABLE: the network cannot meet it (station side only)',
      ),
      note: text('说明'),
      closedAt: at('When it was closed'),
    },
  },
  DemandEscalated: {
    action: 'escalated',
    title: 'Demand escalated (反映诉求)',
    summary: 'Nobody accepted the demand within escalateAfterDays; it goes to the district authority. It can still be accepted.',
    payload: {
      to: district('The district whose authority receives the 诉求 (the enterprise’s)'),
      daysUnaccepted: integer(1, undefined, 'Whole days since it was raised, more than escalateAfterDays'),
      escalateAfterDays: integer(1, undefined, 'The setting in force (default 3)'),
      escalatedAt: at('When it was escalated'),
    },
  },
});

export type DemandEvent = EventOf<typeof DEMAND_EVENTS>;
export type DemandEvents = EventsByType<typeof DEMAND_EVENTS>;
