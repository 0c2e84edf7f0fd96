import { notFound, stationKind, type StationCommand } from '@sme/domain';
import type { KindCommands } from '../commands/kind-command';
import type { StationCommandBody } from './station.messages';

export const stationNotFound = () => notFound('STATION_NOT_FOUND', '服务站不存在', 'The station does not exist');

/** A station's events rest on the call that designated it. */
export const stationCommands: KindCommands<StationCommand, StationCommandBody> = {
  kind: stationKind,
  idOf: (command) => command.data.stationId,
  async complete(command, _ctx, { records }) {
    const call = await records.call(await records.callIdOf(stationKind.streamId(command.data.stationId), stationNotFound));
    return { command, legalBasis: call.documentNumber };
  },
};
