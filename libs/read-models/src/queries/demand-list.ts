import type { DemandUrgency } from '@sme/domain/demand/demand.events';
import type { ServiceDomain } from '@sme/domain/shared/service-domains';
import { isCityCode, isProvinceCode } from '@sme/domain/shared/region-code';
import type { Filter } from '../document-store/document-store.port';
import type { DemandView, DemandViewStatus } from '../demand.projection';
import { allOf, equalFields, regionCodeStartsWith } from './conditions';
import { cursorPage, type PageRequest } from './cursor-page';
import { containsText, sortKeys, type ReadModelReader } from './read-model-reader';

export interface DemandListFilter {
  status?: DemandViewStatus;
  category?: ServiceDomain;
  urgency?: DemandUrgency;
  /** A district, a city (its districts) or a province. */
  regionCode?: string;
  /** Demands raised by or accepted by this station. */
  stationId?: string;
  enterpriseId?: string;
  /** Only the demands of the enterprise with this USCC (an enterprise reading its own). */
  enterpriseUscc?: string;
  escalated?: boolean;
  /** Case-insensitive text in the description. */
  q?: string;
}

export const DEMAND_SORTS = ['raisedAt', 'updatedAt', 'urgency'] as const;

export function demandFilter(filter: DemandListFilter): Filter {
  const all = equalFields(filter, ['status', 'category', 'urgency']);
  if (filter.regionCode) {
    const code = filter.regionCode;
    all.push(isProvinceCode(code) ? regionCodeStartsWith(code.slice(0, 2)) : isCityCode(code) ? { cityCode: code } : { regionCode: code });
  }
  if (filter.stationId) all.push({ $or: [{ stationId: filter.stationId }, { raisedByStationId: filter.stationId }] });
  all.push(...equalFields(filter, ['enterpriseId', 'enterpriseUscc']));
  if (filter.escalated !== undefined) all.push({ escalated: filter.escalated });
  if (filter.q) all.push({ description: containsText(filter.q) });
  return allOf(all);
}

/** The demand list: filters, sort (raisedAt, updatedAt, urgency; default newest first), cursor paging, total. */
export async function listDemands(reader: ReadModelReader, filter: DemandListFilter, sort: string | undefined, page: PageRequest) {
  return cursorPage(await reader.collection<DemandView>('demands'), demandFilter(filter), sortKeys(sort, DEMAND_SORTS, '-raisedAt'), page);
}

/** Demands nobody accepted, not escalated yet, raised before `raisedBefore` (an ISO instant); oldest first. */
export async function unacceptedDemandsRaisedBefore(reader: ReadModelReader, raisedBefore: Date, regionCode?: string) {
  const query = demandFilter({ status: 'RAISED', escalated: false, ...(regionCode ? { regionCode } : {}) });
  const demands = await (await reader.collection<DemandView>('demands')).find(query, { sort: { raisedAt: 1, _id: 1 } });
  // raisedAt strings may carry different offsets: compare instants, not text.
  return demands.filter((d) => Date.parse(d.raisedAt) < raisedBefore.getTime());
}
