import { applicationKind, DomainError, type ApplicationCommand, type PanelCandidate, recordNotFound } from '@sme/domain';
import { panelCandidateOf } from '@sme/domain/expert/expert.panel';
import type { CommandBody } from '../commands/command-body';
import type { KindCommands } from '../commands/kind-command';
import type { RecordLoader } from '../records/record-loader';
import type { ApplicationCommandBody } from './application.messages';

const NEEDS_CALL = new Set(['CreateApplication', 'SubmitApplication', 'ReviewByDistrict']);

const applicationNotFound = () => recordNotFound(applicationKind.label);

/**
 * Each proposed expert as the expert registry has them at the panel's business time (name,
 * organisation then, availability then); what the request says of them is not used.
 */
function panelCandidates(records: RecordLoader, experts: readonly Pick<PanelCandidate, 'expertId'>[], at: Date): Promise<PanelCandidate[]> {
  return Promise.all(
    (Array.isArray(experts) ? experts : []).map(async ({ expertId }) =>
      typeof expertId === 'string' && expertId.trim() !== '' ? panelCandidateOf(expertId.trim(), await records.expert(expertId.trim()), at) : { expertId },
    ),
  );
}

/** An application's events rest on its call's document; the rules that need the call get its snapshot. */
export const applicationCommands: KindCommands<ApplicationCommand, ApplicationCommandBody> = {
  kind: applicationKind,
  idOf: (command) => command.data.applicationId,
  async complete(command, ctx, { records }) {
    const { applicationId } = command.data;
    const callId =
      command.type === 'CreateApplication' ? command.data.callId : await records.callIdOf(applicationKind.streamId(applicationId), applicationNotFound);
    const call = await records.callSnapshot(callId);
    const { callId: _callId, ...rest } = command.data as typeof command.data & { callId?: string };
    let data: object = NEEDS_CALL.has(command.type) ? { ...rest, call } : rest;
    if (command.type === 'FormExpertPanel') data = { ...rest, experts: await panelCandidates(records, command.data.experts, ctx.occurredAt) };
    return { command: { type: command.type, data } as CommandBody<ApplicationCommand>, legalBasis: call.documentNumber };
  },
  restate(error, command) {
    // The request nests the material under `material`; the command carries it flat.
    if (command.type === 'AttachMaterial' && error instanceof DomainError && error.field && !error.field.startsWith('call.')) {
      return new DomainError(error.code, error.kind, error.messageZh, error.messageEn, `material.${error.field}`);
    }
    return error;
  },
};
