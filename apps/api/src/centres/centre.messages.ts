import { Query } from '@nestjs/cqrs';
import type { Actor, CentreCommand } from '@sme/domain';
import type { CentreListFilter, PageRequest } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';

/** Providers are named by id; the ledger reads each from its record. */
export type LinkCentreProvidersBody = { type: 'LinkCentreProviders'; data: { centreId: string; providerIds: string[] } };
export type CentreCommandBody = LinkCentreProvidersBody | CommandBody<Exclude<CentreCommand, { type: 'LinkCentreProviders' }>>;

/** The centres (建设情况汇总表), narrowed to what the actor may read. */
export class ListCentresQuery extends Query<unknown> {
  constructor(
    readonly filter: CentreListFilter & { regionCode?: string },
    readonly sort: string | undefined,
    readonly page: PageRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
