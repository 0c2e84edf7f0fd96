import type { DemandCloseReason, DemandUrgency } from '@sme/domain/demand/demand.events';
import type { DemandEvent } from '@sme/domain/demand/demand.events';
import type { ServiceDomain } from '@sme/domain/shared/service-domains';
import { assertNever } from '@sme/domain/shared/decider';
import { cityCodeOf } from '@sme/domain/shared/region-code';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

export type DemandViewStatus = 'RAISED' | 'ACCEPTED' | 'MATCHED' | 'RESOLVED' | 'CLOSED';

/** A demand of the 服务需求库; nulls where nothing happened yet, so filters can ask for them. */
export interface DemandView extends ViewVersion {
  id: string;
  enterpriseId: string;
  enterpriseUscc: string;
  /** The enterprise's district, and its city for city-wide filters. */
  regionCode: string;
  cityCode: string;
  category: ServiceDomain;
  description: string;
  urgency: DemandUrgency;
  status: DemandViewStatus;
  raisedByStationId: string | null;
  raisedAt: string;
  /** The accepting station; null until accepted. */
  stationId: string | null;
  acceptedByOrgId: string | null;
  acceptedAt: string | null;
  match: { providerId: string; productId: string | null; matchedAt: string } | null;
  matchCount: number;
  resolution: { outcome: string; satisfaction: number | null; resolvedAt: string } | null;
  followUp: { satisfaction: number; openedAt: string } | null;
  closure: { reason: DemandCloseReason; note: string; closedAt: string } | null;
  escalated: boolean;
  escalation: { to: string; daysUnaccepted: number; escalateAfterDays: number; escalatedAt: string } | null;
}

/** Pure: the demand's document after one more of its events. */
export const projectDemand = projectionStep<DemandView, DemandEvent>((view, event, version) => {
  if (event.type === 'DemandRaised') {
    const d = event.data;
    return {
      _id: d.demandId,
      id: d.demandId,
      enterpriseId: d.enterpriseId,
      enterpriseUscc: d.enterpriseUscc,
      regionCode: d.enterpriseRegionCode,
      cityCode: cityCodeOf(d.enterpriseRegionCode),
      category: d.category,
      description: d.description,
      urgency: d.urgency,
      status: 'RAISED',
      raisedByStationId: d.raisedByStationId ?? null,
      raisedAt: d.raisedAt,
      stationId: null,
      acceptedByOrgId: null,
      acceptedAt: null,
      match: null,
      matchCount: 0,
      resolution: null,
      followUp: null,
      closure: null,
      escalated: false,
      escalation: null,
      ...version,
    };
  }
  if (!view) return view;
  switch (event.type) {
    case 'DemandAccepted': {
      const { stationId, acceptedByOrgId, acceptedAt } = event.data;
      return { ...view, status: 'ACCEPTED', stationId, acceptedByOrgId, acceptedAt, ...version };
    }
    case 'DemandMatched': {
      const { providerId, productId, matchedAt } = event.data;
      return { ...view, status: 'MATCHED', match: { providerId, productId: productId ?? null, matchedAt }, matchCount: view.matchCount + 1, ...version };
    }
    case 'DemandResolved': {
      const { outcome, satisfaction, resolvedAt } = event.data;
      return { ...view, status: 'RESOLVED', resolution: { outcome, satisfaction: satisfaction ?? null, resolvedAt }, ...version };
    }
    case 'DemandFollowUpOpened':
      return { ...view, followUp: { satisfaction: event.data.satisfaction, openedAt: event.data.openedAt }, ...version };
    case 'DemandClosed': {
      const { reason, note, closedAt } = event.data;
      return { ...view, status: 'CLOSED', closure: { reason, note, closedAt }, ...version };
    }
    case 'DemandEscalated': {
      const { to, daysUnaccepted, escalateAfterDays, escalatedAt } = event.data;
      return { ...view, escalated: true, escalation: { to, daysUnaccepted, escalateAfterDays, escalatedAt }, ...version };
    }
    default:
      return assertNever(event);
  }
});
