import { admin, commandsOn, commandWith, given, gzHub } from '../shared/testing';
import type { PublishCase, ServiceCaseCommand } from './case.commands';
import { serviceCaseDecider } from './case.decider';
import { serviceCaseKind } from './case.kind';
import { NOW, NOW_ISO, otherProvider, provider, PROVIDER_ORG } from './product.fixtures';
import type { ServiceCaseEvent, ServiceCaseEvents } from './case.events';

const CASE_ID = 'case-001';

const caseData: PublishCase['data'] = {
  caseId: CASE_ID,
  providerId: 'provider-42',
  providerOrgId: PROVIDER_ORG,
  providerInPool: true,
  productId: 'product-001',
  title: '某软件企业通过知识产权管理体系认证',
  enterprise: { anonymised: true, alias: '天河区某软件企业' },
  summary: '六十个工作日内完成贯标辅导。',
  outcome: '企业一次通过认证，获区级奖励。',
  servedOn: '2024-01-15',
  classification: { industries: ['SOFTWARE_IT'], serviceDomains: ['IP'], enterpriseSizes: ['SMALL'] },
};
const publish = commandWith('PublishCase', caseData, provider, NOW);
const cmd = commandsOn<ServiceCaseCommand>()({ caseId: CASE_ID }, provider, NOW);
const retire = (reason = '企业要求撤下', actor = provider) => cmd('RetireCase', { reason }, actor);

const { providerInPool: _inPool, ...recorded } = caseData;
const published: ServiceCaseEvents['CasePublished'] = { type: 'CasePublished', data: { ...recorded, publishedAt: '2024-02-01T02:00:00.000Z' } };
const retired: ServiceCaseEvent = { type: 'CaseRetired', data: { caseId: CASE_ID, reason: '过时', retiredAt: '2024-02-10T02:00:00.000Z' } };

describe('Service case (服务案例)', () => {
  describe('PublishCase', () => {
    it('publishes an anonymised case under an alias', () => {
      given(serviceCaseKind, [])
        .when(publish())
        .then([{ type: 'CasePublished', data: { ...recorded, publishedAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ status: 'PUBLISHED', enterprise: { anonymised: true, alias: '天河区某软件企业' } }));
    });

    it('publishes a named case, and one with no product', () => {
      const [event] = serviceCaseDecider.decide(publish({ enterprise: { anonymised: false, name: '广州某某软件有限公司' }, productId: undefined }), { status: 'NONE' });
      expect(event.data).toMatchObject({ enterprise: { anonymised: false, name: '广州某某软件有限公司' } });
      expect(event.data).not.toHaveProperty('productId');
    });

    it('never takes the real name of an anonymised enterprise', () => {
      given(serviceCaseKind, [])
        .when(publish({ enterprise: { anonymised: true, alias: '某企业', name: '广州某某软件有限公司' } }))
        .thenThrows('ANONYMISED_NAME_GIVEN', { kind: 'VALIDATION', field: 'enterprise.name' });
    });

    it.each([
      ['whether it is anonymised', { name: '某公司' }, 'FIELD_INVALID', 'enterprise.anonymised'],
      ['a name when named', { anonymised: false }, 'FIELD_REQUIRED', 'enterprise.name'],
      ['an alias when anonymised', { anonymised: true }, 'FIELD_REQUIRED', 'enterprise.alias'],
      ['no alias when named', { anonymised: false, name: '某公司', alias: '某企业' }, 'FIELD_INVALID', 'enterprise.alias'],
    ])('the enterprise needs %s', (_, enterprise, code, field) => {
      given(serviceCaseKind, []).when(publish({ enterprise })).thenThrows(code, { field });
    });

    it('records a service already delivered: today in China at the latest', () => {
      given(serviceCaseKind, []).when(publish({ servedOn: '2024-03-01' })).thenEmits(['CasePublished']);
      given(serviceCaseKind, []).when(publish({ servedOn: '2024-03-02' })).thenThrows('SERVED_ON_IN_FUTURE', { kind: 'VALIDATION', field: 'servedOn' });
      // 2024-02-29T16:30Z is already 1 March in China.
      given(serviceCaseKind, []).when(publish({ servedOn: '2024-03-01' }, provider, '2024-02-29T16:30:00Z')).thenEmits(['CasePublished']);
      given(serviceCaseKind, []).when(publish({ servedOn: '2024-13-01' })).thenThrows('FIELD_INVALID', { field: 'servedOn' });
    });

    it.each(['caseId', 'providerId', 'productId', 'title', 'summary', 'outcome'] as const)('needs %s (when given)', (field) => {
      given(serviceCaseKind, []).when(publish({ [field]: ' ' })).thenThrows('FIELD_REQUIRED', { field });
    });

    it('classifies like a product', () => {
      given(serviceCaseKind, []).when(publish({ classification: { industries: ['ANY'], serviceDomains: [], enterpriseSizes: ['ANY'] } })).thenThrows('FIELD_INVALID', { field: 'classification.serviceDomains' });
    });

    it('is for the provider itself, in the pool, once', () => {
      given(serviceCaseKind, []).when(publish({}, otherProvider)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(serviceCaseKind, []).when(publish({}, gzHub)).thenThrows('ROLE_NOT_PERMITTED');
      given(serviceCaseKind, []).when(publish({ providerInPool: false })).thenThrows('PROVIDER_NOT_IN_POOL', { kind: 'CONFLICT' });
      given(serviceCaseKind, [published]).when(publish()).thenThrows('CASE_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });
  });

  describe('RetireCase', () => {
    it('retires with a reason', () => {
      given(serviceCaseKind, [published])
        .when(retire())
        .then([{ type: 'CaseRetired', data: { caseId: CASE_ID, reason: '企业要求撤下', retiredAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ status: 'RETIRED', retirementReason: '企业要求撤下' }));
    });

    it('is for the provider or an admin, once, with a reason', () => {
      given(serviceCaseKind, [published]).when(retire('违规', admin)).thenEmits(['CaseRetired']);
      given(serviceCaseKind, [published]).when(retire('违规', otherProvider)).thenThrows('NOT_OWNER');
      given(serviceCaseKind, [published, retired]).when(retire()).thenThrows('CASE_RETIRED', { kind: 'CONFLICT' });
      given(serviceCaseKind, [published]).when(retire('')).thenThrows('FIELD_REQUIRED', { field: 'reason' });
    });

    it('needs the case', () => {
      given(serviceCaseKind, []).when(retire()).thenThrows('CASE_NOT_FOUND', { kind: 'NOT_FOUND' });
    });
  });
});
