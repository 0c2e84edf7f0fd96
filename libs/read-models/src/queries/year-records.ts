import type { ActivityView } from '../activity.projection';
import type { DeliveryView } from '../delivery.projection';
import { listActivities } from './activity-list';
import type { Page, PageRequest } from './cursor-page';
import { listDeliveries } from './delivery-list';
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
