import { addCalendarDays, chinaDateOf, stationKind, type SatisfactionFigures, type StationCommand, recordNotFound } from '@sme/domain';
import { deliveryFigures } from '@sme/read-models';
import type { KindCommands } from '../commands/kind-command';
import type { ReadSide } from '../read-side/read-side.service';
import type { StationCommandBody } from './station.messages';

export const stationNotFound = () => recordNotFound(stationKind.label);

/** The station's delivery figures of the twelve months up to `today` (both ends included). */
async function stationFigures(readSide: ReadSide, stationId: string, today: string): Promise<SatisfactionFigures> {
  const from = addCalendarDays(today, -364);
  await readSide.requireCurrent(['deliveries', 'followups']);
  const f = await deliveryFigures(readSide.reader, { serverKind: 'STATION', serverId: stationId, from, until: today });
  return {
    from,
    until: today,
    deliveries: f.deliveries,
    ratings: f.ratings,
    averageRating: f.averageRating,
    poorRatings: f.poorRatings,
    followUps: f.followUps,
    followUpsClosedOnTime: f.followUpsClosedOnTime,
    returnVisitRate: f.returnVisitRate,
  };
}

/** A station's events rest on the call that designated it; a proposal on 服务满意度低 cites the station's figures. */
export const stationCommands: KindCommands<StationCommand, StationCommandBody> = {
  kind: stationKind,
  idOf: (command) => command.data.stationId,
  async complete(command, ctx, { records, readSide }) {
    const call = await records.call(await records.callIdOf(stationKind.streamId(command.data.stationId), stationNotFound));
    if (command.type === 'ProposeRevocation' && Array.isArray(command.data.grounds) && command.data.grounds.includes('LOW_SATISFACTION')) {
      const satisfactionFigures = await stationFigures(readSide, command.data.stationId, chinaDateOf(ctx.occurredAt));
      return { command: { ...command, data: { ...command.data, satisfactionFigures } }, legalBasis: call.documentNumber };
    }
    return { command, legalBasis: call.documentNumber };
  },
};
