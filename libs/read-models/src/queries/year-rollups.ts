import { chinaDateOf } from '@sme/domain/shared/dates';
import { cityCodeOf, districtsOf, isCountyCode, isProvinceCode, regionNameZh } from '@sme/domain/shared/region-code';
import { prefectureCitiesOf } from '@sme/domain/targets/prefecture-cities';
import type { ActivityView } from '../activity.projection';
import type { DeliveryView } from '../delivery.projection';
import type { DemandView } from '../demand.projection';
import type { FollowUpView } from '../follow-up.projection';
import { computeServiceFigures, type ServiceFiguresRow } from './activity-figures';
import { allOf, placeCondition } from './conditions';
import { demandFilter } from './demand-list';
import { groupBy } from './group-by';
import { computeDeliveryFigures, roundTo, type DeliveryFigures } from './delivery-list';
import type { ReadModelReader } from './read-model-reader';

/** Whether a row is the asked region's total or one of its parts (a province's cities, a city's districts). */
export type RollUpScope = 'TOTAL' | 'PART';

/** The demands of a region's year: raised in it, accepted, resolved, and the satisfaction given on resolution. */
export interface DemandFigures {
  demandsRaised: number;
  demandsAccepted: number;
  demandsResolved: number;
  /** The mean satisfaction the enterprises gave on resolution (1–5), where they gave one. */
  averageDemandSatisfaction: number | null;
}

/**
 * One region's year: its deliveries' figures (satisfaction, 差评 follow-ups, 回访, free share) with
 * 服务家次 and 服务户数 counted over activities and deliveries together (docs/counting.md), the
 * activities held, and its demands.
 */
export interface RollUpRow extends DeliveryFigures, DemandFigures {
  scope: RollUpScope;
  regionCode: string;
  regionName: string;
  activitiesHeld: number;
  personsPresent: number;
}

/** What a roll-up is computed from: the region's records of the year, as the read models hold them. */
export interface RollUpRecords {
  activities: readonly ActivityView[];
  deliveries: readonly DeliveryView[];
  followUps: readonly FollowUpView[];
  demands: readonly DemandView[];
}

/** The parts a region's roll-up lists even when they recorded nothing: a province's cities, a city's districts (where known). */
function knownParts(regionCode: string): string[] {
  if (isProvinceCode(regionCode)) return (prefectureCitiesOf(regionCode) ?? []).map((r) => r.code);
  return (districtsOf(regionCode) ?? []).map((r) => r.code);
}

/** The part of the asked region a record's place falls in. */
const partOf = (regionCode: string, placeCode: string): string => (isProvinceCode(regionCode) ? cityCodeOf(placeCode) : placeCode);

function demandFigures(demands: readonly DemandView[]): DemandFigures {
  const satisfactions = demands.flatMap((d) => (d.resolution?.satisfaction == null ? [] : [d.resolution.satisfaction]));
  return {
    demandsRaised: demands.length,
    demandsAccepted: demands.filter((d) => d.acceptedAt !== null).length,
    demandsResolved: demands.filter((d) => d.resolution !== null).length,
    averageDemandSatisfaction: satisfactions.length === 0 ? null : roundTo(satisfactions.reduce((sum, s) => sum + s, 0) / satisfactions.length, 2),
  };
}

/**
 * Pure: the year's figures of a province (then each of its cities), a city (then each of its districts)
 * or a district (its total alone), total first, then the parts in code order. Activities count when held in the year, deliveries when
 * delivered in it (the rules of `computeServiceFigures` and `computeDeliveryFigures`), demands when raised
 * in it (China date). A delivery's follow-ups count with it; a part's 户数 counts its own enterprises, so
 * the parts' 户数 may add up to more than the total's.
 */
export function computeYearRollUp(regionCode: string, year: number, records: RollUpRecords): RollUpRow[] {
  const period = { from: `${year}-01-01`, until: `${year}-12-31` };
  const by = isProvinceCode(regionCode) ? 'city' : 'district';
  const services = computeServiceFigures([...records.activities], [...records.deliveries], period, by);
  const raised = records.demands.filter((d) => chinaDateOf(d.raisedAt).startsWith(`${year}-`));
  // A district has no parts: its roll-up is its total alone.
  const parts = isCountyCode(regionCode) ? [] : [...new Set([...knownParts(regionCode), ...services.rows.map((r) => (r.key as { regionCode: string }).regionCode), ...raised.map((d) => partOf(regionCode, d.regionCode))])].sort();
  const row = (scope: RollUpScope, code: string, count: Omit<ServiceFiguresRow, 'key'>, deliveries: DeliveryView[], followUps: FollowUpView[], demands: DemandView[]): RollUpRow => {
    const { activitiesHeld, personsPresent, enterpriseVisits, distinctEnterprises } = count;
    return {
      scope,
      regionCode: code,
      regionName: regionNameZh(code),
      activitiesHeld,
      personsPresent,
      ...computeDeliveryFigures(deliveries, followUps, period),
      enterpriseVisits,
      distinctEnterprises,
      ...demandFigures(demands),
    };
  };
  const none: Omit<ServiceFiguresRow, 'key'> = { activitiesHeld: 0, personsPresent: 0, deliveries: 0, activityVisits: 0, deliveryVisits: 0, enterpriseVisits: 0, distinctEnterprises: 0 };
  // Each part's records taken once, not filtered out of the whole region's once per part; a delivery's
  // follow-ups go with it.
  const servicesOf = new Map(services.rows.map((r) => [(r.key as { regionCode: string }).regionCode, r]));
  const deliveriesOf = groupBy(records.deliveries, (d) => partOf(regionCode, d.regionCode));
  const demandsOf = groupBy(raised, (d) => partOf(regionCode, d.regionCode));
  const followUpsOf = groupBy(records.followUps, (f) => f.deliveryId);
  const followUpsOfDeliveries = (deliveries: readonly DeliveryView[]) => deliveries.flatMap((d) => followUpsOf.get(d.id) ?? []);
  return [
    row('TOTAL', regionCode, services.total, [...records.deliveries], [...records.followUps], raised),
    ...parts.map((code) => {
      const deliveries = deliveriesOf.get(code) ?? [];
      return row('PART', code, servicesOf.get(code) ?? none, deliveries, followUpsOfDeliveries(deliveries), demandsOf.get(code) ?? []);
    }),
  ];
}

const FOLLOW_UP_BATCH = 500;

/** The region's records of the year from the read models, then `computeYearRollUp`: the views are held, never the log. */
export async function yearRollUp(reader: ReadModelReader, regionCode: string, year: number): Promise<RollUpRow[]> {
  const from = `${year}-01-01`;
  const until = `${year}-12-31`;
  const place = placeCondition(regionCode);
  const activities = await (await reader.collection<ActivityView>('activities')).find(allOf([place, { status: 'HELD', heldOn: { $gte: from, $lte: until } }]));
  const deliveries = await (await reader.collection<DeliveryView>('deliveries')).find(allOf([place, { deliveredOn: { $gte: from, $lte: until } }]));
  const followUpCollection = await reader.collection<FollowUpView>('followups');
  const followUps: FollowUpView[] = [];
  for (let i = 0; i < deliveries.length; i += FOLLOW_UP_BATCH) {
    followUps.push(...(await followUpCollection.find({ deliveryId: { $in: deliveries.slice(i, i + FOLLOW_UP_BATCH).map((d) => d.id) } })));
  }
  const demands = await (await reader.collection<DemandView>('demands')).find(demandFilter({ regionCode }));
  return computeYearRollUp(regionCode, year, { activities, deliveries, followUps, demands });
}
