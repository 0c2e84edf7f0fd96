import { Query } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { Page, PageRequest, PublicView, TimeSlice, ViewVersion } from '@sme/read-models';
import { given } from '../commands/given';
import type { ListQueryDto } from './list-query.dto';
import { sliceOf } from './read-time';

/** A page of a list as a client sees it: each item as shown (a view's public view, unless narrowed). */
export type ShownPage<I> = Omit<Page<I>, 'items'> & { items: I[] };

/**
 * A list read: what to list, in which order, which page, and when (`when`: the list as it stood at a
 * business time, as known at a record time; now when left out). `V` is the view listed, `I` what a
 * client sees of one.
 */
export class ListQuery<F, V extends ViewVersion = ViewVersion, I = PublicView<V>> extends Query<ShownPage<I>> {
  constructor(
    readonly filter: F,
    readonly sort: string | undefined,
    readonly page: PageRequest,
    readonly when?: TimeSlice,
    /** Who reads, where a list may be read without a token (its time slice is still an AUDITOR's). */
    readonly actor?: Actor,
  ) {
    super();
  }
}

/** A list read on behalf of `actor`, whose access narrows the filter. */
export class ActorListQuery<F, V extends ViewVersion = ViewVersion, I = PublicView<V>> extends ListQuery<F, V, I> {
  declare readonly actor: Actor;

  constructor(filter: F, sort: string | undefined, page: PageRequest, actor: Actor, when?: TimeSlice) {
    super(filter, sort, page, when, actor);
  }
}

/**
 * A list request split into its filter (every field it names besides the paging and time ones, unset
 * ones left out), its sort, its page and its time slice.
 */
export function pageOf<Q extends ListQueryDto>(query: Q): { filter: Omit<Q, 'sort' | 'limit' | 'cursor' | 'asOf' | 'knownAt'>; sort: string | undefined; page: PageRequest; when: TimeSlice | undefined } {
  const { sort, limit, cursor, asOf, knownAt, ...filter } = query;
  return { filter: given(filter), sort, page: { limit, cursor }, when: sliceOf({ asOf, knownAt }) };
}
