import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { canonicalJson } from '@sme/event-store';
import { evaluationKind, notFound, resultsOf, type Actor, type EvaluationScheme, type OrganisationResult } from '@sme/domain';
import { evaluationReading } from './evaluation-reading';
import { RecordLoader } from '../records/record-loader';
import { organisationsAt } from './evaluation.commands';

/** The published results, or (`rerun`) the same computed again from the log up to the run's position. */
export class EvaluationResultsQuery extends Query<Results> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
    readonly rerun: boolean,
  ) {
    super();
  }
}

type Results = { evaluationId: string; cityCode: string; year: number; subject: string; schemeVersion: number; position: string; results: OrganisationResult[] };

/** Keys in canonical order, so what was stored and what is computed again serialise alike, byte for byte. */
const canonical = (results: Results): Results => JSON.parse(canonicalJson(results)) as Results;

@QueryHandler(EvaluationResultsQuery)
export class EvaluationResultsHandler implements IQueryHandler<EvaluationResultsQuery> {
  constructor(private readonly records: RecordLoader) {}

  async execute({ id, actor, rerun }: EvaluationResultsQuery): Promise<Results> {
    const { missing, forbidden, mayRead } = evaluationReading;
    const view = await this.records.view(evaluationKind, evaluationReading.project, id, { missing, forbidden, mayRead: (v) => mayRead!(actor, v, this.records) });
    if (view.published === undefined) throw notFound('EVALUATION_NOT_PUBLISHED', '评价结果尚未发布', 'The results are not published yet');
    const { evaluationId, cityCode, year, subject, schemeVersion, position } = view;
    const head = { evaluationId, cityCode, year, subject, schemeVersion, position };
    if (!rerun) return canonical({ ...head, results: view.published.results });
    const organisations = await organisationsAt(this.records, BigInt(position), { cityCode, year, subject });
    return canonical({ ...head, results: resultsOf(view.scheme as EvaluationScheme, organisations, view.manualScores) });
  }
}
