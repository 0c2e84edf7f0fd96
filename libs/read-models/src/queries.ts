import type { ApplicationStage } from '@sme/domain';
import type { InMemoryReadModel } from './in-memory-read-model';
import type { ApplicationView, StationView } from './views';

export interface ApplicationFilter {
  callId?: string;
  districtCode?: string;
  stage?: ApplicationStage;
  ownerOrgId?: string;
  /** Only applications on whose expert panel this expert sits. */
  expertId?: string;
}

export interface StationFilter {
  districtCode?: string;
  status?: StationView['status'];
  cityCode?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

const byDraftedThenId = (a: ApplicationView, b: ApplicationView) =>
  a.draftedAt.localeCompare(b.draftedAt) || a.id.localeCompare(b.id);
const byPlaque = (a: StationView, b: StationView) => a.plaqueNumber.localeCompare(b.plaqueNumber);

export function listApplications(model: InMemoryReadModel, filter: ApplicationFilter): Page<ApplicationView> {
  const items = [...model.applications.values()]
    .filter(
      (a) =>
        (!filter.callId || a.callId === filter.callId) &&
        (!filter.districtCode || a.districtCode === filter.districtCode) &&
        (!filter.stage || a.stage === filter.stage) &&
        (!filter.ownerOrgId || a.ownerOrgId === filter.ownerOrgId) &&
        (!filter.expertId || a.panel.some((m) => m.expertId === filter.expertId)),
    )
    .sort(byDraftedThenId);
  return { items, total: items.length };
}

export function listStations(model: InMemoryReadModel, filter: StationFilter): Page<StationView> {
  const items = [...model.stations.values()]
    .filter(
      (s) =>
        (!filter.districtCode || s.districtCode === filter.districtCode) &&
        (!filter.status || s.status === filter.status) &&
        (!filter.cityCode || s.cityCode === filter.cityCode),
    )
    .sort(byPlaque);
  return { items, total: items.length };
}

/** How many of a call's applications stand at each stage. */
export function stageCounts(model: InMemoryReadModel, callId: string): Partial<Record<ApplicationStage, number>> {
  const counts: Partial<Record<ApplicationStage, number>> = {};
  for (const a of model.applications.values()) {
    if (a.callId === callId) counts[a.stage] = (counts[a.stage] ?? 0) + 1;
  }
  return counts;
}
