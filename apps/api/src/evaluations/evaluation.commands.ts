import {
  authorize,
  conflict,
  evaluationKind,
  evaluationSchemeKind,
  notFound,
  schemeVersion,
  type EvaluationCommand,
  type EvaluationSchemeCommand,
  type EvaluationSubject,
} from '@sme/domain';
import { evaluatedOrganisations, foldViews, viewsAt } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import type { KindCommands } from '../commands/kind-command';
import type { ReadSide } from '../read-side/read-side.service';
import type { RecordLoader } from '../records/record-loader';
import { schemeIdOf } from './evaluation-ids';

export const evaluationSchemeCommands: KindCommands<EvaluationSchemeCommand> = {
  kind: evaluationSchemeKind,
  idOf: (command) => command.data.schemeId,
};

/** A run names its scope, and optionally the scheme version and log position; the ledger computes the rest. */
export type RunEvaluationBody = {
  type: 'RunEvaluation';
  data: { evaluationId: string; cityCode: string; year: number; subject: EvaluationSubject; schemeVersion?: number; position?: string };
};
export type EvaluationCommandBody = RunEvaluationBody | CommandBody<Exclude<EvaluationCommand, { type: 'RunEvaluation' }>>;

/** The scheme version in force for the scope (the latest, or the one asked for). */
export async function schemeFor(records: RecordLoader, scope: { cityCode: string; year: number; subject: EvaluationSubject }, version?: number) {
  const schemeId = schemeIdOf(scope.cityCode, scope.year, scope.subject);
  const scheme = await records.state(evaluationSchemeKind, schemeId);
  const found = scheme.status === 'NONE' ? undefined : schemeVersion(scheme, version);
  if (found === undefined) throw notFound('EVALUATION_SCHEME_NOT_FOUND', '该年度尚未发布此评价方案（或版本）', 'No such scheme (or version) is published for the year');
  return { schemeId, ...found };
}

type Scope = { cityCode: string; year: number; subject: EvaluationSubject };

/** The organisations and their figures, folded from the whole log up to `position` only: how a rerun checks a run. */
export async function organisationsAt(records: RecordLoader, position: bigint, scope: Scope) {
  return evaluatedOrganisations(await foldViews(records.eventsUpTo(position)), scope);
}

/**
 * The same organisations and figures, from the read side as the log stood at `position`: the records
 * with no event since from their documents, the others folded from their own streams (`viewsAt`). A run
 * reads these; a rerun replays the log, so it checks the run another way (ADR 17).
 */
export async function organisationsFromReadSide(readSide: ReadSide, position: bigint, scope: Scope) {
  return evaluatedOrganisations(await viewsAt(readSide.recordTimes, position), scope);
}

export const evaluationCommands: KindCommands<EvaluationCommand, EvaluationCommandBody> = {
  kind: evaluationKind,
  idOf: (command) => command.data.evaluationId,
  async complete(command, ctx, { records, readSide }) {
    if (command.type !== 'RunEvaluation') return { command };
    const { evaluationId, cityCode, year, subject } = command.data;
    // The gate first: a refused caller learns nothing of the scheme or the log.
    authorize(evaluationKind.access, { type: 'RunEvaluation', data: command.data, metadata: { now: ctx.occurredAt, actor: ctx.actor } } as never, await records.state(evaluationKind, evaluationId));
    const scope = { cityCode, year, subject };
    const head = await records.headPosition();
    const position = command.data.position === undefined ? head : BigInt(command.data.position);
    if (position > head) throw conflict('POSITION_AHEAD', `日志位置${position}尚未写入（当前${head}）`, `Position ${position} is not yet written (the head is ${head})`);
    const scheme = await schemeFor(records, scope, command.data.schemeVersion);
    const organisations = await organisationsFromReadSide(readSide, position, scope);
    return {
      command: {
        type: 'RunEvaluation',
        data: { evaluationId, cityCode, year, subject, schemeId: scheme.schemeId, schemeVersion: scheme.version, scheme: scheme.scheme, position: String(position), organisations },
      },
    };
  },
};
