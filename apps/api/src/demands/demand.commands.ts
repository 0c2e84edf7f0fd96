import { demandKind, enterpriseKind, type DemandCommand, recordNotFound } from '@sme/domain';
import { projectEnterprise } from '@sme/read-models';
import type { KindCommands } from '../commands/kind-command';
import type { DemandCommandBody } from './demand.messages';

const enterpriseNotFound = () => recordNotFound(enterpriseKind.label);

export const demandCommands: KindCommands<DemandCommand, DemandCommandBody> = {
  kind: demandKind,
  idOf: (command) => command.data.demandId,
  async complete(command, _ctx, { records }) {
    if (command.type !== 'RaiseDemand') return { command };
    // The USCC (whose the demand is) and the district (who takes it up, where it is escalated) come from the enterprise's record.
    const enterprise = await records.view(enterpriseKind, projectEnterprise, command.data.enterpriseId, { missing: enterpriseNotFound });
    return { command: { type: 'RaiseDemand', data: { ...command.data, enterpriseUscc: enterprise.uscc, enterpriseRegionCode: enterprise.regionCode } } };
  },
};
