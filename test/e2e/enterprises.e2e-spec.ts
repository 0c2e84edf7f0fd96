import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { enterpriseKind, usccReservationKind, type Actor } from '@sme/domain';
import { IdempotencyInterceptor } from '../../apps/api/src/http/idempotency.interceptor';
import { actors, newKey, uscc } from './support/station-lifecycle';
import type { TestApp } from './support/test-app';
import { startSpecApp, type Client, type Refuse } from './support/spec-app';

const TIANHE = '440106';
const HAIZHU = '440105';
const self = (code: string, region = TIANHE): Actor => ({ id: `ent-${code}`, role: 'ENTERPRISE', orgId: code, regionCode: region });
const tianheOperator: Actor = { id: 'op-th', role: 'STATION_OPERATOR', orgId: uscc(901), regionCode: TIANHE };
const shenzhenDistrict: Actor = { id: 'sz-ft', role: 'DISTRICT_AUTHORITY', orgId: 'FUTIAN', regionCode: '440304' };
const supervisor: Actor = { id: 'sup-1', role: 'SUPERVISOR', orgId: 'SUP', regionCode: '440100' };
const guangdongAuditor: Actor = { id: 'gd-auditor-1', role: 'AUDITOR', orgId: 'GD-AUDIT', regionCode: '440000' };
const shenzhenAuditor: Actor = { id: 'sz-auditor-1', role: 'AUDITOR', orgId: 'SZ-AUDIT', regionCode: '440300' };
const shenzhenEvaluator: Actor = { id: 'sz-eval-1', role: 'EVALUATOR', orgId: 'SZ-EVAL', regionCode: '440300' };
const admin: Actor = { id: 'admin-1', role: 'ADMIN', orgId: 'ADMIN', regionCode: '440100' };

/** 软件和信息技术服务业, 45 persons and 1800 万元: 小型 under 工信部联企业〔2011〕300号. */
const body = (code: string, overrides: Record<string, unknown> = {}) => ({
  uscc: code,
  name: `粤信软件${code.slice(-6)}有限公司`,
  industryCode: 'SOFTWARE_IT',
  regionCode: TIANHE,
  foundedOn: '2015-04-20',
  figures: { year: 2023, employees: 45, revenue: 1800, assets: 2600 },
  occurredAt: '2024-03-01T10:00:00+08:00',
  reason: '企业申请入库',
  ...overrides,
});

describe('Enterprises (中小企业数据库)', () => {
  let t: TestApp;
  let c: Client;
  let refused: Refuse;

  beforeAll(async () => ({ t, c, refused } = await startSpecApp()));
  afterAll(() => t.close());

  async function registered(actor: Actor, payload: object, headers: Record<string, string> = {}): Promise<string> {
    const res = await c.post(actor, '/enterprises', payload, headers);
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  describe('registration', () => {
    it('by the enterprise itself: 201, classified at once, and it reads its own record only', async () => {
      const code = uscc(101);
      const res = await c.post(self(code), '/enterprises', body(code));
      expect(res.status).toBe(201);
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['EnterpriseRegistered', 'EnterpriseFiguresReported', 'EnterpriseSizeClassChanged']);
      const doc = await c.get(self(code), `/enterprises/${res.body.id}`);
      expect(doc.status).toBe(200);
      expect(doc.body).toMatchObject({ uscc: code, sizeClass: 'SMALL', sizeClassBasis: { standardId: 'MIIT-2011-300', figuresYear: 2023 } });
      expect(doc.body.sizeClassBasis.basis).toContain('工信部联企业〔2011〕300号');
      const other = uscc(102);
      expect((await c.get(self(other), `/enterprises/${res.body.id}`)).body.code).toBe('ENTERPRISE_READ_FORBIDDEN');
    });

    it('an enterprise may not register another USCC (403 NOT_OWNER), nothing written', async () => {
      await refused(() => c.post(self(uscc(103)), '/enterprises', body(uscc(104))), 403, 'NOT_OWNER');
    });

    it('on behalf, inside the registrar’s region only', async () => {
      await registered(actors.tianhe, body(uscc(110)));
      await registered(tianheOperator, body(uscc(111)));
      await registered(actors.hub, body(uscc(112)));
      await refused(() => c.post(actors.haizhu, '/enterprises', body(uscc(113))), 403, 'REGION_NOT_PERMITTED');
      await refused(() => c.post(actors.city, '/enterprises', body(uscc(114))), 403, 'ROLE_NOT_PERMITTED');
      await refused(() => c.post(actors.experts[0], '/enterprises', body(uscc(115))), 403, 'ROLE_NOT_PERMITTED');
    });

    it('400 USCC_INVALID on the uscc field for a wrong check character; 400 for other bad fields', async () => {
      const good = uscc(120);
      const bad = good.slice(0, 17) + (good.at(-1) === '0' ? '1' : '0');
      const res = await refused(() => c.post(actors.tianhe, '/enterprises', body(bad)), 400, 'USCC_INVALID');
      expect(res.errors).toEqual([expect.objectContaining({ field: 'uscc', rule: 'USCC_INVALID' })]);
      const fields = await refused(
        () => c.post(actors.tianhe, '/enterprises', body(good, { industryCode: 'MINING', figures: { year: 2023, employees: -1, revenue: 1, assets: 1 } })),
        400,
        'VALIDATION_FAILED',
      );
      expect(fields.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['industryCode', 'figures.employees']));
      await refused(() => c.post(actors.tianhe, '/enterprises', body(good, { foundedOn: '2099-01-01' })), 400, 'FOUNDED_ON_IN_FUTURE');
    });

    it('a USCC is registered once: 409 USCC_ALREADY_REGISTERED, nothing written; a retry of the same request passes', async () => {
      const code = uscc(130);
      const key = newKey();
      const first = await c.post(actors.tianhe, '/enterprises', body(code), { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      const retry = await c.post(actors.tianhe, '/enterprises', body(code), { 'Idempotency-Key': key });
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(retry.headers['idempotent-replayed']).toBe('true');

      const body409 = await refused(() => c.post(actors.hub, '/enterprises', body(code, { name: '另一家公司' })), 409, 'USCC_ALREADY_REGISTERED');
      expect(body409.errors[0].field).toBe('uscc');
      await refused(() => c.post(self(code), '/enterprises', body(code.toLowerCase())), 409, 'USCC_ALREADY_REGISTERED');

      const reservation = await c.get(actors.auditor, `/streams/${usccReservationKind.streamId(code)}/events`);
      expect(reservation.status).toBe(200);
      const { events } = reservation.body;
      expect(events.map((e: { type: string; data: { enterpriseId: string } }) => [e.type, e.data.enterpriseId])).toEqual([['UsccReserved', first.body.id]]);
    });

    it('a registration with a stale If-Match is refused before its USCC is reserved: 409, nothing written, the code still free', async () => {
      const code = uscc(132);
      await refused(() => c.post(actors.tianhe, '/enterprises', body(code), { 'If-Match': '"3"' }), 409, 'REVISION_CONFLICT');
      expect((await c.get(actors.auditor, `/streams/${usccReservationKind.streamId(code)}/events`)).body.events ?? []).toEqual([]);
      await registered(actors.tianhe, body(code));
    });

    it('a registration that stopped after reserving its USCC completes on retry; another enterprise still gets 409', async () => {
      const code = uscc(131);
      const key = newKey();
      const enterpriseId = IdempotencyInterceptor.eventIdFor(actors.tianhe, key, 'new-enterprise', 0);
      const store = t.app.get<EventStore>(EVENT_STORE);
      const now = new Date().toISOString();
      await store.append(
        usccReservationKind.streamId(code),
        [
          {
            id: '6f0c5c1e-8d0a-4c55-9a53-1b1d6b1c0a01',
            type: 'UsccReserved',
            schemaVersion: 1,
            data: { uscc: code, enterpriseId, reservedAt: now },
            metadata: { occurredAt: now, recordedAt: now, actor: actors.tianhe, correlationId: 'c-1', causationId: null },
          },
        ],
        'no_stream',
      );
      await refused(() => c.post(actors.tianhe, '/enterprises', body(code)), 409, 'USCC_ALREADY_REGISTERED');
      // Business time now: not earlier than the reservation's.
      const res = await c.post(actors.tianhe, '/enterprises', body(code, { occurredAt: undefined }), { 'Idempotency-Key': key });
      expect(res.status).toBe(201);
      expect(res.body.id).toBe(enterpriseId);
      expect((await c.get(actors.auditor, `/streams/${usccReservationKind.streamId(code)}/events`)).body.events).toHaveLength(1);
    });
  });

  describe('figures and size class', () => {
    it('new figures change the class: an EnterpriseSizeClassChanged event in the stream and in the document’s history', async () => {
      const id = await registered(actors.tianhe, body(uscc(140)));
      const before = await t.head();
      await refused(() => c.post(actors.haizhu, `/enterprises/${id}/figures`, { year: 2024, employees: 120, revenue: 3200, assets: 4000 }), 403, 'REGION_NOT_PERMITTED');
      expect(await t.head()).toBe(before);
      const res = await c.post(actors.tianhe, `/enterprises/${id}/figures`, {
        year: 2024,
        employees: 120,
        revenue: 3200,
        assets: 4000,
        occurredAt: '2024-06-01T10:00:00+08:00',
        reason: '2024年度统计数据',
      });
      expect(res.status).toBe(201);
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['EnterpriseFiguresReported', 'EnterpriseSizeClassChanged']);

      const stream = await c.get(actors.auditor, `/streams/${enterpriseKind.streamId(id)}/events`);
      const { events } = stream.body;
      const change = events.filter((e: { type: string }) => e.type === 'EnterpriseSizeClassChanged').at(-1);
      expect(change.data).toMatchObject({ from: 'SMALL', to: 'MEDIUM', standardId: 'MIIT-2011-300', figuresYear: 2024 });
      expect(change.metadata).toMatchObject({ actor: { id: actors.tianhe.id, role: 'DISTRICT_AUTHORITY' }, reason: '2024年度统计数据', legalBasis: '工信部联企业〔2011〕300号' });
      expect(change.metadata.occurredAt).toBe('2024-06-01T02:00:00.000Z');

      const doc = (await c.get(actors.auditor, `/enterprises/${id}`)).body;
      expect(doc.sizeClass).toBe('MEDIUM');
      expect(doc.latestFigures).toEqual({ year: 2024, employees: 120, revenue: 3200, assets: 4000 });
      expect(doc.sizeClassHistory.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
        [null, 'SMALL'],
        ['SMALL', 'MEDIUM'],
      ]);
      const listed = (await c.get(actors.auditor, `/enterprises?q=${uscc(140)}`)).body;
      expect(listed.items).toHaveLength(1);
      expect(listed.items[0].sizeClassHistory).toEqual(doc.sizeClassHistory);

      const then = (await c.get(actors.auditor, `/enterprises/${id}?asOf=2024-03-15`)).body;
      expect(then).toMatchObject({ sizeClass: 'SMALL', latestFigures: { year: 2023 } });
      await refused(() => c.get(actors.auditor, `/enterprises/${id}?asOf=2024-02-01`), 404, 'ENTERPRISE_NOT_YET_REGISTERED');
      await refused(() => c.get(actors.tianhe, `/enterprises/${id}?asOf=2024-03-15`), 403, 'AS_OF_AUDITOR_ONLY');
    });

    it('same figures again: 409 FIGURES_UNCHANGED; unknown enterprise 404; profile changes industry and reclassifies', async () => {
      const code = uscc(141);
      const id = await registered(self(code), body(code));
      await refused(() => c.post(self(code), `/enterprises/${id}/figures`, { year: 2023, employees: 45, revenue: 1800, assets: 2600 }), 409, 'FIGURES_UNCHANGED');
      await refused(() => c.post(actors.tianhe, '/enterprises/00000000-0000-4000-8000-000000000000/figures', { year: 2023, employees: 1, revenue: 1, assets: 1 }), 404, 'ENTERPRISE_NOT_FOUND');
      // 45 persons and 1800 万元 are 小型 in 批发业 and 零售业 too (no change); in 农、林、牧、渔业 1800 万元 is 中型.
      const res = await c.post(self(code), `/enterprises/${id}/profile`, { industryCode: 'WHOLESALE', name: '粤信贸易有限公司' });
      expect(res.status).toBe(200);
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['EnterpriseProfileUpdated']);
      const res2 = await c.post(self(code), `/enterprises/${id}/profile`, { industryCode: 'RETAIL' });
      expect(res2.body.events.map((e: { type: string }) => e.type)).toEqual(['EnterpriseProfileUpdated']);
      const doc = (await c.get(self(code), `/enterprises/${id}`)).body;
      expect(doc).toMatchObject({ name: '粤信贸易有限公司', industryCode: 'RETAIL', sizeClass: 'SMALL' });
      await refused(() => c.post(self(code), `/enterprises/${id}/profile`, { industryCode: 'RETAIL' }), 409, 'PROFILE_UNCHANGED');
      const toAgri = await c.post(self(code), `/enterprises/${id}/profile`, { industryCode: 'AGRICULTURE' });
      expect(toAgri.body.events.map((e: { type: string }) => e.type)).toEqual(['EnterpriseProfileUpdated', 'EnterpriseSizeClassChanged']);
    });
  });

  describe('tags', () => {
    let id: string;
    beforeAll(async () => {
      id = await registered(actors.tianhe, body(uscc(150)));
    });

    it('granted with issuer and validity by an SME authority of the region; valid today or not', async () => {
      await refused(() => c.post(actors.hub, `/enterprises/${id}/tags`, { tag: 'SPECIALISED', issuedBy: '广东省工业和信息化厅', validFrom: '2023-01-01', validUntil: '2099-12-31' }), 403, 'ROLE_NOT_PERMITTED');
      await refused(() => c.post(actors.haizhu, `/enterprises/${id}/tags`, { tag: 'SPECIALISED', issuedBy: '广东省工业和信息化厅', validFrom: '2023-01-01', validUntil: '2099-12-31' }), 403, 'REGION_NOT_PERMITTED');
      await refused(() => c.post(actors.tianhe, `/enterprises/${id}/tags`, { tag: 'SPECIALISED', issuedBy: '省厅', validFrom: '2023-01-01', validUntil: '2022-12-31' }), 400, 'VALIDITY_PERIOD_INVALID');
      const granted = await c.post(actors.city, `/enterprises/${id}/tags`, {
        tag: 'SPECIALISED',
        issuedBy: '广东省工业和信息化厅',
        documentNumber: '粤工信融资函〔2023〕12号',
        validFrom: '2023-01-01',
        validUntil: '2099-12-31',
      });
      expect(granted.status).toBe(201);
      await c.post(actors.tianhe, `/enterprises/${id}/tags`, { tag: 'HIGH_TECH', issuedBy: '广东省高新技术企业认定管理工作领导小组', validFrom: '2020-01-01', validUntil: '2022-12-31' });
      await refused(() => c.post(actors.tianhe, `/enterprises/${id}/tags`, { tag: 'SPECIALISED', issuedBy: '省厅', validFrom: '2024-01-01', validUntil: '2024-12-31' }), 409, 'TAG_ALREADY_GRANTED');

      const doc = (await c.get(actors.tianhe, `/enterprises/${id}`)).body;
      expect(doc.tagsValid.tags).toEqual(['SPECIALISED']);
      expect(doc.tags).toHaveLength(2);
      expect(doc.tags[0]).toMatchObject({ tag: 'SPECIALISED', issuedBy: '广东省工业和信息化厅', documentNumber: '粤工信融资函〔2023〕12号', validFrom: '2023-01-01', validUntil: '2099-12-31' });

      const code = uscc(150);
      const onTag = async (query: string) => (await c.get(actors.auditor, `/enterprises?q=${code}&${query}`)).body.total;
      expect(await onTag('tag=SPECIALISED')).toBe(1);
      expect(await onTag('tag=HIGH_TECH')).toBe(0);
      expect(await onTag('tag=HIGH_TECH&tagValidOn=2021-06-01')).toBe(1);
      expect(await onTag('tagValidOn=2019-06-01')).toBe(0);
      expect(await onTag('tagValidOn=2022-06-01')).toBe(1);
    });

    it('revoked with a reason from the day of the act; without a reason 400, nothing written', async () => {
      await refused(() => c.post(actors.tianhe, `/enterprises/${id}/tags/SPECIALISED/revocation`, {}), 400, 'FIELD_REQUIRED');
      await refused(() => c.post(actors.tianhe, `/enterprises/${id}/tags/NOPE/revocation`, { reason: 'x' }), 400, 'VALIDATION_FAILED');
      const res = await c.post(actors.tianhe, `/enterprises/${id}/tags/SPECIALISED/revocation`, { reason: '发现申报材料弄虚作假' });
      expect(res.status).toBe(200);
      const doc = (await c.get(actors.tianhe, `/enterprises/${id}`)).body;
      expect(doc.tagsValid.tags).toEqual([]);
      expect(doc.tags[0].revocation).toMatchObject({ reason: '发现申报材料弄虚作假' });
      const code = uscc(150);
      expect((await c.get(actors.auditor, `/enterprises?q=${code}&tag=SPECIALISED`)).body.total).toBe(0);
      expect((await c.get(actors.auditor, `/enterprises?q=${code}&tag=SPECIALISED&tagValidOn=2023-06-01`)).body.total).toBe(1);
      await refused(() => c.post(actors.tianhe, `/enterprises/${id}/tags/SPECIALISED/revocation`, { reason: '再次撤销' }), 409, 'TAG_NOT_HELD');
    });
  });

  describe('the list', () => {
    beforeAll(async () => {
      await registered(actors.tianhe, body(uscc(201), { name: '列表测试甲公司' }));
      await registered(actors.tianhe, body(uscc(202), { name: '列表测试乙公司', industryCode: 'INDUSTRY', figures: { year: 2023, employees: 5, revenue: 100, assets: 50 } }));
      await registered(actors.haizhu, body(uscc(203, HAIZHU), { name: '列表测试丙公司', regionCode: HAIZHU }));
      await registered(actors.haizhu, body(uscc(204, HAIZHU), { name: '列表测试丁公司', regionCode: HAIZHU, figures: { year: 2023, employees: 150, revenue: 5000, assets: 9000 } }));
      await registered(shenzhenDistrict, body(uscc(205, '440304'), { name: '列表测试戊公司', regionCode: '440304' }));
    });
    const q = encodeURIComponent('列表测试');

    it('filters by region prefix (district, city, province), industry, size class and name or USCC', async () => {
      const total = async (actor: Actor, query: string) => {
        const res = await c.get(actor, `/enterprises?q=${q}&${query}`);
        expect(res.status).toBe(200);
        return res.body.total;
      };
      expect(await total(guangdongAuditor, '')).toBe(5);
      expect(await total(guangdongAuditor, 'regionCode=440106')).toBe(2);
      expect(await total(guangdongAuditor, 'regionCode=440100')).toBe(4);
      expect(await total(guangdongAuditor, 'regionCode=440000')).toBe(5);
      expect(await total(guangdongAuditor, 'industryCode=INDUSTRY')).toBe(1);
      expect(await total(guangdongAuditor, 'sizeClass=MICRO')).toBe(1);
      expect(await total(guangdongAuditor, 'sizeClass=MEDIUM')).toBe(1);
      expect((await c.get(guangdongAuditor, `/enterprises?q=${uscc(204, HAIZHU).slice(-8).toLowerCase()}`)).body.total).toBe(1);
      expect(await total(supervisor, '')).toBe(4);
    });

    it('sorts and pages with a cursor, total stable across pages', async () => {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: any } = await c.get(guangdongAuditor, `/enterprises?q=${q}&sort=-name&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(5);
        names.push(...res.body.items.map((i: { name: string }) => i.name));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(names).toEqual([...names].sort().reverse());
      expect(new Set(names).size).toBe(5);
      const byTime = (await c.get(guangdongAuditor, `/enterprises?q=${q}&sort=registeredAt`)).body.items;
      expect(byTime).toHaveLength(5);
      expect((await c.get(actors.auditor, `/enterprises?sort=founded`)).body.code).toBe('SORT_INVALID');
      expect((await c.get(actors.auditor, `/enterprises?cursor=nope`)).body.code).toBe('CURSOR_INVALID');
    });

    it('is scoped: a district sees its own, a city hub its city, an enterprise itself; others are refused', async () => {
      const names = async (actor: Actor, query = '') => (await c.get(actor, `/enterprises?q=${q}${query}`)).body.items.map((i: { name: string }) => i.name).sort();
      expect(await names(actors.tianhe)).toEqual(['列表测试乙公司', '列表测试甲公司'].sort());
      expect(await names(actors.hub)).toHaveLength(4);
      expect(await names(self(uscc(201)))).toEqual(['列表测试甲公司']);
      expect((await c.get(actors.tianhe, `/enterprises?regionCode=${HAIZHU}`)).body.code).toBe('REGION_NOT_PERMITTED');
      expect((await c.get(actors.tianhe, `/enterprises?regionCode=440100`)).body.code).toBe('REGION_NOT_PERMITTED');
      expect((await c.get(actors.experts[0], `/enterprises`)).body.code).toBe('ENTERPRISE_READ_FORBIDDEN');
      const haizhuId = (await c.get(actors.auditor, `/enterprises?q=${q}&regionCode=${HAIZHU}`)).body.items[0].id;
      expect((await c.get(actors.tianhe, `/enterprises/${haizhuId}`)).body.code).toBe('ENTERPRISE_READ_FORBIDDEN');
      expect((await c.get(actors.city, `/enterprises/${haizhuId}`)).status).toBe(200);
    });

    it('is scoped for auditors, supervisors and evaluators too: a province reads its province, a city its city; only ADMIN reads all', async () => {
      const names = async (actor: Actor, query = '') => (await c.get(actor, `/enterprises?q=${q}${query}`)).body.items.map((i: { name: string }) => i.name).sort();
      const guangzhou = ['列表测试丁公司', '列表测试丙公司', '列表测试乙公司', '列表测试甲公司'].sort();
      expect(await names(actors.auditor)).toEqual(guangzhou);
      expect(await names(shenzhenAuditor)).toEqual(['列表测试戊公司']);
      expect(await names(shenzhenEvaluator)).toEqual(['列表测试戊公司']);
      expect(await names(admin)).toHaveLength(5);
      await refused(() => c.get(shenzhenEvaluator, '/enterprises?regionCode=440100'), 403, 'REGION_NOT_PERMITTED');
      await refused(() => c.get(supervisor, '/enterprises?regionCode=440000'), 403, 'REGION_NOT_PERMITTED');

      const tianheId = (await c.get(guangdongAuditor, `/enterprises?q=${q}&regionCode=${TIANHE}`)).body.items[0].id;
      expect((await c.get(actors.auditor, `/enterprises/${tianheId}`)).status).toBe(200);
      expect((await c.get(admin, `/enterprises/${tianheId}`)).status).toBe(200);
      await refused(() => c.get(shenzhenAuditor, `/enterprises/${tianheId}`), 403, 'ENTERPRISE_READ_FORBIDDEN');
      await refused(() => c.get(shenzhenAuditor, `/enterprises/${tianheId}/eligible-policies`), 403, 'ENTERPRISE_READ_FORBIDDEN');
    });

    it('an enterprise reads its own record by its USCC however its organisation id is typed, and a blank one reads none', async () => {
      const code = uscc(201);
      const names = async (actor: Actor) => (await c.get(actor, `/enterprises?q=${q}`)).body.items.map((i: { name: string }) => i.name);
      expect(await names(self(` ${code.toLowerCase()} `))).toEqual(['列表测试甲公司']);
      await refused(() => c.get(self(' '), '/enterprises'), 403, 'ENTERPRISE_READ_FORBIDDEN');
    });
  });

  describe('size standards', () => {
    it('lists the versioned thresholds with their document number, without a token', async () => {
      const res = await t.http.get('/size-standards');
      expect(res.status).toBe(200);
      expect(res.body.inForce).toBe('MIIT-2011-300');
      expect(res.body.standards[0]).toMatchObject({ id: 'MIIT-2011-300', documentNumber: '工信部联企业〔2011〕300号', effectiveFrom: '2011-06-18' });
      expect(res.body.standards[0].industries).toHaveLength(16);
    });

    it('classifies given figures, naming a missing measure', async () => {
      const res = await t.http.get('/size-class?industryCode=SOFTWARE_IT&employees=45&revenue=1800');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ sizeClass: 'SMALL', standardId: 'MIIT-2011-300', documentNumber: '工信部联企业〔2011〕300号' });
      expect(res.body.basis).toContain('第四条（十二）');
      const missing = await t.http.get('/size-class?industryCode=SOFTWARE_IT&employees=45');
      expect({ status: missing.status, code: missing.body.code, field: missing.body.errors?.[0]?.field }).toEqual({ status: 400, code: 'FIGURES_INCOMPLETE', field: 'revenue' });
      expect((await t.http.get('/size-class?industryCode=MINING&employees=1')).status).toBe(400);
    });
  });
});
