import { grant, type AccessPolicy } from '../shared/access';
import type { EvaluationCommand } from './evaluation.commands';
import type { EvaluationState, ExistingEvaluation } from './evaluation.state';

const cityOf = (e: ExistingEvaluation | undefined, data: unknown) => e?.cityCode ?? (data as { cityCode?: unknown }).cityCode as string | undefined;
/** Evaluators work inside their region (a city's, or the province's for all its cities). */
const evaluators = grant<ExistingEvaluation, unknown>({ roles: ['EVALUATOR'], region: { of: cityOf, match: 'within' } });
const ofTheCity = (role: 'CITY_AUTHORITY' | 'HUB') => grant<ExistingEvaluation, unknown>({ roles: [role], region: { of: (e) => e?.cityCode, match: 'same' } });

/** Who may do what in a year's evaluation (粤经信服务〔2016〕334号 五（四）: 综合评价考核, 优胜劣汰). */
export const evaluationAccess: AccessPolicy<EvaluationCommand, EvaluationState> = {
  RunEvaluation: [evaluators],
  RecordManualScore: [evaluators],
  PublishEvaluation: [ofTheCity('CITY_AUTHORITY')],
  CommendOrganisation: [ofTheCity('CITY_AUTHORITY')],
  // 优胜劣汰: the hub, which proposes revocations and removals, acts on the flags.
  ActOnFlag: [ofTheCity('HUB')],
};
