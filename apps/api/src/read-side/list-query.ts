import { Query } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { PageRequest } from '@sme/read-models';
import { given } from '../commands/given';
import type { ListQueryDto } from './list-query.dto';

/** A list read: what to list, in which order, which page. */
export class ListQuery<F> extends Query<unknown> {
  constructor(
    readonly filter: F,
    readonly sort: string | undefined,
    readonly page: PageRequest,
  ) {
    super();
  }
}

/** A list read on behalf of `actor`, whose access narrows the filter. */
export class ActorListQuery<F> extends ListQuery<F> {
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
