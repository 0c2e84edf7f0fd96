import { chinaDateOf, enterpriseKind, sizeStandardOn, type EnterpriseCommand } from '@sme/domain';
import type { KindCommands } from '../commands/kind-command';
import type { RequestContext } from '../commands/request-context';
import type { EnterpriseCommandBody, RegisterEnterpriseBody } from './enterprise.messages';

/** The size standard the figures are classified under (the rule behind a size class change). */
export const sizeStandard = (ctx: RequestContext): string | undefined => sizeStandardOn(chinaDateOf(ctx.occurredAt))?.documentNumber;

/** Every enterprise command but 入库, which reserves the USCC first (RegisterEnterpriseCommand). */
export const enterpriseCommands: KindCommands<EnterpriseCommand, Exclude<EnterpriseCommandBody, RegisterEnterpriseBody>> = {
  kind: enterpriseKind,
  idOf: (command) => command.data.enterpriseId,
  async complete(command, ctx) {
    // A tag rests on its document; figures and a profile on the size standard they are classified under.
    const legalBasis =
      command.type === 'GrantEnterpriseTag' ? command.data.documentNumber : command.type === 'RevokeEnterpriseTag' || command.type === 'RecordEnterpriseTies' ? undefined : sizeStandard(ctx);
    return { command, legalBasis };
  },
};
