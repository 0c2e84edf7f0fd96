import { authorize, notFound, providerKind, stationKind, type ProviderCommand, type SettleAtStation } from '@sme/domain';
import type { KindCommands } from '../commands/kind-command';
import type { RequestContext } from '../commands/request-context';
import { ApiError } from '../http/api-error';
import type { RecordLoader } from '../records/record-loader';
import type { ProviderCommandBody } from './provider.messages';

export const providerNotFound = () => notFound('PROVIDER_NOT_FOUND', '服务机构不存在', 'The provider does not exist');

/**
 * 入驻 needs a station that exists, is ACTIVE and lies in the provider's city. The provider's access
 * gate runs first, as the executor runs it, so a caller who may not act learns nothing of the station.
 */
async function requireStationFor(records: RecordLoader, command: SettleAtStation): Promise<void> {
  const provider = await records.state(providerKind, command.data.providerId);
  authorize(providerKind.access, command, provider);
  if (provider.status === 'NONE') throw providerNotFound();
  const station = await records.state(stationKind, command.data.stationId);
  if (station.status === 'NONE') throw notFound('STATION_NOT_FOUND', '服务站不存在', 'The station does not exist');
  if (station.status !== 'ACTIVE') {
    throw ApiError.conflict('STATION_NOT_ACTIVE', `服务站已${station.status === 'REVOKED' ? '撤销' : '退出'}，不能入驻`, `The station is ${station.status} and takes no providers`);
  }
  if (station.cityCode !== provider.cityCode) {
    throw ApiError.conflict(
      'STATION_OUTSIDE_PROVIDER_CITY',
      `服务站（${station.cityCode}）不在服务机构所在城市（${provider.cityCode}）`,
      `The station (${station.cityCode}) is not in the provider's city (${provider.cityCode})`,
    );
  }
}

const withMetadata = (command: Omit<SettleAtStation, 'metadata'>, ctx: RequestContext): SettleAtStation => ({ ...command, metadata: { now: ctx.occurredAt, actor: ctx.actor } });

/** An evaluation is marked against the configured pass mark; 入驻 checks the station first. */
export const providerCommands: KindCommands<ProviderCommand, ProviderCommandBody> = {
  kind: providerKind,
  idOf: (command) => command.data.providerId,
  async complete(command, ctx, { records, config }) {
    if (command.type === 'RecordMonitoringEvaluation') return { command: { ...command, data: { ...command.data, passMark: config.providerPassMark } } };
    if (command.type === 'SettleAtStation') await requireStationFor(records, withMetadata(command, ctx));
    return { command };
  },
};
