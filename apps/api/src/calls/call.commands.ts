import { callKind, type CallCommand } from '@sme/domain';
import type { KindCommands } from '../commands/kind-command';
import type { CallCommandBody } from './call.messages';

/** A call's events rest on the document that opened it. */
export const callCommands: KindCommands<CallCommand, CallCommandBody> = {
  kind: callKind,
  idOf: (command) => command.data.callId,
  async complete(command, _ctx, { records }) {
    const legalBasis = command.type === 'OpenCall' ? command.data.documentNumber : (await records.call(command.data.callId)).documentNumber;
    return { command, legalBasis };
  },
};
