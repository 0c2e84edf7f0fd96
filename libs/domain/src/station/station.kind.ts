import { defineKind } from '../shared/record-kind';
import { stationAccess } from './station.access';
import { stationDecider, STATION_RECORD } from './station.decider';
import { STATION_EVENTS } from './station.events';

/** 服务站: designated from a published list, bound by the 服务公约, revoked or withdrawn. */
export const stationKind = defineKind({
  name: 'station',
  labelZh: '服务站',
  label: STATION_RECORD,
  decider: stationDecider,
  access: stationAccess,
  events: STATION_EVENTS,
  publication: { topic: 'stations.v1', typeNamespace: 'cn.sme-ledger.station' },
});
