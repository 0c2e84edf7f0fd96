import { anActor, commandsOn, commandWith, given, GZ, gzHub, SZ, TIANHE } from '../shared/testing';
import type { DeliveryCommand } from './delivery.commands';
import type { DeliveryEvent } from './delivery.events';
import {
  archived,
  confirmed,
  confirmedAndRated,
  delivered,
  deliveredWith,
  DELIVERY_ID,
  disputed,
  providerStaff,
  ratedWith,
  registered,
  registration,
  servedEnterprise,
  started,
  steward,
  visited,
} from './delivery.fixtures';
import { deliveryKind } from './delivery.kind';

const NOW = '2026-03-12T10:00:00+08:00';
const NOW_ISO = new Date(NOW).toISOString();
const register = commandWith('RegisterDelivery', registration, providerStaff, '2026-03-02T09:00:00+08:00');
const cmd = commandsOn<DeliveryCommand>()({ deliveryId: DELIVERY_ID }, providerStaff, NOW);
const otherProvider = anActor('PROVIDER', GZ, 'other-provider', '91440101MA5COTHER1');
const otherEnterprise = anActor('ENTERPRISE', TIANHE, 'other-enterprise', '914401056187432107');
const szAuthority = anActor('CITY_AUTHORITY', SZ, 'sz-official');
const deliver = (changes: Record<string, unknown> = {}, when = NOW) =>
  cmd('DeliverService', { deliveredOn: '2026-03-10', outcome: '获得银行授信150万元', deliverables: [], feedbackWindowDays: 30, autoConfirmDays: 7, returnVisitSampled: false, ...changes } as never, providerStaff, when);
const rate = (rating: unknown, when = NOW, by = servedEnterprise) => cmd('RateDelivery', { feedback: { rating, comment: '评价' } } as never, by, when);
const amend = (rating: unknown, when = NOW) => cmd('AmendDeliveryRating', { feedback: { rating, comment: '修改后的评价' } } as never, servedEnterprise, when);
const archive = (followUps: { causeRevision: number; status: 'NONE' | 'OPEN' | 'CLOSED' }[] = [], when = '2026-04-15T10:00:00+08:00') =>
  cmd('ArchiveDelivery', { followUps }, steward, when);

describe('Delivery (服务项目)', () => {
  describe('RegisterDelivery', () => {
    it('records the service, the server, steward and enterprise as found, and the fee in 分', () => {
      const { facts: _, ...data } = registration;
      given(deliveryKind)
        .when(register())
        .then([{ type: 'DeliveryRegistered', data: { ...data, registeredAt: '2026-03-02T01:00:00.000Z' } }])
        .andState((s) => expect(s).toMatchObject({ status: 'REGISTERED', revision: 0, followUpCauses: [] }));
    });

    it('refuses a provider outside the 库 on the planned start date (409)', () => {
      given(deliveryKind).when(register({ facts: { serverMayServe: false } })).thenThrows('PROVIDER_NOT_IN_POOL', { kind: 'CONFLICT' });
    });

    it('refuses a station that is no longer active (409)', () => {
      const station = anActor('STATION_OPERATOR', TIANHE, 'station-op', 'org-station');
      const server = { kind: 'STATION', id: 'station-1', orgId: 'org-station', name: '天河某服务站', regionCode: TIANHE };
      given(deliveryKind).when(register({ server, steward: { role: 'HUB', regionCode: GZ }, facts: { serverMayServe: false } }, station)).thenThrows('STATION_NOT_ACTIVE');
    });

    it('lets only the serving organisation register, as the kind of organisation it is (403)', () => {
      given(deliveryKind).when(register({}, otherProvider)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      const hubAsProvider = anActor('HUB', GZ, 'hub', registration.server.orgId);
      given(deliveryKind).when(register({}, hubAsProvider)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(deliveryKind).when(register({}, servedEnterprise)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it.each([
      [{ kind: 'FREE', amountFen: 100 }, 'fee.amountFen'],
      [{ kind: 'MARKET', amountFen: 0 }, 'fee.amountFen'],
      [{ kind: 'LOW_FEE', amountFen: 12.5 }, 'fee.amountFen'],
      [{ kind: 'CHEAP', amountFen: 100 }, 'fee.kind'],
    ])('refuses the fee %j at %s', (fee, field) => {
      given(deliveryKind).when(register({ fee })).thenThrows('FIELD_INVALID', { kind: 'VALIDATION', field });
    });

    it('takes the product’s fee kind, and refuses another', () => {
      const product = { productId: '0f1e2d3c-4b5a-4697-8879-6a5b4c3d2e1f', version: 2, item: '融资诊断', feeKind: 'FREE' as const, priceFen: 0 };
      const facts = { serverMayServe: true, product: { providerId: registration.server.id, onShow: true } };
      given(deliveryKind)
        .when(register({ product, facts, fee: { amountFen: 0 } }))
        .thenEmits(['DeliveryRegistered']);
      given(deliveryKind).when(register({ product, facts })).thenThrows('FIELD_INVALID', { field: 'fee.kind' });
      given(deliveryKind)
        .when(register({ product, facts: { serverMayServe: true, product: { providerId: 'someone-else', onShow: true } }, fee: { amountFen: 0 } }))
        .thenThrows('PRODUCT_OF_ANOTHER_PROVIDER', { field: 'productId' });
      given(deliveryKind)
        .when(register({ product, facts: { serverMayServe: true, product: { providerId: registration.server.id, onShow: false } }, fee: { amountFen: 0 } }))
        .thenThrows('PRODUCT_NOT_ON_SHOW');
    });

    it('links an accepted or matched demand of the same enterprise only', () => {
      const demandId = '11111111-2222-4333-8444-555555555555';
      const demand = (stage: string, enterpriseUscc = registration.enterprise.uscc, matchedProviderId?: string) => ({
        demandId,
        facts: { serverMayServe: true, demand: { stage, enterpriseUscc, ...(matchedProviderId ? { matchedProviderId } : {}) } },
      });
      given(deliveryKind).when(register(demand('MATCHED', undefined, registration.server.id))).thenEmits(['DeliveryRegistered']);
      given(deliveryKind).when(register(demand('RESOLVED'))).thenThrows('DEMAND_NOT_OPEN', { field: 'demandId' });
      given(deliveryKind).when(register(demand('ACCEPTED', '914401056187432107'))).thenThrows('DEMAND_OF_ANOTHER_ENTERPRISE');
      given(deliveryKind).when(register(demand('MATCHED', undefined, 'another-provider'))).thenThrows('DEMAND_MATCHED_TO_ANOTHER_PROVIDER');
    });

    it.each([
      [{ plannedEnd: '2026-03-01' }, 'PLANNED_END_BEFORE_START', 'plannedEnd'],
      [{ title: ' ' }, 'FIELD_REQUIRED', 'title'],
      [{ domain: 'COOKING' }, 'FIELD_INVALID', 'domain'],
      [{ mode: 'BY_POST' }, 'FIELD_INVALID', 'mode'],
      [{ staffHours: -1 }, 'FIELD_INVALID', 'staffHours'],
      [{ plannedStart: '2026-02-30' }, 'FIELD_INVALID', 'plannedStart'],
    ])('refuses %j (%s at %s)', (changes, code, field) => {
      given(deliveryKind).when(register(changes)).thenThrows(code, { field });
    });

    it('refuses a second registration of the same id', () => {
      given(deliveryKind, [registered]).when(register()).thenThrows('DELIVERY_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });
  });

  describe('the service itself', () => {
    it('starts, takes progress notes and is delivered with its documents, fixing the windows', () => {
      given(deliveryKind, [registered]).when(cmd('StartDelivery', { startedOn: '2026-03-03' })).thenEmits(['DeliveryStarted']);
      given(deliveryKind, [registered, started]).when(cmd('NoteDeliveryProgress', { note: '已完成财务梳理' })).thenEmits(['DeliveryProgressNoted']);
      given(deliveryKind, [registered, started])
        .when(deliver({ deliverables: [{ title: '融资诊断报告', sha256: 'A'.repeat(64) }], returnVisitSampled: true }))
        .then([deliveredWith({ returnVisitSampled: true, deliveredAt: NOW_ISO })])
        .andState((s) => expect(s).toMatchObject({ status: 'DELIVERED', revision: 2 }));
    });

    it('refuses a deliverable without a SHA-256 digest, a delivery before the start and one in the future', () => {
      given(deliveryKind, [registered, started]).when(deliver({ deliverables: [{ title: '报告', sha256: 'abc' }] })).thenThrows('FIELD_INVALID', { field: 'deliverables.0.sha256' });
      given(deliveryKind, [registered, started]).when(deliver({ deliveredOn: '2026-03-02' })).thenThrows('DELIVERED_BEFORE_START', { field: 'deliveredOn' });
      given(deliveryKind, [registered, started]).when(deliver({ deliveredOn: '2026-03-13' })).thenThrows('DATE_IN_FUTURE', { field: 'deliveredOn' });
    });

    it('follows the stages: no delivery before the start, no start twice', () => {
      given(deliveryKind, [registered]).when(deliver()).thenThrows('DELIVERY_STAGE', { kind: 'CONFLICT' });
      given(deliveryKind, [registered, started]).when(cmd('StartDelivery', { startedOn: '2026-03-03' })).thenThrows('DELIVERY_STAGE');
    });

    it('lets only the server act on its delivery (403)', () => {
      given(deliveryKind, [registered]).when(cmd('StartDelivery', { startedOn: '2026-03-03' }, otherProvider)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(deliveryKind, [registered]).when(cmd('StartDelivery', { startedOn: '2026-03-03' }, servedEnterprise)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('is cancelled before delivery only, by the server or the steward', () => {
      given(deliveryKind, [registered, started]).when(cmd('CancelDelivery', { reason: '企业另寻机构' }, steward)).thenEmits(['DeliveryCancelled']);
      given(deliveryKind, [registered, started, delivered]).when(cmd('CancelDelivery', { reason: '企业另寻机构' })).thenThrows('DELIVERY_STAGE');
      given(deliveryKind, [registered, { type: 'DeliveryCancelled', data: { deliveryId: DELIVERY_ID, reason: 'x', cancelledAt: NOW_ISO } }])
        .when(cmd('StartDelivery', { startedOn: '2026-03-03' }))
        .thenThrows('DELIVERY_CANCELLED');
    });
  });

  describe('confirmation and dispute', () => {
    it('is confirmed by the enterprise served, not by another', () => {
      given(deliveryKind, [registered, started, delivered])
        .when(cmd('ConfirmDelivery', {}, servedEnterprise))
        .then([{ type: 'DeliveryConfirmed', data: { deliveryId: DELIVERY_ID, by: { kind: 'ENTERPRISE' }, confirmedAt: NOW_ISO } }]);
      given(deliveryKind, [registered, started, delivered]).when(cmd('ConfirmDelivery', {}, otherEnterprise)).thenThrows('NOT_OWNER');
    });

    it('is confirmed automatically from the day the setting gave, not before, and not while disputed', () => {
      const auto = (when: string) => cmd('ConfirmDeliveryAutomatically', {}, steward, when);
      given(deliveryKind, [registered, started, delivered]).when(auto('2026-03-16T23:00:00+08:00')).thenThrows('NOT_YET_CONFIRMABLE', { kind: 'CONFLICT' });
      given(deliveryKind, [registered, started, delivered])
        .when(auto('2026-03-17T00:30:00+08:00'))
        .then([{ type: 'DeliveryConfirmed', data: { deliveryId: DELIVERY_ID, by: { kind: 'AUTOMATIC', afterDays: 7 }, confirmedAt: '2026-03-16T16:30:00.000Z' } }]);
      given(deliveryKind, [registered, started, delivered, disputed]).when(auto('2026-03-20T10:00:00+08:00')).thenThrows('DELIVERY_STAGE');
    });

    it('is disputed by the enterprise after delivery, which calls for a follow-up, and can be confirmed after', () => {
      given(deliveryKind, [registered, started, delivered])
        .when(cmd('DisputeDelivery', { reason: '未按约定对接三家银行' }, servedEnterprise))
        .thenEmits(['DeliveryDisputed']);
      const state = given(deliveryKind, [registered, started, delivered, disputed]).state;
      expect(state).toMatchObject({ status: 'DISPUTED', followUpCauses: [{ revision: 3, cause: 'DISPUTE' }] });
      given(deliveryKind, [registered, started, delivered, disputed]).when(cmd('ConfirmDelivery', {}, servedEnterprise)).thenEmits(['DeliveryConfirmed']);
      given(deliveryKind, [registered, started]).when(cmd('DisputeDelivery', { reason: 'x' }, servedEnterprise)).thenThrows('DELIVERY_STAGE');
    });
  });

  describe('feedback (满意度评价)', () => {
    const afterDelivery = [registered, started, delivered];

    it('is given once by the enterprise served, inside the window', () => {
      given(deliveryKind, afterDelivery)
        .when(rate(4))
        .then([{ type: 'DeliveryRated', data: { deliveryId: DELIVERY_ID, feedback: { rating: 4, comment: '评价' }, ratedAt: NOW_ISO } }]);
      given(deliveryKind, afterDelivery).when(rate(4, '2026-04-09T23:59:00+08:00')).thenEmits(['DeliveryRated']);
    });

    it('refuses another enterprise (403), a second rating (409) and a rating after the window (409)', () => {
      given(deliveryKind, afterDelivery).when(rate(4, NOW, otherEnterprise)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(deliveryKind, [...afterDelivery, ratedWith(5)]).when(rate(4)).thenThrows('FEEDBACK_ALREADY_GIVEN', { kind: 'CONFLICT' });
      given(deliveryKind, afterDelivery).when(rate(4, '2026-04-10T00:00:00+08:00')).thenThrows('FEEDBACK_WINDOW_CLOSED', { kind: 'CONFLICT' });
    });

    it('refuses a rating before delivery', () => {
      given(deliveryKind, [registered, started]).when(rate(4)).thenThrows('DELIVERY_STAGE');
    });

    it.each([
      [{ rating: 0, comment: 'x' }, 'feedback.rating'],
      [{ rating: 6, comment: 'x' }, 'feedback.rating'],
      [{ rating: 3 }, 'feedback.comment'],
      [{ rating: 3, comment: 'x', aspects: { speed: 3 } }, 'feedback.aspects.speed'],
      [{ rating: 3, comment: 'x', aspects: { attitude: 9 } }, 'feedback.aspects.attitude'],
    ])('refuses the feedback %j at %s', (feedback, field) => {
      given(deliveryKind, afterDelivery).when(cmd('RateDelivery', { feedback } as never, servedEnterprise)).thenThrows(expect.any(String) as never, { field });
    });

    it('keeps aspects rated 1–5', () => {
      given(deliveryKind, afterDelivery)
        .when(cmd('RateDelivery', { feedback: { rating: 4, comment: '好', aspects: { response: 5, attitude: 4 } } }, servedEnterprise))
        .thenEmits(['DeliveryRated']);
    });

    it('is amended once inside the window, both kept; a 差评 in either calls for a follow-up', () => {
      const { state } = given(deliveryKind, [...afterDelivery, ratedWith(4)]).when(amend(2)).then([
        { type: 'DeliveryRatingAmended', data: { deliveryId: DELIVERY_ID, feedback: { rating: 2, comment: '修改后的评价' }, amendedAt: NOW_ISO } },
      ]);
      expect(state).toMatchObject({ feedback: { given: { rating: 4 }, amended: { rating: 2 } }, followUpCauses: [{ revision: 4, cause: 'POOR_RATING' }] });
      given(deliveryKind, [...afterDelivery, ratedWith(4), { type: 'DeliveryRatingAmended', data: { deliveryId: DELIVERY_ID, feedback: { rating: 3, comment: 'x' }, amendedAt: NOW_ISO } }])
        .when(amend(2))
        .thenThrows('FEEDBACK_ALREADY_AMENDED');
      given(deliveryKind, afterDelivery).when(amend(2)).thenThrows('FEEDBACK_NOT_GIVEN');
      given(deliveryKind, [...afterDelivery, ratedWith(4)]).when(amend(2, '2026-04-10T09:00:00+08:00')).thenThrows('FEEDBACK_WINDOW_CLOSED');
    });

    it('counts ratings 1 and 2 as 差评, 3 not', () => {
      expect(given(deliveryKind, [...afterDelivery, ratedWith(2)]).state).toMatchObject({ followUpCauses: [{ revision: 3, cause: 'POOR_RATING' }] });
      expect(given(deliveryKind, [...afterDelivery, ratedWith(1)]).state).toMatchObject({ followUpCauses: [{ cause: 'POOR_RATING' }] });
      expect(given(deliveryKind, [...afterDelivery, ratedWith(3)]).state).toMatchObject({ followUpCauses: [] });
    });
  });

  describe('complaints and 回访', () => {
    it('takes the enterprise’s complaint at any stage before 归档, calling for a follow-up', () => {
      const { state } = given(deliveryKind, [registered, started]).when(cmd('LodgeComplaint', { complaint: '服务人员多次爽约' }, servedEnterprise)).thenEmits(['DeliveryComplaintLodged']);
      expect(state).toMatchObject({ complaints: 1, followUpCauses: [{ revision: 2, cause: 'COMPLAINT' }] });
      given(deliveryKind, [registered]).when(cmd('LodgeComplaint', { complaint: 'x' }, otherEnterprise)).thenThrows('NOT_OWNER');
    });

    it('records the steward’s return visit after delivery', () => {
      const visit = { channel: 'PHONE', visitedOn: '2026-03-12', visitor: '王科长', findings: '企业满意', satisfaction: 4 } as const;
      given(deliveryKind, [registered, started, delivered]).when(cmd('RecordReturnVisit', visit, steward)).thenEmits(['DeliveryReturnVisitRecorded']);
      given(deliveryKind, [registered, started, delivered]).when(cmd('RecordReturnVisit', visit, providerStaff)).thenThrows('ROLE_NOT_PERMITTED');
      given(deliveryKind, [registered, started, delivered]).when(cmd('RecordReturnVisit', visit, szAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(deliveryKind, [registered, started, delivered]).when(cmd('RecordReturnVisit', visit, gzHub)).thenThrows('ROLE_NOT_PERMITTED');
      given(deliveryKind, [registered, started]).when(cmd('RecordReturnVisit', visit, steward)).thenThrows('DELIVERY_STAGE');
      given(deliveryKind, [registered, started, delivered]).when(cmd('RecordReturnVisit', { ...visit, visitedOn: '2026-03-09' }, steward)).thenThrows('VISIT_BEFORE_DELIVERY');
      given(deliveryKind, [registered, started, delivered]).when(cmd('RecordReturnVisit', { ...visit, channel: 'CARRIER_PIGEON' } as never, steward)).thenThrows('FIELD_INVALID', { field: 'channel' });
    });
  });

  describe('归档 and 更正', () => {
    it('archives a complete dossier', () => {
      given(deliveryKind, confirmedAndRated)
        .when(archive())
        .then([{ type: 'DeliveryArchived', data: { deliveryId: DELIVERY_ID, archivedAt: '2026-04-15T02:00:00.000Z' } }]);
    });

    it('archives without feedback once the window has closed, not before', () => {
      const noFeedback = [registered, started, delivered, confirmed];
      given(deliveryKind, noFeedback).when(archive([], '2026-04-10T09:00:00+08:00')).thenEmits(['DeliveryArchived']);
      given(deliveryKind, noFeedback).when(archive([], '2026-04-09T09:00:00+08:00')).thenThrows('DOSSIER_INCOMPLETE', { message: /尚未评价.*2026-04-09/ });
    });

    it('refuses an unconfirmed delivery, naming what is missing', () => {
      given(deliveryKind, [registered, started, delivered, ratedWith(5)]).when(archive()).thenThrows('DOSSIER_INCOMPLETE', { kind: 'CONFLICT', message: /企业尚未确认服务/ });
      given(deliveryKind, [registered, started]).when(archive()).thenThrows('DOSSIER_INCOMPLETE', { message: /服务尚未交付/ });
    });

    it('refuses while a follow-up is open or not yet opened, and once every one is closed archives', () => {
      const withPoor = [registered, started, delivered, confirmed, ratedWith(2), visited];
      given(deliveryKind, withPoor).when(archive([])).thenThrows('DOSSIER_INCOMPLETE', { message: /差评跟进尚未建立/ });
      given(deliveryKind, withPoor).when(archive([{ causeRevision: 4, status: 'OPEN' }])).thenThrows('DOSSIER_INCOMPLETE', { message: /差评跟进尚未办结/ });
      given(deliveryKind, withPoor).when(archive([{ causeRevision: 4, status: 'CLOSED' }])).thenEmits(['DeliveryArchived']);
    });

    it('needs a 回访 after a 差评 or when drawn in the sample', () => {
      given(deliveryKind, [registered, started, delivered, confirmed, ratedWith(2)])
        .when(archive([{ causeRevision: 4, status: 'CLOSED' }]))
        .thenThrows('DOSSIER_INCOMPLETE', { message: /客户回访/ });
      const sampled = [registered, started, deliveredWith({ returnVisitSampled: true }), confirmed, ratedWith(5)];
      given(deliveryKind, sampled).when(archive()).thenThrows('DOSSIER_INCOMPLETE', { message: /客户回访/ });
      given(deliveryKind, [...sampled, visited]).when(archive()).thenEmits(['DeliveryArchived']);
    });

    it('lets only the steward archive', () => {
      given(deliveryKind, confirmedAndRated).when(cmd('ArchiveDelivery', { followUps: [] }, providerStaff, '2026-04-15T10:00:00+08:00')).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it('after 归档 takes nothing but a correction (409)', () => {
      const archivedHistory = [...confirmedAndRated, archived];
      given(deliveryKind, archivedHistory).when(cmd('LodgeComplaint', { complaint: '迟来的投诉' }, servedEnterprise)).thenThrows('DELIVERY_ARCHIVED', { kind: 'CONFLICT' });
      given(deliveryKind, archivedHistory).when(cmd('RecordReturnVisit', { channel: 'PHONE', visitedOn: '2026-04-16', visitor: '王', findings: 'x', satisfaction: 5 }, steward)).thenThrows('DELIVERY_ARCHIVED');
      given(deliveryKind, archivedHistory).when(archive()).thenThrows('DELIVERY_ARCHIVED');
      given(deliveryKind, archivedHistory)
        .when(cmd('CorrectDelivery', { changes: { outcome: '获得银行授信120万元' }, reason: '授信金额录入错误' }, steward))
        .then([
          { type: 'DeliveryCorrected', data: { deliveryId: DELIVERY_ID, changes: { outcome: '获得银行授信120万元' }, reason: '授信金额录入错误', correctedAt: NOW_ISO } },
        ])
        .andState((s) => expect(s).toMatchObject({ status: 'ARCHIVED', delivery: { outcome: '获得银行授信120万元' }, corrections: [{ reason: '授信金额录入错误' }] }));
    });

    it('refuses a correction before 归档, one without changes, one of a field that is not correctable, and one by another than the steward', () => {
      const archivedHistory = [...confirmedAndRated, archived];
      given(deliveryKind, confirmedAndRated).when(cmd('CorrectDelivery', { changes: { title: '新名称' }, reason: 'x' }, steward)).thenThrows('DELIVERY_NOT_ARCHIVED');
      given(deliveryKind, archivedHistory).when(cmd('CorrectDelivery', { changes: {}, reason: 'x' }, steward)).thenThrows('FIELD_INVALID', { field: 'changes' });
      given(deliveryKind, archivedHistory).when(cmd('CorrectDelivery', { changes: { fee: 0 } as never, reason: 'x' }, steward)).thenThrows('FIELD_INVALID', { field: 'changes.fee' });
      given(deliveryKind, archivedHistory).when(cmd('CorrectDelivery', { changes: { title: '新名称' }, reason: ' ' }, steward)).thenThrows('FIELD_REQUIRED', { field: 'reason' });
      given(deliveryKind, archivedHistory).when(cmd('CorrectDelivery', { changes: { title: '新名称' }, reason: 'x' }, providerStaff)).thenThrows('ROLE_NOT_PERMITTED');
    });
  });
});

// The fixtures' events must be events the kind accepts.
const _typed: DeliveryEvent[] = [registered, started, delivered, confirmed, disputed, visited, archived];
void _typed;
