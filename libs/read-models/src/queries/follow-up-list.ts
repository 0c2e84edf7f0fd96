import type { Steward } from '@sme/domain/delivery/delivery.terms';
import type { FollowUpView, FollowUpViewStatus } from '../follow-up.projection';
import type { Filter } from '../document-store/document-store.port';
import { allOf, equalAt } from './conditions';
import { cursorPage, type PageRequest } from './cursor-page';
import { sortKeys, type ReadModelReader } from './read-model-reader';
import { regionWithin } from './region-within';

export interface FollowUpListFilter {
  status?: FollowUpViewStatus;
  deliveryId?: string;
  activityId?: string;
  cause?: FollowUpView['cause'];
  escalated?: boolean;
  /** Open and overdue on that day: dueOn before it. */
  overdueOn?: string;
  /** Open and due by that day: dueOn on or before it. */
  dueBy?: string;
  stewardRole?: Steward['role'];
  /** The steward's city. */
  stewardRegionCode?: string;
  /** The enterprise's region lies within: a district, a city (its districts) or a province. */
  regionCode?: string;
  enterpriseUscc?: string;
  serverOrgId?: string;
}

/** Sorts the list accepts; a leading '-' means descending. */
export const FOLLOW_UP_SORTS = ['dueOn', 'openedAt', 'updatedAt'] as const;

export function followUpFilter(filter: FollowUpListFilter): Filter {
  const all = equalAt(filter, {
    status: 'status',
    deliveryId: 'deliveryId',
    activityId: 'activityId',
    cause: 'cause',
    stewardRole: 'steward.role',
    stewardRegionCode: 'steward.regionCode',
    enterpriseUscc: 'enterprise.uscc',
    serverOrgId: 'server.orgId',
  });
  if (filter.escalated !== undefined) all.push({ escalated: filter.escalated });
  if (filter.overdueOn) all.push({ status: 'OPEN', dueOn: { $lt: filter.overdueOn } });
  if (filter.dueBy) all.push({ status: 'OPEN', dueOn: { $lte: filter.dueBy } });
  if (filter.regionCode) all.push(regionWithin('enterprise.regionCode', filter.regionCode));
  return allOf(all);
}

/** The follow-up list: filters, sort (dueOn, openedAt, updatedAt; default soonest due first), cursor paging, total. */
export async function listFollowUps(reader: ReadModelReader, filter: FollowUpListFilter, sort: string | undefined, page: PageRequest) {
  return cursorPage(await reader.collection<FollowUpView>('followups'), followUpFilter(filter), sortKeys(sort, FOLLOW_UP_SORTS, 'dueOn'), page);
}

/** Open follow-ups not escalated yet whose due day is before `today`: the ones to escalate, oldest due first. */
export async function openFollowUpsDueBefore(reader: ReadModelReader, today: string): Promise<FollowUpView[]> {
  const query = followUpFilter({ escalated: false, overdueOn: today });
  return (await reader.collection<FollowUpView>('followups')).find(query, { sort: { dueOn: 1, openedAt: 1 } });
}

/** A delivery's follow-ups, in the order they were opened. */
export async function followUpsOfDelivery(reader: ReadModelReader, deliveryId: string): Promise<FollowUpView[]> {
  return (await reader.collection<FollowUpView>('followups')).find({ deliveryId }, { sort: { openedAt: 1 } });
}
