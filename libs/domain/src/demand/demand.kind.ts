import { defineKind } from '../shared/record-kind';
import { demandAccess } from './demand.access';
import { demandDecider } from './demand.decider';
import { DEMAND_EVENT_SCHEMA_VERSIONS } from './demand.events';

/** 服务需求: raised by an enterprise, taken up by a station, matched, resolved or closed, escalated when left waiting. */
export const demandKind = defineKind({
  name: 'demand',
  labelZh: '服务需求',
  decider: demandDecider,
  access: demandAccess,
  schemaVersions: DEMAND_EVENT_SCHEMA_VERSIONS,
  publication: {
    topic: 'demands.v1',
    typeNamespace: 'cn.sme-ledger.demand',
    actions: {
      DemandRaised: 'raised',
      DemandAccepted: 'accepted',
      DemandMatched: 'matched',
      DemandResolved: 'resolved',
      DemandFollowUpOpened: 'follow-up-opened',
      DemandClosed: 'closed',
      DemandEscalated: 'escalated',
    },
  },
});
