import { anActor, GZ, TIANHE } from '../shared/testing';
import type { RegisterDelivery } from './delivery.commands';
import type { DeliveryEvent, DeliveryEvents } from './delivery.events';

/** One provider's delivery to one Tianhe enterprise, in March 2026, as tests of every layer tell it. */
export const DELIVERY_ID = '6a0d7b52-3f7e-4c1a-9a55-0b7c2f1d8e01';
export const PROVIDER_ID = '2b3c4d5e-6f70-4a1b-8c2d-3e4f5a6b7c8d';
export const PROVIDER_USCC = '91440101MA5CXXXX1K';
export const ENTERPRISE_ID = '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
export const ENTERPRISE_USCC = '91440106MA59C3PL24';

export const providerStaff = anActor('PROVIDER', GZ, 'provider-staff', PROVIDER_USCC);
export const servedEnterprise = anActor('ENTERPRISE', TIANHE, 'enterprise-user', ENTERPRISE_USCC);
export const steward = anActor('CITY_AUTHORITY', GZ, 'gz-official', 'gz-miit');

export const registration: RegisterDelivery['data'] = {
  deliveryId: DELIVERY_ID,
  server: { kind: 'PROVIDER', id: PROVIDER_ID, orgId: PROVIDER_USCC, name: '广州某财税咨询有限公司', regionCode: GZ },
  steward: { role: 'CITY_AUTHORITY', regionCode: GZ },
  enterprise: { enterpriseId: ENTERPRISE_ID, uscc: ENTERPRISE_USCC, name: '广州某软件科技有限公司', regionCode: TIANHE },
  domain: 'FINANCE',
  title: '中小企业融资诊断',
  description: '梳理企业财务状况，对接两家银行的信用贷款产品。',
  plannedStart: '2026-03-02',
  plannedEnd: '2026-03-20',
  fee: { kind: 'LOW_FEE', amountFen: 200000 },
  mode: 'OFFLINE',
  regionCode: TIANHE,
  facts: { serverMayServe: true },
};

const { facts: _, ...registeredData } = registration;
type Data<T extends keyof DeliveryEvents> = DeliveryEvents[T]['data'];

export const registered: DeliveryEvent = { type: 'DeliveryRegistered', data: { ...registeredData, registeredAt: '2026-03-02T01:00:00.000Z' } };
export const started: DeliveryEvent = { type: 'DeliveryStarted', data: { deliveryId: DELIVERY_ID, startedOn: '2026-03-03', startedAt: '2026-03-03T01:00:00.000Z' } };
export const deliveredWith = (changes: Partial<Data<'DeliveryDelivered'>> = {}): DeliveryEvent => ({
  type: 'DeliveryDelivered',
  data: {
    deliveryId: DELIVERY_ID,
    deliveredOn: '2026-03-10',
    outcome: '获得银行授信150万元',
    deliverables: [{ title: '融资诊断报告', sha256: 'a'.repeat(64) }],
    feedbackClosesOn: '2026-04-09',
    confirmableAutomaticallyFrom: '2026-03-17',
    returnVisitSampled: false,
    deliveredAt: '2026-03-10T08:00:00.000Z',
    ...changes,
  },
});
export const delivered = deliveredWith();
export const confirmed: DeliveryEvent = { type: 'DeliveryConfirmed', data: { deliveryId: DELIVERY_ID, by: { kind: 'ENTERPRISE' }, confirmedAt: '2026-03-11T02:00:00.000Z' } };
export const ratedWith = (rating: number, at = '2026-03-12T02:00:00.000Z'): DeliveryEvent => ({
  type: 'DeliveryRated',
  data: { deliveryId: DELIVERY_ID, feedback: { rating, comment: rating <= 2 ? '报告空泛，未对接到合适产品' : '响应及时，报告实用' }, ratedAt: at },
});
export const disputed: DeliveryEvent = { type: 'DeliveryDisputed', data: { deliveryId: DELIVERY_ID, reason: '未按约定对接三家银行', disputedAt: '2026-03-11T02:00:00.000Z' } };
export const visited: DeliveryEvent = {
  type: 'DeliveryReturnVisitRecorded',
  data: { deliveryId: DELIVERY_ID, channel: 'PHONE', visitedOn: '2026-03-20', visitor: '王科长', findings: '企业对服务基本满意', satisfaction: 4, recordedAt: '2026-03-20T03:00:00.000Z' },
};
export const archived: DeliveryEvent = { type: 'DeliveryArchived', data: { deliveryId: DELIVERY_ID, archivedAt: '2026-04-15T02:00:00.000Z' } };

/** Registered, started, delivered, confirmed and rated 5: all a dossier needs but the window's end. */
export const confirmedAndRated: DeliveryEvent[] = [registered, started, delivered, confirmed, ratedWith(5)];
