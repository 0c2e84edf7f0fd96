import { Query } from '@nestjs/cqrs';
import type { Actor, ExpertCommand } from '@sme/domain';
import type { PageRequest } from '@sme/read-models';
import type { ExpertListFilter } from '@sme/read-models/queries/expert-list';
import type { CommandBody } from '../commands/command-body';

export type ExpertCommandBody = CommandBody<ExpertCommand>;

/** One expert, folded from `expert-<id>`, with whether they could sit on a panel now. */
export class GetExpertQuery extends Query<unknown> {
  constructor(
    readonly expertId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The expert registry list, narrowed to what the actor may read. */
export class ListExpertsQuery extends Query<unknown> {
  constructor(
    readonly filter: ExpertListFilter,
    readonly sort: string | undefined,
    readonly page: PageRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
