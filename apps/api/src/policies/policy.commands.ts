import { faqKind, policyKind, type FaqCommand, type PolicyCommand } from '@sme/domain';
import type { KindCommands } from '../commands/kind-command';
import type { PolicyCommandBody } from './policy.messages';

export const policyCommands: KindCommands<PolicyCommand, PolicyCommandBody> = {
  kind: policyKind,
  idOf: (command) => command.data.policyId,
  // The legal basis of a policy's events is its own document number.
  async complete(command, _ctx, { records }) {
    if (command.type === 'PublishPolicy') return { command, legalBasis: command.data.documentNumber };
    const state = await records.state(policyKind, command.data.policyId);
    if (state.status === 'NONE') return { command };
    return { command, legalBasis: (command.type === 'AmendPolicy' && command.data.changes.documentNumber) || state.documentNumber };
  },
};

export const faqCommands: KindCommands<FaqCommand> = { kind: faqKind, idOf: (command) => command.data.faqId };
