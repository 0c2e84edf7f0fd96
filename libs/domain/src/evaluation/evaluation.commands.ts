import type { DomainCommand } from '../shared/decider';
import type { EvaluationEvents } from './evaluation.events';

/** The handler computes the organisations' figures from the log up to `position`. */
export type RunEvaluation = DomainCommand<'RunEvaluation', Omit<EvaluationEvents['EvaluationRun']['data'], 'runAt'>>;
export type RecordManualScore = DomainCommand<'RecordManualScore', Omit<EvaluationEvents['ManualScoresRecorded']['data'], 'evaluatorId' | 'recordedAt'>>;
export type PublishEvaluation = DomainCommand<'PublishEvaluation', { evaluationId: string }>;
export type CommendOrganisation = DomainCommand<'CommendOrganisation', Omit<EvaluationEvents['OrganisationCommended']['data'], 'commendedAt'>>;
/** Written after the station's proposal (or the provider's removal) it names. */
export type ActOnFlag = DomainCommand<'ActOnFlag', Omit<EvaluationEvents['FlagActedOn']['data'], 'flags' | 'actedAt'>>;

export type EvaluationCommand = RunEvaluation | RecordManualScore | PublishEvaluation | CommendOrganisation | ActOnFlag;
