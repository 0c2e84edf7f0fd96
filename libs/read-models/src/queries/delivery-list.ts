import type { ServingKind, Steward } from '@sme/domain/delivery/delivery.terms';
import { countServiceVisits } from '@sme/domain/shared/service-counting';
import type { ServiceDomain } from '@sme/domain/shared/service-domains';
import type { Filter } from '../document-store/document-store.port';
import type { DeliveryView, DeliveryViewStatus } from '../delivery.projection';
import type { FollowUpView } from '../follow-up.projection';
import { allOf, equalAt, placeCondition, requireDay } from './conditions';
import { cursorPage, type PageRequest } from './cursor-page';
import { containsText, sortKeys, type ReadModelReader } from './read-model-reader';

export interface DeliveryListFilter {
  status?: DeliveryViewStatus;
  domain?: ServiceDomain;
  enterpriseId?: string;
  enterpriseUscc?: string;
  serverKind?: ServingKind;
  /** The provider's or station's record id (the hub's organisation id). */
  serverId?: string;
  serverOrgId?: string;
  /** Where the service was delivered: a district, a city (its districts) or a province. */
  regionCode?: string;
  stewardRole?: Steward['role'];
  /** The steward's city. */
  stewardRegionCode?: string;
  /**
   * A period of business dates (YYYY-MM-DD, both inclusive; either may be left open): a delivered
   * service by its deliveredOn; one not delivered (yet, or ever) by the day in China it was registered.
   */
  from?: string;
  until?: string;
  /** true: a 回访 is required and not done yet, and the delivery is neither cancelled nor archived; false: the others. */
  returnVisitDue?: boolean;
  /** Case-insensitive text in the title, the description, the enterprise's or the serving organisation's name. */
  q?: string;
}

/** Sorts the list accepts; a leading '-' means descending. Sorting by deliveredOn lists delivered services only. */
export const DELIVERY_SORTS = ['registeredAt', 'deliveredOn', 'updatedAt'] as const;

const DAY_MS = 86_400_000;
const CHINA_OFFSET = '+08:00';

/** The instant a business day begins in China, as the ISO string registeredAt is stored as. */
const chinaDayStart = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00.000${CHINA_OFFSET}`) + plusDays * DAY_MS).toISOString();

/** Delivered in [from, until], or not delivered and registered on a day in China inside it. */
export function deliveryPeriodCondition(from: string | undefined, until: string | undefined): Filter | undefined {
  if (!from && !until) return undefined;
  const on: Record<string, string> = {};
  const at: Record<string, string> = {};
  if (from) {
    on.$gte = requireDay(from, 'from');
    at.$gte = chinaDayStart(from);
  }
  if (until) {
    on.$lte = requireDay(until, 'until');
    at.$lt = chinaDayStart(until, 1);
  }
  return { $or: [{ deliveredOn: on }, { deliveredOn: null, registeredAt: at }] };
}

const CLOSED_FOR_VISITS: DeliveryViewStatus[] = ['CANCELLED', 'ARCHIVED'];

export function deliveryFilter(filter: DeliveryListFilter): Filter {
  const all = equalAt(filter, {
    status: 'status',
    domain: 'domain',
    enterpriseId: 'enterprise.enterpriseId',
    enterpriseUscc: 'enterprise.uscc',
    serverKind: 'server.kind',
    serverId: 'server.id',
    serverOrgId: 'server.orgId',
    stewardRole: 'steward.role',
    stewardRegionCode: 'steward.regionCode',
  });
  if (filter.regionCode) all.push(placeCondition(filter.regionCode));
  const period = deliveryPeriodCondition(filter.from, filter.until);
  if (period) all.push(period);
  if (filter.returnVisitDue === true) all.push({ returnVisitRequired: true, returnVisitDone: false, status: { $nin: CLOSED_FOR_VISITS } });
  if (filter.returnVisitDue === false) all.push({ $or: [{ returnVisitRequired: false }, { returnVisitDone: true }, { status: { $in: CLOSED_FOR_VISITS } }] });
  if (filter.q) {
    const text = containsText(filter.q);
    all.push({ $or: [{ title: text }, { description: text }, { 'enterprise.name': text }, { 'server.name': text }] });
  }
  return allOf(all);
}

/** The delivery list: filters, sort (registeredAt, deliveredOn, updatedAt; default newest registered first), cursor paging, total. */
export async function listDeliveries(reader: ReadModelReader, filter: DeliveryListFilter, sort: string | undefined, page: PageRequest) {
  const keys = sortKeys(sort, DELIVERY_SORTS, '-registeredAt');
  const query = deliveryFilter(filter);
  // A cursor needs its sort field on every document: only delivered services have a deliveredOn.
  const sorted = keys[0][0] === 'deliveredOn' ? allOf([query, { deliveredOn: { $ne: null } }]) : query;
  return cursorPage(await reader.collection<DeliveryView>('deliveries'), sorted, keys, page);
}

/** Delivered services neither confirmed nor disputed whose day of automatic confirmation has come by `today`; oldest first. */
export async function deliveriesConfirmableOn(reader: ReadModelReader, today: string): Promise<DeliveryView[]> {
  const query = { status: 'DELIVERED', confirmableAutomaticallyFrom: { $lte: requireDay(today, 'today') } };
  return (await reader.collection<DeliveryView>('deliveries')).find(query, { sort: { confirmableAutomaticallyFrom: 1, deliveredOn: 1 } });
}

/**
 * What a serving organisation (or a region) delivered in a period, for its 年度评价 and the steward's
 * figures. Rates are fractions from 0 to 1 rounded to 4 decimals (0.6667 for two in three), null
 * where there is nothing to divide by; the average rating is rounded to 2 decimals.
 */
export interface DeliveryFigures {
  /** Delivered in the period (deliveredOn within [from, until]), not cancelled. */
  deliveries: number;
  /** 服务企业家次: each delivery counts once for the enterprise it served, so it equals `deliveries`. */
  enterpriseVisits: number;
  /** 服务企业数: distinct enterprises among them. */
  distinctEnterprises: number;
  /** Deliveries rated. */
  ratings: number;
  /** Of the current ratings (the amended one where amended). */
  averageRating: number | null;
  /** Deliveries that were ever given a 差评 (1–2), first or amended. */
  poorRatings: number;
  /** Follow-ups opened for those deliveries. */
  followUps: number;
  followUpsClosedOnTime: number;
  /** followUpsClosedOnTime / followUps: a follow-up still open counts as not closed on time. */
  followUpOnTimeRate: number | null;
  /** Deliveries with at least one 回访. */
  returnVisits: number;
  /** returnVisits / deliveries. */
  returnVisitRate: number | null;
  /** Free (公益) deliveries: fee kind FREE. */
  freeDeliveries: number;
  /** freeDeliveries / deliveries. */
  freeShare: number | null;
}

export const roundTo = (value: number, places: number): number => {
  const factor = 10 ** places;
  return Math.round((value + Number.EPSILON) * factor) / factor;
};
const rate = (part: number, whole: number): number | null => (whole === 0 ? null : roundTo(part / whole, 4));

/** Pure: the figures of the deliveries delivered in the period, with the follow-ups opened for them (others are ignored). */
export function computeDeliveryFigures(deliveries: DeliveryView[], followUps: FollowUpView[], period: { from: string; until: string }): DeliveryFigures {
  const counted = deliveries.filter((d) => d.status !== 'CANCELLED' && d.deliveredOn !== null && d.deliveredOn >= period.from && d.deliveredOn <= period.until);
  const ids = new Set(counted.map((d) => d.id));
  const theirs = followUps.filter((f) => f.deliveryId !== null && ids.has(f.deliveryId));
  const ratings = counted.flatMap((d) => (d.feedback === null ? [] : [d.feedback.rating]));
  const closedOnTime = theirs.filter((f) => f.closure?.onTime === true).length;
  const returnVisits = counted.filter((d) => d.returnVisits.length > 0).length;
  const free = counted.filter((d) => d.fee.kind === 'FREE').length;
  // 家次 and 户数 by the one counting rule (docs/counting.md): here deliveries only.
  const visits = countServiceVisits({ activities: [], deliveries: counted.map((d) => ({ enterpriseId: d.enterprise.enterpriseId, recordId: d.id })) });
  return {
    deliveries: counted.length,
    enterpriseVisits: visits.enterpriseVisits,
    distinctEnterprises: visits.distinctEnterprises,
    ratings: ratings.length,
    averageRating: ratings.length === 0 ? null : roundTo(ratings.reduce((sum, r) => sum + r, 0) / ratings.length, 2),
    poorRatings: counted.filter((d) => d.poorRating).length,
    followUps: theirs.length,
    followUpsClosedOnTime: closedOnTime,
    followUpOnTimeRate: rate(closedOnTime, theirs.length),
    returnVisits,
    returnVisitRate: rate(returnVisits, counted.length),
    freeDeliveries: free,
    freeShare: rate(free, counted.length),
  };
}

const FOLLOW_UP_BATCH = 500;

/** The figures of the deliveries matching the filter and delivered in [from, until], read from the deliveries and follow-ups. */
export async function deliveryFigures(
  reader: ReadModelReader,
  filter: { serverKind?: ServingKind; serverId?: string; serverOrgId?: string; regionCode?: string; from: string; until: string },
): Promise<DeliveryFigures> {
  const { from, until, serverKind, serverId, serverOrgId, regionCode } = filter;
  const scope = deliveryFilter({ serverKind, serverId, serverOrgId, regionCode });
  const query = allOf([scope, { deliveredOn: { $gte: requireDay(from, 'from'), $lte: requireDay(until, 'until') } }].filter((f) => Object.keys(f).length > 0));
  const deliveries = await (await reader.collection<DeliveryView>('deliveries')).find(query, { sort: { deliveredOn: 1 } });
  const followUpCollection = await reader.collection<FollowUpView>('followups');
  const ids = deliveries.map((d) => d.id);
  const followUps: FollowUpView[] = [];
  for (let i = 0; i < ids.length; i += FOLLOW_UP_BATCH) {
    followUps.push(...(await followUpCollection.find({ deliveryId: { $in: ids.slice(i, i + FOLLOW_UP_BATCH) } })));
  }
  return computeDeliveryFigures(deliveries, followUps, { from, until });
}
