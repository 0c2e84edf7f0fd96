import { createHash } from 'node:crypto';
import { providerKind, type Actor } from '@sme/domain';
import { productBody } from './support/library-bodies';
import { actors, designatedStations, uscc } from './support/station-lifecycle';
import { useSpecApp } from './support/spec-app';
import { okBody } from './support/refusals';

const PROVIDER_USCC = uscc(701, '440106');
const provider: Actor = { id: 'provider-user-1', role: 'PROVIDER', orgId: PROVIDER_USCC, regionCode: '440106' };
const otherProvider: Actor = { id: 'provider-user-2', role: 'PROVIDER', orgId: uscc(702, '440106'), regionCode: '440106' };
const shenzhenHub: Actor = { id: 'sz-hub-9', role: 'HUB', orgId: 'SZ-HUB', regionCode: '440300' };
const admin: Actor = { id: 'admin-1', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440000' };
const shenzhenAuditor: Actor = { id: 'sz-auditor-1', role: 'AUDITOR', orgId: 'SZ-AUDIT', regionCode: '440300' };
const guangdongAuditor: Actor = { id: 'gd-auditor-1', role: 'AUDITOR', orgId: 'GD-AUDIT', regionCode: '440000' };
const shenzhenEnterprise: Actor = { id: 'sz-ent-1', role: 'ENTERPRISE', orgId: uscc(703, '440305'), regionCode: '440305' };

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const application = (overrides: Record<string, unknown> = {}) => ({
  uscc: PROVIDER_USCC,
  name: '广州某知识产权服务有限公司',
  regionCode: '440106',
  serviceDomains: ['IP', 'LEGAL'],
  materials: [{ kind: '营业执照', fileName: '营业执照.pdf', sha256: sha('licence') }],
  contact: { name: '李敏', phone: '020-38620000', email: 'li@example.cn' },
  ...overrides,
});

/** A low-fee product for small and micro enterprises. */
const product = (providerId: string, overrides: Record<string, unknown> = {}) =>
  productBody(providerId, {
    fee: { kind: 'LOW_FEE', amount: 800 },
    classification: { industries: ['ANY'], serviceDomains: ['IP'], enterpriseSizes: ['SMALL', 'MICRO'] },
    ...overrides,
  });

/** 优质服务机构库 and 服务产品和案例库 over HTTP: 有进有出, the 库 as of dates, 入驻, products and the public catalogue. */
describe('Providers, products and cases', () => {
  const { app, c, refused } = useSpecApp();
  let providerId: string;
  let stationId: string;

  beforeAll(async () => {
    [{ id: stationId }] = await designatedStations(app(), [31]);
  });

  const ok = okBody;

  it('runs 有进有出: entry, settling at a station, a failed evaluation and warning, 出库, and re-admission later', async () => {
    const applied = ok(await c.post(provider, '/providers/entry-applications', { ...application(), occurredAt: '2022-01-10T10:00:00+08:00' }));
    providerId = applied.id;
    expect(applied).toMatchObject({ streamId: providerKind.streamId(providerId), events: [{ type: 'ProviderAppliedForEntry' }] });

    ok(await c.post(actors.hub, `/providers/${providerId}/entry-decision`, { admitted: true, opinion: '材料齐全，同意入库', occurredAt: '2022-02-01T10:00:00+08:00' }));
    ok(await c.post(provider, `/providers/${providerId}/stations`, { stationId, since: '2022-03-01', occurredAt: '2022-03-01T09:00:00+08:00' }));

    // Both evaluations cover service from before the system started: satisfaction is scored from the visits.
    const evaluate = async (evaluation: object) =>
      ok(await c.post(actors.city, `/providers/${providerId}/evaluations`, { satisfactionOverrideReason: '系统启用前的服务，按走访结果评分', ...evaluation }));

    const failed = await evaluate({
      period: '2022-H1',
      scores: { capability: 50, management: 55, quality: 45, satisfaction: 50 },
      probationDeadline: '2022-09-30',
      opinion: '服务质量不达标',
      occurredAt: '2022-07-01T10:00:00+08:00',
    });
    expect(failed.events.map((e: { type: string }) => e.type)).toEqual(['ProviderEvaluated', 'ProviderWarned']);
    const afterFailure = ok(await c.get(actors.auditor, `/providers/${providerId}`));
    expect(afterFailure.evaluations.at(-1)).toMatchObject({ period: '2022-H1', total: 50, passMark: 60, passed: false, removalRecommended: false });

    const warned = ok(await c.get(actors.hub, `/providers/${providerId}`));
    expect(warned).toMatchObject({ status: 'IN_POOL', warned: true, probationDeadline: '2022-09-30', currentStationIds: [stationId] });
    expect((await c.get(actors.hub, '/providers?warned=true')).body.items.map((p: { id: string }) => p.id)).toEqual([providerId]);

    const again = await evaluate({
      period: '2022-Q3',
      scores: { capability: 50, management: 50, quality: 50, satisfaction: 50 },
      opinion: '整改不到位',
      occurredAt: '2022-10-10T10:00:00+08:00',
    });
    expect(again.events.map((e: { type: string }) => e.type)).toEqual(['ProviderEvaluated']);
    expect(ok(await c.get(actors.auditor, `/providers/${providerId}`))).toMatchObject({ removalRecommended: true });

    const removed = ok(
      await c.post(actors.city, `/providers/${providerId}/removal`, {
        grounds: ['FAILED_EVALUATION'],
        evidence: [{ description: '2022年两次监测评价不合格' }],
        opinion: '连续两次监测评价不合格，予以出库',
        occurredAt: '2022-10-20T10:00:00+08:00',
      }),
    );
    expect(removed.events.map((e: { type: string }) => e.type)).toEqual(['ProviderLeftStation', 'ProviderRemoved']);

    ok(await c.post(provider, '/providers/entry-applications', { ...application(), occurredAt: '2023-03-01T10:00:00+08:00' }));
    ok(await c.post(actors.hub, `/providers/${providerId}/entry-decision`, { admitted: true, opinion: '整改后重新入库', occurredAt: '2023-04-01T10:00:00+08:00' }));

    const now = ok(await c.get(provider, `/providers/${providerId}`));
    expect(now).toMatchObject({ status: 'IN_POOL', warned: false, poolSpanCount: 2, currentStationIds: [] });
    expect(now.periods).toHaveLength(2);
  });

  it('lists the 库 as of any date from the dated periods', async () => {
    const inPoolOn = async (date: string) => (await c.get(actors.auditor, `/providers?inPoolOn=${date}`)).body;
    expect((await inPoolOn('2022-01-31')).total).toBe(0);
    expect((await inPoolOn('2022-02-01')).items.map((p: { id: string }) => p.id)).toEqual([providerId]);
    expect((await inPoolOn('2022-10-19')).total).toBe(1);
    expect((await inPoolOn('2022-10-20')).total).toBe(0);
    expect((await inPoolOn('2023-01-01')).total).toBe(0);
    expect((await inPoolOn('2023-04-01')).total).toBe(1);

    const list = ok(await c.get(actors.hub, '/providers?status=IN_POOL&domain=IP&q=知识产权&sort=-name&limit=1'));
    expect(list).toMatchObject({ total: 1, nextCursor: null, items: [{ id: providerId, regionCode: '440106', serviceDomains: ['IP', 'LEGAL'] }] });
    expect(ok(await c.get(actors.hub, '/providers?domain=FINANCE')).total).toBe(0);
  });

  it('lists entries and exits per period, dated, with opinions and grounds', async () => {
    const y2022 = ok(await c.get(actors.auditor, '/providers/movements?from=2022-01-01&to=2022-12-31'));
    expect(y2022).toMatchObject({ from: '2022-01-01', to: '2022-12-31', total: 2, entries: 1, exits: 1 });
    expect(y2022.items).toEqual([
      expect.objectContaining({ kind: 'ENTRY', on: '2022-02-01', providerId, opinion: '材料齐全，同意入库', grounds: [] }),
      expect.objectContaining({ kind: 'EXIT', on: '2022-10-20', providerId, grounds: ['FAILED_EVALUATION'], removedBy: 'AUTHORITY', opinion: '连续两次监测评价不合格，予以出库' }),
    ]);
    const y2023 = ok(await c.get(actors.city, '/providers/movements?from=2023-01-01&to=2023-12-31'));
    expect(y2023).toMatchObject({ entries: 1, exits: 0, items: [{ kind: 'ENTRY', on: '2023-04-01', opinion: '整改后重新入库' }] });
    expect(ok(await c.get(shenzhenHub, '/providers/movements?from=2022-01-01')).total).toBe(0);
  });

  it('settles at and leaves a station; a missing station is refused', async () => {
    ok(await c.post(actors.hub, `/providers/${providerId}/stations`, { stationId, since: '2023-05-01', occurredAt: '2023-05-01T09:00:00+08:00' }));
    expect(ok(await c.get(provider, `/providers/${providerId}`)).currentStationIds).toEqual([stationId]);
    await refused(() => c.post(provider, `/providers/${providerId}/stations`, { stationId: '00000000-0000-4000-8000-000000000000', since: '2023-05-02' }), 404, 'STATION_NOT_FOUND');
    ok(await c.post(provider, `/providers/${providerId}/stations/${stationId}/departure`, { reason: '业务调整', occurredAt: '2023-06-01T09:00:00+08:00' }));
    const after = ok(await c.get(provider, `/providers/${providerId}`));
    expect(after.currentStationIds).toEqual([]);
    expect(after.stations.at(-1)).toMatchObject({ stationId, reason: '业务调整', cause: 'LEFT' });
  });

  it('publishes, revises and retires a product, shown in and then hidden from the public catalogue', async () => {
    const published = ok(await c.post(provider, '/products', product(providerId)));
    const productId = published.id;
    const shown = await app().http.get('/catalogue/products').expect(200);
    expect(shown.body).toMatchObject({ total: 1, items: [{ id: productId, version: 1, item: '专利申请代理', fee: { kind: 'LOW_FEE', amount: 800 }, timeLimit: { workingDays: 10 }, provider: { id: providerId, name: '广州某知识产权服务有限公司' } }] });
    expect(shown.body.items[0]).not.toHaveProperty('providerOrgId');

    ok(await c.post(provider, `/products/${productId}/revisions`, { changes: { fee: { kind: 'FREE' } } }));
    const revised = ok(await c.get(actors.auditor, `/products/${productId}`));
    expect(revised).toMatchObject({ version: 2, feeKind: 'FREE', status: 'PUBLISHED' });
    expect(revised.versions.map((v: { version: number; changedFields: string[] }) => [v.version, v.changedFields])).toEqual([[1, []], [2, ['fee']]]);
    expect((await app().http.get('/catalogue/products?feeKind=FREE&industry=SOFTWARE_IT&enterpriseSize=MICRO').expect(200)).body.total).toBe(1);
    expect((await app().http.get('/catalogue/products?enterpriseSize=MEDIUM').expect(200)).body.total).toBe(0);
    expect(ok(await c.get(actors.hub, `/products?providerId=${providerId}&domain=IP`)).total).toBe(1);

    const caseRes = ok(
      await c.post(provider, '/cases', {
        providerId,
        productId,
        title: '某软件企业专利布局',
        enterprise: { anonymised: true, alias: '天河区某软件企业' },
        summary: '检索与布局',
        outcome: '获授权发明专利 3 件',
        servedOn: '2023-05-20',
        classification: { industries: ['SOFTWARE_IT'], serviceDomains: ['IP'], enterpriseSizes: ['SMALL'] },
      }),
    );
    expect(ok(await c.get(actors.auditor, '/cases?industry=SOFTWARE_IT')).items.map((x: { id: string }) => x.id)).toEqual([caseRes.id]);
    ok(await c.post(provider, `/cases/${caseRes.id}/retirement`, { reason: '企业要求撤下' }));
    expect(ok(await c.get(actors.auditor, '/cases?status=RETIRED')).total).toBe(1);

    ok(await c.post(provider, `/products/${productId}/retirement`, { reason: '不再提供' }));
    expect((await app().http.get('/catalogue/products').expect(200)).body).toMatchObject({ total: 0, items: [] });
    expect(ok(await c.get(actors.auditor, '/products?status=RETIRED')).total).toBe(1);
  });

  it('hides the products of a provider that left the 库 and refuses it new ones', async () => {
    const { id: productId } = ok(await c.post(provider, '/products', product(providerId, { item: '商标注册代理' })));
    expect((await app().http.get('/catalogue/products').expect(200)).body.total).toBe(1);
    ok(await c.post(provider, `/providers/${providerId}/withdrawal`, { reason: '业务收缩，自愿退出' }));
    expect((await app().http.get('/catalogue/products').expect(200)).body.total).toBe(0);
    await refused(() => c.post(provider, '/products', product(providerId)), 409, 'PROVIDER_NOT_IN_POOL');
    ok(await c.post(admin, `/products/${productId}/retirement`, { reason: '服务机构已出库' }));
  });

  it('refuses wrong roles, regions and owners with 403 and writes nothing', async () => {
    await refused(() => c.post(shenzhenHub, `/providers/${providerId}/entry-decision`, { admitted: true, opinion: '同意' }), 403, 'REGION_NOT_PERMITTED');
    await refused(() => c.post(provider, `/providers/${providerId}/evaluations`, { period: '2024', scores: { capability: 90, management: 90, quality: 90, satisfaction: 90 }, opinion: '好' }), 403, 'ROLE_NOT_PERMITTED');
    await refused(() => c.post(otherProvider, '/providers/entry-applications', application()), 403, 'NOT_OWNER');
    // The gate runs before the station is looked up: a refused caller learns nothing of it.
    await refused(() => c.post(shenzhenHub, `/providers/${providerId}/stations`, { stationId: '00000000-0000-4000-8000-000000000000', since: '2023-05-02' }), 403, 'REGION_NOT_PERMITTED');
    await refused(() => c.post(otherProvider, `/providers/${providerId}/stations`, { stationId: '00000000-0000-4000-8000-000000000000', since: '2023-05-02' }), 403, 'NOT_OWNER');
    await refused(() => c.get(shenzhenHub, `/providers/${providerId}`), 403, 'PROVIDER_READ_FORBIDDEN');
    await refused(() => c.get(shenzhenHub, '/providers?regionCode=440106'), 403, 'REGION_NOT_PERMITTED');
    await refused(() => c.get(otherProvider, `/providers/${providerId}`), 403, 'PROVIDER_READ_FORBIDDEN');
    expect(ok(await c.get(otherProvider, '/providers')).total).toBe(0);
    expect(ok(await c.get(shenzhenHub, '/providers')).total).toBe(0);
    expect((await app().http.get('/providers')).status).toBe(401);
  });

  it('reads providers inside the reader’s region: a province its cities, a city its districts; ADMIN all', async () => {
    for (const reader of [actors.auditor, guangdongAuditor, actors.tianhe, admin]) {
      expect(ok(await c.get(reader, `/providers/${providerId}`)).id).toBe(providerId);
      expect(ok(await c.get(reader, '/providers')).items.map((p: { id: string }) => p.id)).toEqual([providerId]);
      expect(ok(await c.get(reader, '/providers/movements')).total).toBe(4);
    }
    await refused(() => c.get(shenzhenAuditor, `/providers/${providerId}`), 403, 'PROVIDER_READ_FORBIDDEN');
    await refused(() => c.get(actors.haizhu, `/providers/${providerId}`), 403, 'PROVIDER_READ_FORBIDDEN');
    expect(ok(await c.get(shenzhenAuditor, '/providers')).total).toBe(0);
    expect(ok(await c.get(shenzhenAuditor, '/providers/movements')).total).toBe(0);
    await refused(() => c.get(shenzhenAuditor, '/providers?cityCode=440100'), 403, 'REGION_NOT_PERMITTED');
  });

  it('reads products and cases inside the reader’s region (their provider’s), while the catalogue stays public', async () => {
    const products = ok(await c.get(admin, '/products')).items.map((p: { id: string }) => p.id).sort();
    const cases = ok(await c.get(admin, '/cases')).items.map((x: { id: string }) => x.id);
    expect([products.length, cases.length]).toEqual([2, 1]);
    for (const reader of [actors.auditor, actors.hub, guangdongAuditor]) {
      expect(ok(await c.get(reader, '/products')).items.map((p: { id: string }) => p.id).sort()).toEqual(products);
      expect(ok(await c.get(reader, '/cases')).items.map((x: { id: string }) => x.id)).toEqual(cases);
      expect(ok(await c.get(reader, `/products/${products[0]}`)).id).toBe(products[0]);
      expect(ok(await c.get(reader, `/cases/${cases[0]}`)).id).toBe(cases[0]);
    }
    for (const reader of [shenzhenAuditor, shenzhenHub, shenzhenEnterprise]) {
      expect(ok(await c.get(reader, '/products')).total).toBe(0);
      expect(ok(await c.get(reader, '/cases')).total).toBe(0);
      await refused(() => c.get(reader, `/products/${products[0]}`), 403, 'PRODUCT_READ_FORBIDDEN');
      await refused(() => c.get(reader, `/cases/${cases[0]}`), 403, 'CASE_READ_FORBIDDEN');
    }
    // A provider reads its own, not another's.
    expect(ok(await c.get(provider, `/cases/${cases[0]}`)).id).toBe(cases[0]);
    expect(ok(await c.get(otherProvider, '/products')).total).toBe(0);
    await refused(() => c.get(otherProvider, `/products/${products[0]}`), 403, 'PRODUCT_READ_FORBIDDEN');
    expect((await app().http.get('/catalogue/products').expect(200)).body.total).toBe(0);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const body = await refused(() => c.post(provider, '/providers/entry-applications', application({ serviceDomains: ['NOPE'], regionCode: '4401' })), 400, 'VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['serviceDomains', 'regionCode']));
    const bad = await refused(() => c.post(provider, '/products', product(providerId, { timeLimit: { workingDays: 0 } })), 400, 'VALIDATION_FAILED');
    expect(bad.errors.map((e: { field: string }) => e.field)).toContain('timeLimit.workingDays');
    await refused(() => c.get(actors.auditor, '/providers?inPoolOn=2022-13'), 400, 'VALIDATION_FAILED');
    await refused(() => c.get(actors.auditor, '/providers/movements?from=2023-01-01&to=2022-01-01'), 400, 'PERIOD_INVALID');
  });
});
