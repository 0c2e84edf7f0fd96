import { evaluationKind, evaluationSchemeKind, isCityCode, isWithinRegion, type Actor, type Role } from '@sme/domain';
import { projectEvaluation, projectEvaluationScheme, type EvaluationSchemeView, type EvaluationView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { readingOf } from '../records/record-query';
import { regionalRead } from '../records/read-scope';

/** Who reads evaluations and their schemes: ADMIN all; the evaluators, oversight roles, authorities and the hub inside their region. */
const READS_REGION: readonly Role[] = ['EVALUATOR', 'AUDITOR', 'SUPERVISOR', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB'];
export const EVALUATION_READERS: readonly Role[] = ['ADMIN', ...READS_REGION];

const mayRead = (actor: Actor, record: { cityCode: string }) => regionalRead(actor, READS_REGION, record.cityCode) ?? false;

export const evaluationReading = readingOf<EvaluationView>(evaluationKind, projectEvaluation, {
  mayRead,
  forbidden: () => ApiError.forbidden('EVALUATION_READ_FORBIDDEN', '无权查看该综合评价', 'You may not read this evaluation'),
});

export const evaluationSchemeReading = readingOf<EvaluationSchemeView>(evaluationSchemeKind, projectEvaluationScheme, {
  mayRead,
  forbidden: () => ApiError.forbidden('EVALUATION_SCHEME_READ_FORBIDDEN', '无权查看该评价方案', 'You may not read this evaluation scheme'),
});

/**
 * The city a list reader reads: a city-level reader its own city (another is 403); a province-level
 * one the city asked, inside its province (it must name one); a district-level one none, since
 * evaluations are a city's.
 */
export function cityOfReader(actor: Actor, asked: string | undefined): string {
  const city = isCityCode(actor.regionCode) ? actor.regionCode : asked;
  if (city === undefined || !isCityCode(city) || !isWithinRegion(city, actor.regionCode) || (asked !== undefined && asked !== city)) {
    throw ApiError.forbidden('EVALUATION_READ_FORBIDDEN', `无权查看 ${asked ?? actor.regionCode} 的综合评价`, `You may not read the evaluations of ${asked ?? actor.regionCode}`);
  }
  return city;
}
