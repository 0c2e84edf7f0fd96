import { Query } from '@nestjs/cqrs';
import type { Actor, ProductCommand, ServiceCaseCommand } from '@sme/domain';
import type { PageRequest, PublicView, TimeSlice } from '@sme/read-models';
import type { ProductView, ServiceCaseView } from '@sme/read-models/product.projection';
import type { ShownPage } from '../read-side/list-query';
import type { CatalogueEntry } from './catalogue-entry';
import type { ProductListFilter } from '@sme/read-models/queries/product-list';
import type { CommandBody } from '../commands/command-body';

/** Without what the handler reads from the provider's record (`providerOrgId`, `providerInPool`). */
export type ProductCommandBody =
  | { type: 'PublishProduct'; data: Omit<Extract<ProductCommand, { type: 'PublishProduct' }>['data'], 'providerOrgId' | 'providerInPool'> }
  | { type: 'ReviseProduct'; data: Omit<Extract<ProductCommand, { type: 'ReviseProduct' }>['data'], 'providerInPool'> }
  | CommandBody<Extract<ProductCommand, { type: 'RetireProduct' }>>;

export type CaseCommandBody =
  | { type: 'PublishCase'; data: Omit<Extract<ServiceCaseCommand, { type: 'PublishCase' }>['data'], 'providerOrgId' | 'providerInPool'> }
  | CommandBody<Extract<ServiceCaseCommand, { type: 'RetireCase' }>>;

/** `products` and `cases` as the actor may read them, or the public `catalogue` (products on show of providers in the 库). */
export class ListLibraryQuery extends Query<ShownPage<PublicView<ProductView>> | ShownPage<PublicView<ServiceCaseView>> | ShownPage<CatalogueEntry>> {
  constructor(
    readonly list: 'products' | 'cases' | 'catalogue',
    readonly filter: ProductListFilter,
    readonly sort: string | undefined,
    readonly page: PageRequest,
    readonly actor?: Actor,
    readonly when?: TimeSlice,
  ) {
    super();
  }
}
