import type { ProviderView } from '@sme/read-models/provider.projection';
import { Query } from '@nestjs/cqrs';
import type { Actor, ProviderCommand } from '@sme/domain';
import type { ProviderListFilter, providerMovements } from '@sme/read-models/queries/provider-list';
import type { CommandBody } from '../commands/command-body';
import { ActorListQuery } from '../read-side/list-query';

/** A provider command without the settings the handler adds (the pass mark). */
type Evaluation = Extract<ProviderCommand, { type: 'RecordMonitoringEvaluation' }>['data'];

/**
 * An evaluation as the request gives it: the satisfaction score only when typed in (then with the
 * reason it overrides the feedback); the ledger computes it from the period's feedback otherwise.
 */
export type EvaluationBody = {
  type: 'RecordMonitoringEvaluation';
  data: Omit<Evaluation, 'scores' | 'satisfactionBasis'> & { scores: Omit<Evaluation['scores'], 'satisfaction'> & { satisfaction?: number }; satisfactionOverrideReason?: string };
};
export type ProviderCommandBody = EvaluationBody | CommandBody<Exclude<ProviderCommand, { type: 'RecordMonitoringEvaluation' }>>;

/** The provider registry (优质服务机构库), narrowed to what the actor may read. */
export class ListProvidersQuery extends ActorListQuery<ProviderListFilter, ProviderView> {}

/** 有进有出: entries and exits between two business dates. */
export class ProviderMovementsQuery extends Query<{ from: string | null; to: string | null } & Awaited<ReturnType<typeof providerMovements>>> {
  constructor(
    readonly scope: ProviderListFilter,
    readonly from: string | undefined,
    readonly to: string | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}
