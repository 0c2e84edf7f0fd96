import { chinaDateOf } from '@sme/domain/shared/dates';
import type { ActivityView } from '../activity.projection';
import type { DeliveryView } from '../delivery.projection';
import type { DemandView } from '../demand.projection';
import { listActivities } from './activity-list';
import type { Page, PageRequest } from './cursor-page';
import { listDeliveries } from './delivery-list';
import { listDemands } from './demand-list';
import type { ReadModelReader } from './read-model-reader';

const PAGE = 500;

/** Every item of a cursor-paged list, a page at a time: what an export streams. */
export async function* allPages<T>(list: (page: PageRequest) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await list({ limit: PAGE, ...(cursor === undefined ? {} : { cursor }) });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** The deliveries of a year inside a region (registered that year, or delivered in it), oldest first. */
export const deliveriesOfYear = (reader: ReadModelReader, regionCode: string, year: number): AsyncGenerator<DeliveryView> =>
  allPages((page) => listDeliveries(reader, { regionCode, from: `${year}-01-01`, until: `${year}-12-31` }, 'registeredAt', page) as Promise<Page<DeliveryView>>);

/** The activities of a year inside a region (by their day), oldest first. */
export const activitiesOfYear = (reader: ReadModelReader, regionCode: string, year: number): AsyncGenerator<ActivityView> =>
  allPages((page) => listActivities(reader, { regionCode, from: `${year}-01-01`, until: `${year}-12-31` }, 'date', page) as Promise<Page<ActivityView>>);

/** One 满意度评价 as evaluators read it: on a delivery, or an attendee's on an activity. */
export interface FeedbackRow {
  source: 'DELIVERY' | 'ACTIVITY';
  recordId: string;
  title: string;
  /** The serving organisation (a delivery) or the organiser (an activity). */
  serverKind: string;
  serverName: string;
  enterpriseId: string;
  enterpriseName: string | null;
  regionCode: string;
  /** The rating that counts (the amended one when amended) and the first one given. */
  rating: number;
  firstRating: number;
  comment: string;
  /** A 差评 (1–2) was given at some point, first or amended. */
  poor: boolean;
  givenAt: string;
  amendedAt: string | null;
}

/** The feedback on the year's deliveries and activities inside a region (their order: deliveries, then activities). */
export async function* feedbackOfYear(reader: ReadModelReader, regionCode: string, year: number): AsyncGenerator<FeedbackRow> {
  for await (const d of deliveriesOfYear(reader, regionCode, year)) {
    if (d.feedback === null) continue;
    const f = d.feedback;
    yield {
      source: 'DELIVERY',
      recordId: d.id,
      title: d.title,
      serverKind: d.server.kind,
      serverName: d.server.name,
      enterpriseId: d.enterprise.enterpriseId,
      enterpriseName: d.enterprise.name,
      regionCode: d.regionCode,
      rating: f.rating,
      firstRating: f.given.rating,
      comment: (f.amended ?? f.given).comment,
      poor: d.poorRating,
      givenAt: f.givenAt,
      amendedAt: f.amendedAt,
    };
  }
  for await (const a of activitiesOfYear(reader, regionCode, year)) {
    const names = new Map([...a.registrations.map((r) => r.enterprise), ...a.enterprisesPresent].map((e) => [e.enterpriseId, e.name]));
    for (const f of a.feedback) {
      yield {
        source: 'ACTIVITY',
        recordId: a.id,
        title: a.title,
        serverKind: a.organiser.kind,
        serverName: a.organiser.name,
        enterpriseId: f.enterpriseId,
        enterpriseName: names.get(f.enterpriseId) ?? null,
        regionCode: a.regionCode,
        rating: f.rating,
        firstRating: f.given.rating,
        comment: (f.amended ?? f.given).comment,
        poor: f.poor,
        givenAt: f.givenAt,
        amendedAt: f.amendedAt,
      };
    }
  }
}

/** The demands raised in the year (China date) by enterprises inside a region, oldest first. */
export async function* demandsOfYear(reader: ReadModelReader, regionCode: string, year: number): AsyncGenerator<DemandView> {
  for await (const d of allPages((page) => listDemands(reader, { regionCode }, 'raisedAt', page) as Promise<Page<DemandView>>)) {
    if (chinaDateOf(d.raisedAt).startsWith(`${year}-`)) yield d;
  }
}
