import { Query } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { Page, PageRequest, PublicView, ViewVersion } from '@sme/read-models';
import { given } from '../commands/given';
import type { ListQueryDto } from './list-query.dto';

/** A page of a list as a client sees it: each item as shown (a view's public view, unless narrowed). */
export type ShownPage<I> = Omit<Page<I>, 'items'> & { items: I[] };

/** A list read: what to list, in which order, which page; `V` is the view listed, `I` what a client sees of one. */
export class ListQuery<F, V extends ViewVersion = ViewVersion, I = PublicView<V>> extends Query<ShownPage<I>> {
  constructor(
    readonly filter: F,
    readonly sort: string | undefined,
    readonly page: PageRequest,
  ) {
    super();
  }
}

/** A list read on behalf of `actor`, whose access narrows the filter. */
export class ActorListQuery<F, V extends ViewVersion = ViewVersion, I = PublicView<V>> extends ListQuery<F, V, I> {
  constructor(filter: F, sort: string | undefined, page: PageRequest, readonly actor: Actor) {
    super(filter, sort, page);
  }
}

/**
 * A list request split into its filter (every field it names besides the paging ones, unset ones left
 * out), its sort and its page.
 */
export function pageOf<Q extends ListQueryDto>(query: Q): { filter: Omit<Q, 'sort' | 'limit' | 'cursor'>; sort: string | undefined; page: PageRequest } {
  const { sort, limit, cursor, ...filter } = query;
  return { filter: given(filter), sort, page: { limit, cursor } };
}
