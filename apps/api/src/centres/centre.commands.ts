import { centreKind, inPoolOn, notFound, providerKind, type CentreCommand } from '@sme/domain';
import type { KindCommands } from '../commands/kind-command';
import type { CentreCommandBody } from './centre.messages';

/** Linking providers reads each provider's record: as it stands, and whether it is in the 库 at the act. */
export const centreCommands: KindCommands<CentreCommand, CentreCommandBody> = {
  kind: centreKind,
  idOf: (command) => command.data.centreId,
  async complete(command, ctx, { records }) {
    if (command.type !== 'LinkCentreProviders') return { command };
    const providers = [];
    for (const [i, providerId] of command.data.providerIds.entries()) {
      const provider = await records.state(providerKind, providerId);
      if (provider.status === 'NONE') throw notFound('PROVIDER_NOT_FOUND', `服务机构不存在（providerIds.${i}）`, `The provider does not exist (providerIds.${i})`);
      const { uscc, name, regionCode } = provider;
      providers.push({ providerId, uscc, name, regionCode, inPool: inPoolOn(provider, ctx.occurredAt) });
    }
    return { command: { type: 'LinkCentreProviders', data: { centreId: command.data.centreId, providers } } };
  },
};
