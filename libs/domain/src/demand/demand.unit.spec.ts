import { anActor, commandsOn, commandWith, given, GZ, gzHub, HAIZHU, haizhuAuthority, szHub, TIANHE, tianheAuthority, type CommandData } from '../shared/testing';
import type { DemandCommand, RaiseDemand } from './demand.commands';
import { DEMAND_ESCALATE_AFTER_DAYS_DEFAULT, demandDecider } from './demand.decider';
import { demandKind } from './demand.kind';
import type { DemandEvent } from './demand.events';

const ENTERPRISE_USCC = '91440106MA59C3PL24';
const DEMAND_ID = 'demand-001';
const enterprise = anActor('ENTERPRISE', TIANHE, 'ent-user', ENTERPRISE_USCC);
const otherEnterprise = anActor('ENTERPRISE', TIANHE, 'other-ent-user', '914401056187432107');
const tianheStation = anActor('STATION_OPERATOR', TIANHE, 'th-op', 'org-tianhe-station');
const otherTianheStation = anActor('STATION_OPERATOR', TIANHE, 'th-op-2', 'org-tianhe-station-2');
const haizhuStation = anActor('STATION_OPERATOR', HAIZHU, 'hz-op', 'org-haizhu-station');
const RAISED_AT = '2024-03-01T02:00:00.000Z';
const NOW = '2024-03-02T10:00:00+08:00';
const NOW_ISO = new Date(NOW).toISOString();

const demandData: RaiseDemand['data'] = {
  demandId: DEMAND_ID,
  enterpriseId: 'enterprise-7',
  enterpriseUscc: ENTERPRISE_USCC,
  enterpriseRegionCode: TIANHE,
  category: 'FINANCE',
  description: '需要一笔200万元的流动资金贷款，希望对接银行。',
  urgency: 'HIGH',
};
const raise = commandWith('RaiseDemand', demandData, enterprise, NOW);
type DataOf<T extends DemandCommand['type']> = CommandData<DemandCommand, T, 'demandId'>;
const cmd = commandsOn<DemandCommand>()({ demandId: DEMAND_ID }, tianheStation, NOW);
const accept = (actor = tianheStation, stationId = 'station-007') => cmd('AcceptDemand', { stationId }, actor);
const matchTo = (providerId = 'provider-42', actor = tianheStation, productId?: string) =>
  cmd('MatchDemand', { providerId, ...(productId === undefined ? {} : { productId }) }, actor);
const resolve = (satisfaction?: unknown, actor = tianheStation) =>
  cmd('ResolveDemand', { outcome: '已获银行授信150万元', ...(satisfaction === undefined ? {} : { satisfaction }) } as DataOf<'ResolveDemand'>, actor);
const close = (reason: string, actor = enterprise, note = '已自行解决') => cmd('CloseDemand', { reason, note } as DataOf<'CloseDemand'>, actor);
const escalate = (now: string, actor = gzHub, escalateAfterDays?: unknown) =>
  cmd('EscalateDemand', (escalateAfterDays === undefined ? {} : { escalateAfterDays }) as DataOf<'EscalateDemand'>, actor, now);

const raised: DemandEvent = { type: 'DemandRaised', data: { ...demandData, raisedAt: RAISED_AT } };
const accepted: DemandEvent = { type: 'DemandAccepted', data: { demandId: DEMAND_ID, stationId: 'station-007', acceptedByOrgId: 'org-tianhe-station', acceptedAt: '2024-03-01T06:00:00.000Z' } };
const acceptedByHub: DemandEvent = { type: 'DemandAccepted', data: { demandId: DEMAND_ID, stationId: 'station-007', acceptedByOrgId: 'org-gz-hub', acceptedAt: '2024-03-01T06:00:00.000Z' } };
const matched: DemandEvent = { type: 'DemandMatched', data: { demandId: DEMAND_ID, providerId: 'provider-42', matchedAt: '2024-03-01T08:00:00.000Z' } };
const resolved: DemandEvent = { type: 'DemandResolved', data: { demandId: DEMAND_ID, outcome: '已解决', satisfaction: 4, resolvedAt: '2024-03-01T09:00:00.000Z' } };
const closed: DemandEvent = { type: 'DemandClosed', data: { demandId: DEMAND_ID, reason: 'WITHDRAWN', note: '不需要了', closedAt: '2024-03-01T09:00:00.000Z' } };
const escalated: DemandEvent = {
  type: 'DemandEscalated',
  data: { demandId: DEMAND_ID, to: TIANHE, daysUnaccepted: 3, escalateAfterDays: 3, escalatedAt: '2024-03-04T03:00:00.000Z' },
};

describe('Demand (服务需求库)', () => {
  describe('RaiseDemand', () => {
    it('records the enterprise’s own demand', () => {
      given(demandKind, [])
        .when(raise())
        .then([{ type: 'DemandRaised', data: { ...demandData, raisedAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ status: 'RAISED', matches: [], enterpriseRegionCode: TIANHE }));
    });

    it('records the station that raised it on the enterprise’s behalf', () => {
      given(demandKind, [])
        .when(raise({ stationId: 'station-007' }, tianheStation))
        .then([{ type: 'DemandRaised', data: { ...demandData, raisedByStationId: 'station-007', raisedAt: NOW_ISO } }]);
      given(demandKind, []).when(raise({}, tianheStation)).thenThrows('FIELD_REQUIRED', { field: 'stationId' });
      given(demandKind, []).when(raise({ stationId: 'station-007' })).thenThrows('FIELD_INVALID', { field: 'stationId' });
    });

    it('is for the enterprise itself or a station of its district', () => {
      given(demandKind, []).when(raise({}, otherEnterprise)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(demandKind, []).when(raise({ stationId: 'station-009' }, haizhuStation)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(demandKind, []).when(raise({}, gzHub)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it('knows the enterprise however its USCC is typed (one organisation, one comparison)', () => {
      given(demandKind, []).when(raise({}, anActor('ENTERPRISE', TIANHE, 'ent-user', ` ${ENTERPRISE_USCC.toLowerCase()}`))).thenEmits(['DemandRaised']);
      given(demandKind, [raised]).when(close('WITHDRAWN', anActor('ENTERPRISE', TIANHE, 'ent-user', ENTERPRISE_USCC.toLowerCase()))).thenEmits(['DemandClosed']);
    });

    it('places the enterprise in a district', () => {
      given(demandKind, []).when(raise({ enterpriseRegionCode: GZ })).thenThrows('DISTRICT_CODE_INVALID', { kind: 'VALIDATION', field: 'enterpriseRegionCode' });
      given(demandKind, []).when(raise({ enterpriseRegionCode: '440199' })).thenThrows('DISTRICT_CODE_INVALID');
    });

    it('checks its fields', () => {
      given(demandKind, []).when(raise({ enterpriseUscc: '91440106MA59C3PL25' }, anActor('ENTERPRISE', TIANHE, 'x', '91440106MA59C3PL25'))).thenThrows('USCC_INVALID', { field: 'enterpriseUscc' });
      given(demandKind, []).when(raise({ category: 'LOANS' })).thenThrows('FIELD_INVALID', { field: 'category' });
      given(demandKind, []).when(raise({ urgency: 'ASAP' })).thenThrows('FIELD_INVALID', { field: 'urgency' });
      given(demandKind, []).when(raise({ description: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'description' });
      given(demandKind, []).when(raise({ demandId: '' })).thenThrows('FIELD_REQUIRED', { field: 'demandId' });
      given(demandKind, []).when(raise({ enterpriseId: '' })).thenThrows('FIELD_REQUIRED', { field: 'enterpriseId' });
    });

    it('raises once', () => {
      given(demandKind, [raised]).when(raise()).thenThrows('DEMAND_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });
  });

  describe('AcceptDemand (受理)', () => {
    it('records the accepting station and organisation', () => {
      given(demandKind, [raised])
        .when(accept())
        .then([{ type: 'DemandAccepted', data: { demandId: DEMAND_ID, stationId: 'station-007', acceptedByOrgId: 'org-tianhe-station', acceptedAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ status: 'ACCEPTED', acceptance: { stationId: 'station-007' } }));
    });

    it('is for a station of the district or the city’s hub', () => {
      given(demandKind, [raised]).when(accept(gzHub)).thenEmits(['DemandAccepted']);
      given(demandKind, [raised]).when(accept(haizhuStation)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(demandKind, [raised]).when(accept(szHub)).thenThrows('REGION_NOT_PERMITTED');
      given(demandKind, [raised]).when(accept(enterprise)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('accepts once, and not a finished demand', () => {
      given(demandKind, [raised, accepted]).when(accept()).thenThrows('DEMAND_ALREADY_ACCEPTED', { kind: 'CONFLICT' });
      given(demandKind, [raised, closed]).when(accept()).thenThrows('DEMAND_ALREADY_FINISHED', { kind: 'CONFLICT' });
    });

    it('still accepts an escalated demand', () => {
      const state = given(demandKind, [raised, escalated]).when(accept()).thenEmits(['DemandAccepted']).state;
      expect(state).toMatchObject({ status: 'ACCEPTED', escalation: { to: TIANHE } });
    });

    it('needs the station', () => {
      given(demandKind, [raised]).when(accept(tianheStation, ' ')).thenThrows('FIELD_REQUIRED', { field: 'stationId' });
    });
  });

  describe('MatchDemand (服务对接)', () => {
    it('matches a provider and product after acceptance', () => {
      given(demandKind, [raised, accepted])
        .when(matchTo('provider-42', tianheStation, 'product-001'))
        .then([{ type: 'DemandMatched', data: { demandId: DEMAND_ID, providerId: 'provider-42', productId: 'product-001', matchedAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ status: 'MATCHED', matches: [{ providerId: 'provider-42', productId: 'product-001' }] }));
    });

    it('keeps earlier matches when matched again', () => {
      const state = given(demandKind, [raised, accepted, matched]).when(matchTo('provider-43')).thenEmits(['DemandMatched']).state;
      expect(state.status !== 'NONE' && state.matches.map((m) => m.providerId)).toEqual(['provider-42', 'provider-43']);
    });

    it('needs acceptance first', () => {
      given(demandKind, [raised]).when(matchTo()).thenThrows('DEMAND_NOT_ACCEPTED', { kind: 'CONFLICT' });
    });

    it('is for the accepting station or the hub', () => {
      given(demandKind, [raised, accepted]).when(matchTo('provider-42', gzHub)).thenEmits(['DemandMatched']);
      given(demandKind, [raised, accepted]).when(matchTo('provider-42', otherTianheStation)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(demandKind, [raised, acceptedByHub]).when(matchTo('provider-42', tianheStation)).thenThrows('NOT_OWNER');
      given(demandKind, [raised, accepted]).when(matchTo('provider-42', haizhuStation)).thenThrows('REGION_NOT_PERMITTED');
    });

    it('needs the provider', () => {
      given(demandKind, [raised, accepted]).when(matchTo(' ')).thenThrows('FIELD_REQUIRED', { field: 'providerId' });
      given(demandKind, [raised, accepted]).when(matchTo('provider-42', tianheStation, '')).thenThrows('FIELD_REQUIRED', { field: 'productId' });
    });
  });

  describe('ResolveDemand (解决与回访)', () => {
    it('resolves with the enterprise’s rating', () => {
      given(demandKind, [raised, accepted, matched])
        .when(resolve(3))
        .then([{ type: 'DemandResolved', data: { demandId: DEMAND_ID, outcome: '已获银行授信150万元', satisfaction: 3, resolvedAt: NOW_ISO } }])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'RESOLVED', resolution: { satisfaction: 3 } });
          expect(state).not.toHaveProperty('followUp');
        });
    });

    it.each([1, 2])('a rating of %i is 差评 and opens a follow-up', (satisfaction) => {
      given(demandKind, [raised, accepted, matched])
        .when(resolve(satisfaction))
        .then([
          { type: 'DemandResolved', data: { demandId: DEMAND_ID, outcome: '已获银行授信150万元', satisfaction, resolvedAt: NOW_ISO } },
          { type: 'DemandFollowUpOpened', data: { demandId: DEMAND_ID, satisfaction, openedAt: NOW_ISO } },
        ])
        .andState((state) => expect(state).toMatchObject({ status: 'RESOLVED', followUp: { satisfaction, openedAt: NOW_ISO } }));
    });

    it.each([3, 4, 5])('a rating of %i opens none', (satisfaction) => {
      given(demandKind, [raised, accepted]).when(resolve(satisfaction)).thenEmits(['DemandResolved']);
    });

    it('may be resolved without a rating, straight after acceptance', () => {
      given(demandKind, [raised, accepted])
        .when(resolve())
        .then([{ type: 'DemandResolved', data: { demandId: DEMAND_ID, outcome: '已获银行授信150万元', resolvedAt: NOW_ISO } }]);
    });

    it('names the delivery that met it, when the ledger resolves it from a confirmed delivery', () => {
      const deliveryId = '6a0d7b52-3f7e-4c1a-9a55-0b7c2f1d8e01';
      given(demandKind, [raised, accepted, matched])
        .when(cmd('ResolveDemand', { outcome: '服务项目已交付并经确认', deliveryId }, gzHub))
        .then([{ type: 'DemandResolved', data: { demandId: DEMAND_ID, outcome: '服务项目已交付并经确认', deliveryId, resolvedAt: NOW_ISO } }]);
      given(demandKind, [raised, accepted, matched]).when(cmd('ResolveDemand', { outcome: 'x', deliveryId: ' ' }, gzHub)).thenThrows('FIELD_REQUIRED', { field: 'deliveryId' });
    });

    it.each([0, 6, 2.5, '5'])('refuses a rating of %p', (satisfaction) => {
      given(demandKind, [raised, accepted]).when(resolve(satisfaction)).thenThrows('FIELD_INVALID', { field: 'satisfaction' });
    });

    it('needs acceptance, an outcome, and an open demand', () => {
      given(demandKind, [raised]).when(resolve(4)).thenThrows('DEMAND_NOT_ACCEPTED');
      given(demandKind, [raised, accepted]).when(cmd('ResolveDemand', { outcome: '' })).thenThrows('FIELD_REQUIRED', { field: 'outcome' });
      given(demandKind, [raised, accepted, resolved]).when(resolve(4)).thenThrows('DEMAND_ALREADY_FINISHED');
    });

    it('is for the accepting station or the hub', () => {
      given(demandKind, [raised, accepted]).when(resolve(4, otherTianheStation)).thenThrows('NOT_OWNER');
      given(demandKind, [raised, accepted]).when(resolve(4, gzHub)).thenEmits(['DemandResolved']);
      given(demandKind, [raised, accepted]).when(resolve(4, enterprise)).thenThrows('ROLE_NOT_PERMITTED');
    });
  });

  describe('CloseDemand', () => {
    it('lets the enterprise withdraw its demand', () => {
      given(demandKind, [raised, accepted])
        .when(close('WITHDRAWN'))
        .then([{ type: 'DemandClosed', data: { demandId: DEMAND_ID, reason: 'WITHDRAWN', note: '已自行解决', closedAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ status: 'CLOSED', closure: { reason: 'WITHDRAWN' } }));
    });

    it('leaves “unresolvable” to the station side', () => {
      given(demandKind, [raised]).when(close('UNRESOLVABLE')).thenThrows('CLOSE_REASON_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(demandKind, [raised, accepted]).when(close('UNRESOLVABLE', tianheStation, '超出服务范围')).thenEmits(['DemandClosed']);
      given(demandKind, [raised]).when(close('UNRESOLVABLE', gzHub, '超出服务范围')).thenEmits(['DemandClosed']);
    });

    it('is for the enterprise itself, the accepting station or the hub', () => {
      given(demandKind, [raised]).when(close('WITHDRAWN', otherEnterprise)).thenThrows('NOT_OWNER');
      given(demandKind, [raised, accepted]).when(close('UNRESOLVABLE', otherTianheStation)).thenThrows('NOT_OWNER');
      given(demandKind, [raised]).when(close('UNRESOLVABLE', haizhuAuthority)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('closes an open demand, with a known reason and a note', () => {
      given(demandKind, [raised, accepted, resolved]).when(close('WITHDRAWN')).thenThrows('DEMAND_ALREADY_FINISHED', { kind: 'CONFLICT' });
      given(demandKind, [raised, closed]).when(close('WITHDRAWN')).thenThrows('DEMAND_ALREADY_FINISHED');
      given(demandKind, [raised]).when(close('DUPLICATE')).thenThrows('FIELD_INVALID', { field: 'reason' });
      given(demandKind, [raised]).when(close('WITHDRAWN', enterprise, '')).thenThrows('FIELD_REQUIRED', { field: 'note' });
    });
  });

  describe('EscalateDemand (反映诉求)', () => {
    it(`waits more than ${DEMAND_ESCALATE_AFTER_DAYS_DEFAULT} days by default`, () => {
      expect(DEMAND_ESCALATE_AFTER_DAYS_DEFAULT).toBe(3);
      given(demandKind, [raised]).when(escalate('2024-03-04T02:00:00.000Z')).thenThrows('ESCALATION_TOO_EARLY', { kind: 'CONFLICT' });
      given(demandKind, [raised])
        .when(escalate('2024-03-04T02:01:00.000Z'))
        .then([
          {
            type: 'DemandEscalated',
            data: { demandId: DEMAND_ID, to: TIANHE, daysUnaccepted: 3, escalateAfterDays: 3, escalatedAt: '2024-03-04T02:01:00.000Z' },
          },
        ])
        .andState((state) => expect(state).toMatchObject({ status: 'RAISED', escalation: { to: TIANHE, daysUnaccepted: 3 } }));
    });

    it('counts whole days waited', () => {
      const [event] = demandDecider.decide(escalate('2024-03-08T01:00:00.000Z'), given(demandKind, [raised]).state);
      expect(event.data).toMatchObject({ daysUnaccepted: 6 });
    });

    it('takes another waiting time from the command', () => {
      given(demandKind, [raised]).when(escalate('2024-03-05T02:00:00.000Z', gzHub, 5)).thenThrows('ESCALATION_TOO_EARLY');
      given(demandKind, [raised]).when(escalate('2024-03-02T02:00:00.000Z', gzHub, 1)).thenThrows('ESCALATION_TOO_EARLY');
      given(demandKind, [raised]).when(escalate('2024-03-02T02:00:01.000Z', gzHub, 1)).thenEmits(['DemandEscalated']);
      given(demandKind, [raised]).when(escalate('2024-03-20T02:00:00.000Z', gzHub, 0)).thenThrows('FIELD_INVALID', { field: 'escalateAfterDays' });
    });

    it('does not escalate once accepted, finished, or already escalated', () => {
      const late = '2024-03-10T02:00:00.000Z';
      given(demandKind, [raised, accepted]).when(escalate(late)).thenThrows('DEMAND_ALREADY_ACCEPTED', { kind: 'CONFLICT' });
      given(demandKind, [raised, closed]).when(escalate(late)).thenThrows('DEMAND_ALREADY_FINISHED');
      given(demandKind, [raised, escalated]).when(escalate(late)).thenThrows('DEMAND_ALREADY_ESCALATED', { kind: 'CONFLICT' });
    });

    it('is sent as the city’s hub or the district authority', () => {
      const late = '2024-03-10T02:00:00.000Z';
      given(demandKind, [raised]).when(escalate(late, tianheAuthority)).thenEmits(['DemandEscalated']);
      given(demandKind, [raised]).when(escalate(late, haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(demandKind, [raised]).when(escalate(late, szHub)).thenThrows('REGION_NOT_PERMITTED');
      given(demandKind, [raised]).when(escalate(late, tianheStation)).thenThrows('ROLE_NOT_PERMITTED');
    });
  });

  it.each<DemandCommand>([accept(), matchTo(), resolve(4), close('WITHDRAWN'), escalate('2024-03-10T02:00:00.000Z')])(
    '$type on a demand that does not exist is DEMAND_NOT_FOUND',
    (command) => {
      given(demandKind, []).when(command).thenThrows('DEMAND_NOT_FOUND', { kind: 'NOT_FOUND' });
    },
  );
});
