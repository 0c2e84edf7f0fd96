import { chinaTimeOf, notFound, stationKind } from '@sme/domain';
import { projectStation, type StationView } from '@sme/read-models';
import type { RecordReading } from '../records/record-query';
import { stationNotFound } from './station.commands';

/** A station; with `asOf`, replayed from its events up to that business time. */
export const stationReading: RecordReading<StationView> = {
  kind: stationKind,
  project: projectStation,
  missing: stationNotFound,
  notYet: (asOf) =>
    notFound('STATION_NOT_YET_DESIGNATED', `服务站在 ${chinaTimeOf(asOf)} 时尚未授牌`, `The station had not been designated at ${chinaTimeOf(asOf)}`),
};
