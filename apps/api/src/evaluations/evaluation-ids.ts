import type { EvaluationSubject } from '@sme/domain';
import { derivedId } from '../records/derived-id';

/** One scheme and one evaluation per city, year and subject: their ids follow from the three. */
export const schemeIdOf = (cityCode: string, year: number, subject: EvaluationSubject) => derivedId('evalscheme', cityCode, year, subject);
export const evaluationIdOf = (cityCode: string, year: number, subject: EvaluationSubject) => derivedId('evaluation', cityCode, year, subject);
/** The proposal (or removal) a flag becomes: the same one however often the hub asks. */
export const flagProposalIdOf = (evaluationId: string, organisationId: string) => derivedId('evaluation-flag', evaluationId, organisationId);
