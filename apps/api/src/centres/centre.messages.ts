import type { CentreCommand } from '@sme/domain';
import type { CentreListFilter, CentreView } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import { ActorListQuery } from '../read-side/list-query';

/** Providers are named by id; the ledger reads each from its record. */
export type LinkCentreProvidersBody = { type: 'LinkCentreProviders'; data: { centreId: string; providerIds: string[] } };
export type CentreCommandBody = LinkCentreProvidersBody | CommandBody<Exclude<CentreCommand, { type: 'LinkCentreProviders' }>>;

/** The centres (建设情况汇总表), narrowed to what the actor may read. */
export class ListCentresQuery extends ActorListQuery<CentreListFilter & { regionCode?: string }, CentreView> {}
