import { admin, commandsOn, commandWith, given, gzHub } from '../shared/testing';
import type { ProductCommand, PublishProduct } from './product.commands';
import { currentProductVersion, productDecider } from './product.decider';
import { NOW, NOW_ISO, otherProvider, provider, PROVIDER_ORG } from './product.fixtures';
import { productKind } from './product.kind';
import type { ProductEvent, ProductEvents } from './product.events';
import type { ProductContent } from './product.rules';

const PRODUCT_ID = 'product-001';

const content: ProductContent = {
  item: '中小企业知识产权贯标辅导',
  content: '协助企业建立知识产权管理体系并通过认证。',
  process: '需求诊断 → 方案制定 → 体系建设 → 内审 → 认证辅导',
  standard: 'GB/T 29490-2023',
  supervision: '服务总站投诉电话 020-83123932',
  contact: '张经理 13800138000',
  fee: { kind: 'LOW_FEE', amount: 5000 },
  timeLimit: { workingDays: 60 },
  classification: { industries: ['INDUSTRY', 'SOFTWARE_IT'], serviceDomains: ['IP', 'MANAGEMENT_CONSULTING'], enterpriseSizes: ['SMALL', 'MICRO'] },
};

const publishData: PublishProduct['data'] = { productId: PRODUCT_ID, providerId: 'provider-42', providerOrgId: PROVIDER_ORG, providerInPool: true, ...content };
const publish = commandWith('PublishProduct', publishData, provider, NOW);
const cmd = commandsOn<ProductCommand>()({ productId: PRODUCT_ID }, provider, NOW);
const revise = (changes: unknown, actor = provider, providerInPool: unknown = true) => cmd('ReviseProduct', { providerInPool, changes } as never, actor);
const retire = (reason = '不再提供', actor = provider) => cmd('RetireProduct', { reason }, actor);

/** Codes come back in list order. */
const normalised: ProductContent = {
  ...content,
  classification: { industries: ['INDUSTRY', 'SOFTWARE_IT'], serviceDomains: ['MANAGEMENT_CONSULTING', 'IP'], enterpriseSizes: ['SMALL', 'MICRO'] },
};
const published: ProductEvents['ProductPublished'] = {
  type: 'ProductPublished',
  data: { productId: PRODUCT_ID, providerId: 'provider-42', providerOrgId: PROVIDER_ORG, version: 1, ...normalised, publishedAt: '2024-02-01T02:00:00.000Z' },
};
const revised: ProductEvent = {
  type: 'ProductRevised',
  data: { productId: PRODUCT_ID, version: 2, ...normalised, fee: { kind: 'FREE' }, changedFields: ['fee'], revisedAt: '2024-02-15T02:00:00.000Z' },
};
const retired: ProductEvent = { type: 'ProductRetired', data: { productId: PRODUCT_ID, reason: '停止服务', retiredAt: '2024-02-20T02:00:00.000Z' } };

describe('Service product (服务产品)', () => {
  describe('PublishProduct', () => {
    it('publishes version 1 with the 六公开, fee and time limit', () => {
      given(productKind, [])
        .when(publish())
        .then([{ ...published, data: { ...published.data, publishedAt: NOW_ISO } }])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'PUBLISHED', providerOrgId: PROVIDER_ORG });
          expect(state.status === 'PUBLISHED' && currentProductVersion(state)).toEqual({ ...normalised, version: 1, recordedAt: NOW_ISO });
        });
    });

    it('publishes once', () => {
      given(productKind, [published]).when(publish()).thenThrows('PRODUCT_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });

    it('is for the provider itself', () => {
      given(productKind, []).when(publish({}, otherProvider)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(productKind, []).when(publish({}, gzHub)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it('is only for a provider in the 优质服务机构库', () => {
      given(productKind, []).when(publish({ providerInPool: false })).thenThrows('PROVIDER_NOT_IN_POOL', { kind: 'CONFLICT' });
      given(productKind, []).when(publish({ providerInPool: undefined })).thenThrows('FIELD_INVALID', { field: 'providerInPool' });
    });

    it.each(['productId', 'providerId', 'item', 'content', 'process', 'standard', 'supervision', 'contact'] as const)('needs %s', (field) => {
      given(productKind, []).when(publish({ [field]: ' ' })).thenThrows('FIELD_REQUIRED', { field });
    });

    describe('fee (收费标准, in 元)', () => {
      it('a free service states no amount', () => {
        given(productKind, []).when(publish({ fee: { kind: 'FREE' } })).thenEmits(['ProductPublished']);
        given(productKind, []).when(publish({ fee: { kind: 'FREE', amount: 0 } })).thenThrows('FEE_AMOUNT_FORBIDDEN', { kind: 'VALIDATION', field: 'fee.amount' });
      });

      it.each(['LOW_FEE', 'MARKET'])('a %s service states its amount', (kind) => {
        given(productKind, []).when(publish({ fee: { kind, amount: 199.99 } })).thenEmits(['ProductPublished']);
        given(productKind, []).when(publish({ fee: { kind } })).thenThrows('FEE_AMOUNT_REQUIRED', { kind: 'VALIDATION', field: 'fee.amount' });
        given(productKind, []).when(publish({ fee: { kind, amount: 0 } })).thenThrows('FIELD_INVALID', { field: 'fee.amount' });
        given(productKind, []).when(publish({ fee: { kind, amount: 10.005 } })).thenThrows('FIELD_INVALID', { field: 'fee.amount' });
      });

      it('needs a known kind', () => {
        given(productKind, []).when(publish({ fee: { kind: 'NEGOTIABLE' } })).thenThrows('FIELD_INVALID', { field: 'fee.kind' });
        given(productKind, []).when(publish({ fee: undefined })).thenThrows('FIELD_REQUIRED', { field: 'fee' });
      });
    });

    it('promises a time limit of whole working days', () => {
      given(productKind, []).when(publish({ timeLimit: { workingDays: 1 } })).thenEmits(['ProductPublished']);
      given(productKind, []).when(publish({ timeLimit: { workingDays: 0 } })).thenThrows('FIELD_INVALID', { field: 'timeLimit.workingDays' });
      given(productKind, []).when(publish({ timeLimit: { workingDays: 2.5 } })).thenThrows('FIELD_INVALID', { field: 'timeLimit.workingDays' });
      given(productKind, []).when(publish({ timeLimit: undefined })).thenThrows('FIELD_INVALID', { field: 'timeLimit.workingDays' });
    });

    describe('classification', () => {
      const classified = (classification: unknown) => publish({ classification });

      it('takes ANY alone for industries and sizes', () => {
        const [event] = productDecider.decide(classified({ industries: ['ANY'], serviceDomains: ['FINANCE'], enterpriseSizes: ['ANY'] }), { status: 'NONE' });
        expect(event.data).toMatchObject({ classification: { industries: ['ANY'], serviceDomains: ['FINANCE'], enterpriseSizes: ['ANY'] } });
        given(productKind, []).when(classified({ industries: ['ANY'], serviceDomains: ['FINANCE'], enterpriseSizes: ['SMALL', 'ANY'] })).thenThrows('FIELD_INVALID', { field: 'classification.enterpriseSizes.1' });
      });

      it('serves SMEs only: no LARGE', () => {
        given(productKind, []).when(classified({ ...content.classification, enterpriseSizes: ['LARGE'] })).thenThrows('FIELD_INVALID', { field: 'classification.enterpriseSizes.0' });
      });

      it.each([
        ['no service domain', { ...content.classification, serviceDomains: [] }, 'FIELD_INVALID', 'classification.serviceDomains'],
        ['ANY as a service domain', { ...content.classification, serviceDomains: ['ANY'] }, 'FIELD_INVALID', 'classification.serviceDomains.0'],
        ['an unknown industry', { ...content.classification, industries: ['MINING'] }, 'FIELD_INVALID', 'classification.industries.0'],
        ['a missing size list', { industries: ['ANY'], serviceDomains: ['IP'] }, 'FIELD_REQUIRED', 'classification.enterpriseSizes'],
        ['no classification', undefined, 'FIELD_REQUIRED', 'classification'],
      ])('refuses %s', (_, classification, code, field) => {
        given(productKind, []).when(classified(classification)).thenThrows(code, { field });
      });
    });
  });

  describe('ReviseProduct', () => {
    it('records the next version in full, with what changed', () => {
      given(productKind, [published])
        .when(revise({ fee: { kind: 'MARKET', amount: 8000 }, timeLimit: { workingDays: 45 } }))
        .then([
          {
            type: 'ProductRevised',
            data: {
              productId: PRODUCT_ID,
              version: 2,
              ...normalised,
              fee: { kind: 'MARKET', amount: 8000 },
              timeLimit: { workingDays: 45 },
              changedFields: ['fee', 'timeLimit'],
              revisedAt: NOW_ISO,
            },
          },
        ])
        .andState((state) => {
          expect(state.status === 'PUBLISHED' && state.versions.map((v) => [v.version, v.fee])).toEqual([
            [1, { kind: 'LOW_FEE', amount: 5000 }],
            [2, { kind: 'MARKET', amount: 8000 }],
          ]);
          expect(state.status === 'PUBLISHED' && currentProductVersion(state).timeLimit).toEqual({ workingDays: 45 });
        });
    });

    it('numbers on from the current version', () => {
      const [event] = productDecider.decide(revise({ item: '知识产权贯标辅导（2024版）' }), given(productKind, [published, revised]).state);
      expect(event.data).toMatchObject({ version: 3, fee: { kind: 'FREE' }, item: '知识产权贯标辅导（2024版）', changedFields: ['item'] });
    });

    it('must change something: reordering codes changes nothing', () => {
      given(productKind, [published])
        .when(revise({ classification: { industries: ['SOFTWARE_IT', 'INDUSTRY'], serviceDomains: ['IP', 'MANAGEMENT_CONSULTING'], enterpriseSizes: ['MICRO', 'SMALL'] } }))
        .thenThrows('NOTHING_CHANGED', { kind: 'CONFLICT', field: 'changes' });
    });

    it('checks the new version, pointing into the changes', () => {
      given(productKind, [published]).when(revise({ fee: { kind: 'MARKET' } })).thenThrows('FEE_AMOUNT_REQUIRED', { field: 'changes.fee.amount' });
      given(productKind, [published]).when(revise({ item: null })).thenThrows('FIELD_REQUIRED', { field: 'changes.item' });
      given(productKind, [published]).when(revise({ providerId: 'provider-43' })).thenThrows('FIELD_INVALID', { field: 'changes.providerId' });
      given(productKind, [published]).when(revise(undefined)).thenThrows('FIELD_REQUIRED', { field: 'changes' });
    });

    it('is for the provider itself, still in the pool', () => {
      given(productKind, [published]).when(revise({ item: '新' }, otherProvider)).thenThrows('NOT_OWNER');
      given(productKind, [published]).when(revise({ item: '新' }, admin)).thenThrows('ROLE_NOT_PERMITTED');
      given(productKind, [published]).when(revise({ item: '新' }, provider, false)).thenThrows('PROVIDER_NOT_IN_POOL');
    });

    it('cannot revise a retired product', () => {
      given(productKind, [published, retired]).when(revise({ item: '新' })).thenThrows('PRODUCT_RETIRED', { kind: 'CONFLICT' });
    });
  });

  describe('RetireProduct', () => {
    it('retires with a reason, keeping its versions', () => {
      given(productKind, [published, revised])
        .when(retire())
        .then([{ type: 'ProductRetired', data: { productId: PRODUCT_ID, reason: '不再提供', retiredAt: NOW_ISO } }])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'RETIRED', retirementReason: '不再提供', retiredAt: NOW_ISO });
          expect(state.status === 'RETIRED' && state.versions).toHaveLength(2);
        });
    });

    it('is for the provider, or an admin', () => {
      given(productKind, [published]).when(retire('出库', admin)).thenEmits(['ProductRetired']);
      given(productKind, [published]).when(retire('出库', otherProvider)).thenThrows('NOT_OWNER');
      given(productKind, [published]).when(retire('出库', gzHub)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('retires once, with a reason', () => {
      given(productKind, [published, retired]).when(retire()).thenThrows('PRODUCT_RETIRED');
      given(productKind, [published]).when(retire(' ')).thenThrows('FIELD_REQUIRED', { field: 'reason' });
    });
  });

  it.each<ProductCommand>([revise({ item: 'x' }), retire()])('$type on a product that does not exist is PRODUCT_NOT_FOUND', (command) => {
    given(productKind, []).when(command).thenThrows('PRODUCT_NOT_FOUND', { kind: 'NOT_FOUND' });
  });
});
