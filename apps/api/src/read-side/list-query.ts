import { Query } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { PageRequest } from '@sme/read-models';

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
