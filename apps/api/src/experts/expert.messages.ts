import { Query } from '@nestjs/cqrs';
import type { Actor, ExpertCommand } from '@sme/domain';
import type { PageRequest } from '@sme/read-models';
import type { ExpertListFilter } from '@sme/read-models/queries/expert-list';
import type { CommandBody } from '../commands/command-body';

export type ExpertCommandBody = CommandBody<ExpertCommand>;

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
