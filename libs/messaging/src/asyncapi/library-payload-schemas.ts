import {
  DEMAND_CLOSE_REASONS,
  DEMAND_SATISFACTION_MAX,
  DEMAND_SATISFACTION_MIN,
  DEMAND_URGENCIES,
  isPoorDemandRating,
  type DemandEvent,
} from '@sme/domain';
import type { JsonSchema } from './json-schema';
import { DISTRICT_CODE, REGION_CODE, at, integer, object, recordId, schemaRef, text, uscc, type EventMessageSpec } from './schema-builders';

/**
 * The payload schemas of the libraries: service products and cases (服务产品和案例库), policies and FAQs
 * (基础信息库) and demands (服务需求库), written against libs/domain/src/{product,policy,demand}/*.events.ts
 * and the checks of their deciders. payload-schemas.ts merges them into the published contract.
 */
export type LibraryEventType = DemandEvent['type'];

const ref = (name: 'ServiceDomain'): JsonSchema => schemaRef(name);

const countyCode = (description: string): JsonSchema => ({ type: 'string', pattern: DISTRICT_CODE, description: `${description}: a GB/T 2260 district (county-level) code, e.g. 440106` });

/** The highest rating that still counts as 差评. */
const POOR_RATING_MAX = Math.max(
  ...Array.from({ length: DEMAND_SATISFACTION_MAX - DEMAND_SATISFACTION_MIN + 1 }, (_, i) => DEMAND_SATISFACTION_MIN + i).filter(isPoorDemandRating),
);

export const LIBRARY_EVENT_MESSAGES: Record<LibraryEventType, EventMessageSpec> = {
  DemandRaised: {
    title: 'Demand raised (提交服务需求)',
    summary: 'An enterprise, or a station on its behalf, raised a service demand; stage RAISED.',
    payload: object(
      {
        demandId: recordId('The demand'),
        enterpriseId: recordId('The enterprise'),
        enterpriseUscc: uscc(),
        enterpriseRegionCode: countyCode('The enterprise’s district: who may take the demand up, and where it is escalated'),
        category: ref('ServiceDomain'),
        description: text('需求描述'),
        urgency: { type: 'string', enum: [...DEMAND_URGENCIES], description: '紧急程度' },
        raisedByStationId: recordId('The station that raised it on the enterprise’s behalf; absent when the enterprise raised it'),
        raisedAt: at('When it was raised'),
      },
      { optional: ['raisedByStationId'] },
    ),
  },
  DemandAccepted: {
    title: 'Demand accepted (受理)',
    summary: 'A station operator, or the hub for a station it assigns, accepted the demand; stage ACCEPTED.',
    payload: object({
      demandId: recordId('The demand'),
      stationId: recordId('The station that handles it'),
      acceptedByOrgId: text('The accepting organisation (the actor’s orgId): when a station operator, only it and the hub act on the demand from now on'),
      acceptedAt: at('When it was accepted'),
    }),
  },
  DemandMatched: {
    title: 'Demand matched (服务对接)',
    summary: 'A provider, and possibly one of its products, was matched to the accepted demand; a later match replaces it. Stage MATCHED.',
    payload: object(
      { demandId: recordId('The demand'), providerId: recordId('The provider'), productId: recordId('The product, when one was named'), matchedAt: at('When it was matched') },
      { optional: ['productId'] },
    ),
  },
  DemandResolved: {
    title: 'Demand resolved (需求已解决)',
    summary: 'The demand was met, with the enterprise’s rating at the follow-up call when given; stage RESOLVED.',
    description: 'A rating of 1 or 2 (差评) is followed in the same request by DemandFollowUpOpened.',
    payload: object(
      {
        demandId: recordId('The demand'),
        outcome: text('解决情况'),
        satisfaction: integer(DEMAND_SATISFACTION_MIN, DEMAND_SATISFACTION_MAX, `满意度 at the 客户回访, ${DEMAND_SATISFACTION_MIN}–${DEMAND_SATISFACTION_MAX}`),
        resolvedAt: at('When it was resolved'),
      },
      { optional: ['satisfaction'] },
    ),
  },
  DemandFollowUpOpened: {
    title: 'Follow-up opened (差评回访)',
    summary: 'The rating was in the bottom two levels; someone has to follow up with the enterprise.',
    payload: object({
      demandId: recordId('The demand'),
      satisfaction: integer(DEMAND_SATISFACTION_MIN, POOR_RATING_MAX, `The poor rating, ${DEMAND_SATISFACTION_MIN}–${POOR_RATING_MAX}`),
      openedAt: at('When it was opened'),
    }),
  },
  DemandClosed: {
    title: 'Demand closed (需求关闭)',
    summary: 'The demand was closed before being resolved; stage CLOSED.',
    payload: object({
      demandId: recordId('The demand'),
      reason: {
        type: 'string',
        enum: [...DEMAND_CLOSE_REASONS],
        description: 'WITHDRAWN: the enterprise no longer needs it (the enterprise, or the station side for it); UNRESOLVABLE: the network cannot meet it (station side only)',
      },
      note: text('说明'),
      closedAt: at('When it was closed'),
    }),
  },
  DemandEscalated: {
    title: 'Demand escalated (反映诉求)',
    summary: 'Nobody accepted the demand within escalateAfterDays; it goes to the district authority. It can still be accepted.',
    payload: object({
      demandId: recordId('The demand'),
      to: countyCode('The district whose authority receives the 诉求 (the enterprise’s)'),
      daysUnaccepted: integer(1, undefined, 'Whole days since it was raised, more than escalateAfterDays'),
      escalateAfterDays: integer(1, undefined, 'The setting in force (default 3)'),
      escalatedAt: at('When it was escalated'),
    }),
  },
};
