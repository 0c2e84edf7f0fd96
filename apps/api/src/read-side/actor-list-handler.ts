import type { Type } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { Page, PageRequest, ReadModelReader, ViewVersion } from '@sme/read-models';
import type { ActorListQuery } from './list-query';
import { listResult } from './list-result';
import { ReadSide } from './read-side.service';

/**
 * The handler of a list read on behalf of an actor: `scope` narrows the asked filter to what the actor
 * may read (or refuses) on the day read (`now`: the time slice's business time, else the clock), then
 * `list` reads the page from the read side as it stands, or as it stood in the query's time slice.
 */
export function actorListHandler<F, S, V extends ViewVersion>(
  query: Type<ActorListQuery<F, V>>,
  scope: (actor: Actor, filter: F, now: Date) => S,
  list: (reader: ReadModelReader, filter: S, sort: string | undefined, page: PageRequest) => Promise<Page<V>>,
): Type<IQueryHandler<ActorListQuery<F, V>>> {
  @QueryHandler(query)
  class ActorListHandler implements IQueryHandler<ActorListQuery<F, V>> {
    constructor(private readonly readSide: ReadSide) {}

    async execute({ filter, sort, page, actor, when }: ActorListQuery<F, V>) {
      const scoped = scope(actor, filter, when?.asOf ?? new Date());
      return this.readSide.at(when, actor, (reader) => listResult(() => list(reader, scoped, sort, page)));
    }
  }
  Object.defineProperty(ActorListHandler, 'name', { value: `${query.name}Handler` });
  return ActorListHandler;
}
