import { Query } from 'mingo';
import { productKind, providerKind, serviceCaseKind } from '@sme/domain';
import { foldView } from './fold-view';
import { casesProjection, productsProjection, providersProjection } from './pool-projections';
import { projectProduct } from './product.projection';
import { projectProvider } from './provider.projection';
import { productFilter } from './queries/product-list';
import { documentIdOf } from './projector/projection';
import { providerFilter } from './queries/provider-list';
import { handMadeEvents } from './testing/hand-made-events';

const doc = (view: object) => view as Record<string, unknown>;

const event = handMadeEvents({ id: 'a', role: 'HUB', orgId: 'o', regionCode: '440100' });

const P = providerKind.streamId('p1');
const applied = (at: string) =>
  event(P, 'ProviderAppliedForEntry', {
    providerId: 'p1', uscc: 'U1', name: '某服务机构', regionCode: '440106', cityCode: '440100', serviceDomains: ['IP'],
    materials: [], contact: { name: 'n', phone: 'p', email: 'e' }, appliedAt: at,
  }, at);
const admitted = (at: string, opinion: string) => event(P, 'ProviderAdmitted', { providerId: 'p1', uscc: 'U1', cityCode: '440100', opinion, admittedAt: at }, at);

const history = [
  applied('2022-01-10T02:00:00.000Z'),
  admitted('2022-02-01T02:00:00.000Z', '同意入库'),
  event(P, 'ProviderSettledAtStation', { providerId: 'p1', stationId: 's1', since: '2022-03-01' }, '2022-03-01T01:00:00.000Z'),
  event(P, 'ProviderLeftStation', { providerId: 'p1', stationId: 's1', reason: '出库', cause: 'REMOVED_FROM_POOL', leftAt: '2022-10-20T02:00:00.000Z' }, '2022-10-20T02:00:00.000Z'),
  event(P, 'ProviderRemoved', {
    providerId: 'p1', uscc: 'U1', grounds: ['FAILED_EVALUATION'], evidence: [], opinion: '出库', removedBy: 'AUTHORITY', stationIds: ['s1'], removedAt: '2022-10-20T02:00:00.000Z',
  }, '2022-10-20T02:00:00.000Z'),
  applied('2023-03-01T02:00:00.000Z'),
  admitted('2023-04-01T02:00:00.000Z', '重新入库'),
];

describe('providers projection', () => {
  const view = foldView(projectProvider, history)!;

  it('folds with the domain and keeps the dated pool periods and movements', () => {
    expect(view).toMatchObject({ id: 'p1', status: 'IN_POOL', inPool: true, poolSpanCount: 2, currentStationIds: [], appliedAt: '2022-01-10T02:00:00.000Z' });
    expect(view.movements.map((m) => [m.kind, m.on, m.opinion, m.grounds])).toEqual([
      ['ENTRY', '2022-02-01', '同意入库', []],
      ['EXIT', '2022-10-20', '出库', ['FAILED_EVALUATION']],
      ['ENTRY', '2023-04-01', '重新入库', []],
    ]);
  });

  it('answers "in the 库 at" from the periods, span by span', () => {
    const inPoolAt = (at: string) => new Query(providerFilter({ inPoolAt: at }, view.poolSpanCount)).test(doc(view));
    expect(inPoolAt('2022-01-31T15:59:59.999Z')).toBe(false);
    expect(inPoolAt('2022-02-01T15:59:59.999Z')).toBe(true);
    expect(inPoolAt('2022-10-20T02:00:00.000Z')).toBe(false);
    expect(inPoolAt('2023-01-01T00:00:00.000Z')).toBe(false);
    expect(inPoolAt('2024-01-01T00:00:00.000Z')).toBe(true);
    expect(new Query(providerFilter({ inPoolAt: '2024-01-01T00:00:00.000Z' }, 0)).test(doc(view))).toBe(false);
    expect(new Query(providerFilter({ domain: 'IP', cityCode: '440100', q: '服务' })).test(doc(view))).toBe(true);
  });
});

describe('products projection', () => {
  const content = {
    item: '专利申请代理', content: 'c', process: 'p', standard: 's', supervision: 'v', contact: 't',
    fee: { kind: 'MARKET', amount: 1000 }, timeLimit: { workingDays: 5 },
    classification: { industries: ['ANY'], serviceDomains: ['IP'], enterpriseSizes: ['SMALL'] },
  };
  const view = foldView(projectProduct, [
    event(productKind.streamId('x'), 'ProductPublished', { productId: 'x', providerId: 'p1', providerOrgId: 'U1', version: 1, publishedAt: '2023-05-01T02:00:00.000Z', ...content }, '2023-05-01T02:00:00.000Z'),
    event(productKind.streamId('x'), 'ProductRevised', { productId: 'x', version: 2, changedFields: ['fee'], revisedAt: '2023-06-01T02:00:00.000Z', ...content, fee: { kind: 'FREE' } }, '2023-06-01T02:00:00.000Z'),
  ])!;

  it('shows the current version, keeps every version and filters on flat codes', () => {
    expect(view).toMatchObject({ version: 2, feeKind: 'FREE', status: 'PUBLISHED', industries: ['ANY'] });
    expect(view.versions.map((v) => v.fee.kind)).toEqual(['MARKET', 'FREE']);
    expect(new Query(productFilter({ industry: 'RETAIL', enterpriseSize: 'SMALL', feeKind: 'FREE', domain: 'IP' })).test(doc(view))).toBe(true);
    expect(new Query(productFilter({ enterpriseSize: 'MEDIUM' })).test(doc(view))).toBe(false);
  });
});

describe('pool projections', () => {
  it("read their kind's streams, the record id being the document id", () => {
    const on = (streamId: string) => event(streamId, 'Probe', {}, '2024-01-01T00:00:00.000Z');
    expect(documentIdOf(providersProjection, on(providerKind.streamId('p1')))).toBe('p1');
    expect(documentIdOf(productsProjection, on(productKind.streamId('x')))).toBe('x');
    expect(documentIdOf(casesProjection, on(serviceCaseKind.streamId('c-1')))).toBe('c-1');
    expect(documentIdOf(productsProjection, on(providerKind.streamId('p1')))).toBeUndefined();
    expect(documentIdOf(casesProjection, on(productKind.streamId('x')))).toBeUndefined();
  });
});
