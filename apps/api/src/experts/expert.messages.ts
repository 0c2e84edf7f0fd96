import type { ExpertView } from '@sme/read-models/expert.projection';
import type { ExpertCommand } from '@sme/domain';
import type { ExpertListFilter } from '@sme/read-models/queries/expert-list';
import type { CommandBody } from '../commands/command-body';
import { ActorListQuery } from '../read-side/list-query';

export type ExpertCommandBody = CommandBody<ExpertCommand>;

/** The expert registry list, narrowed to what the actor may read. */
export class ListExpertsQuery extends ActorListQuery<ExpertListFilter, ExpertView> {}
