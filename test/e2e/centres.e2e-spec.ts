import { chinaDateOf, type Actor } from '@sme/domain';
import { centreBody, centreUscc } from './support/centre-bodies';
import { deliveryBody, entryApplication, providerUser } from './support/library-bodies';
import { admin, registerEnterprise } from './support/policies-demands';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors } from './support/station-lifecycle';

const at = (date: string) => `${date}T10:00:00+08:00`;
const staffOf = (orgId: string, regionCode = '440100'): Actor => ({ id: `staff-${orgId}`, role: 'CENTRE_OPERATOR', orgId, regionCode });
const remediation = { plan: '年底前迁入新场地并增配专业人员', deadline: '2099-12-31' };
let seed = 100;
const nextOrg = (region = '440100') => centreUscc((seed += 1), region);

/**
 * 服务中心 over HTTP: recognition against each level's standard on every boundary, below-standard
 * recording with a plan, changes re-checked, providers linked, reads by region, and centres serving
 * deliveries — and the refusals that write nothing.
 */
describe('service centres (服务中心)', () => {
  const { c, refused } = useSpecApp();
  const record = (body: object, by: Actor = actors.city) => c.post(by, '/centres', body);
  const city = (facts: Record<string, unknown>) => centreBody(nextOrg(), { facts });
  const province = (facts: Record<string, unknown>) =>
    centreBody(nextOrg('440000'), { facts: { name: '广东省中小企业服务中心', level: 'PROVINCE', regionCode: '440000', venue: { areaSqm: 1000, address: '广州市越秀区示例路2号' }, staff: { fullTime: 35, professional: 28 }, ...facts } });

  describe('the city standard: 200 ㎡, 6 staff, 70 %', () => {
    it.each([
      ['200 ㎡', { venue: { areaSqm: 200, address: '示例路' } }],
      ['6 staff', { staff: { fullTime: 6, professional: 5 } }],
      ['70 % (700 of 1000)', { staff: { fullTime: 1000, professional: 700 } }],
      ['70 % (7 of 10)', { staff: { fullTime: 10, professional: 7 } }],
    ])('recognises %s', async (_, facts) => {
      const { id } = okBody(await record(city(facts)));
      expect(okBody(await c.get(actors.city, `/centres/${id}`))).toMatchObject({ status: 'RECOGNISED', shortfalls: [] });
    });

    it.each([
      ['199 ㎡', { venue: { areaSqm: 199, address: '示例路' } }, /办公和服务场所面积199（标准200）/],
      ['5 staff', { staff: { fullTime: 5, professional: 5 } }, /全职从业人员数5（标准6）/],
      ['69.9 % (699 of 1000)', { staff: { fullTime: 1000, professional: 699 } }, /占比69.9（标准70）/],
    ])('refuses %s without a plan (409, naming the shortfall), records it below standard with one', async (_, facts, named) => {
      const body = city(facts);
      const refusal = await refused(() => record(body), 409, 'CENTRE_BELOW_STANDARD');
      expect(refusal.message.zh).toMatch(named);
      const { id } = okBody(await record({ ...body, remediation }));
      expect(okBody(await c.get(actors.city, `/centres/${id}`))).toMatchObject({ status: 'BELOW_STANDARD', remediation, remediationDeadline: '2099-12-31' });
    });
  });

  describe('the province standard: 1000 ㎡, 35 staff, 80 % — recorded by ADMIN', () => {
    it('recognises 1000 ㎡, 35 staff and 80 % (28 of 35; 800 of 1000)', async () => {
      okBody(await record(province({}), admin));
      okBody(await record(province({ staff: { fullTime: 1000, professional: 800 } }), admin));
    });

    it.each([
      ['999 ㎡', { venue: { areaSqm: 999, address: '示例路' } }, /面积999（标准1000）/],
      ['34 staff', { staff: { fullTime: 34, professional: 34 } }, /人员数34（标准35）/],
      ['79.9 % (799 of 1000)', { staff: { fullTime: 1000, professional: 799 } }, /占比79.9（标准80）/],
    ])('refuses %s without a plan', async (_, facts, named) => {
      expect((await refused(() => record(province(facts), admin), 409, 'CENTRE_BELOW_STANDARD')).message.zh).toMatch(named);
    });

    it('no city authority records the province centre', async () => {
      await refused(() => record(province({})), 403, 'CENTRE_LEVEL_NOT_PERMITTED');
    });
  });

  describe('county and town centres', () => {
    const county = (facts: Record<string, unknown>) => centreBody(nextOrg('440106'), { facts: { name: '天河区中小企业服务中心', level: 'COUNTY', regionCode: '440106', ...facts } });

    it('a county centre needs a venue and full-time staff; its district authority or the city records it', async () => {
      okBody(await record(county({ venue: { areaSqm: 1, address: '示例路' }, staff: { fullTime: 1, professional: 0 } }), actors.tianhe));
      await refused(() => record(county({ venue: { areaSqm: 0, address: '示例路' } }), actors.tianhe), 409, 'CENTRE_BELOW_STANDARD');
      await refused(() => record(county({ staff: { fullTime: 0, professional: 0 } })), 409, 'CENTRE_BELOW_STANDARD');
      await refused(() => record(county({}), actors.haizhu), 403, 'REGION_NOT_PERMITTED');
      await refused(() => record(city({}), actors.tianhe), 403, 'CENTRE_LEVEL_NOT_PERMITTED');
    });

    it('a town centre only in a city without counties (东莞), with the town named', async () => {
      const dongguan: Actor = { id: 'dg-1', role: 'CITY_AUTHORITY', orgId: 'DG-MIIT', regionCode: '441900' };
      const town = { level: 'TOWN', regionCode: '441900', town: '虎门镇', name: '东莞市虎门镇中小企业服务中心' };
      okBody(await record(centreBody(nextOrg('441900'), { facts: town }), dongguan));
      await refused(() => record(centreBody(nextOrg(), { facts: { ...town, regionCode: '440100' } })), 400, 'TOWN_LEVEL_NOT_ALLOWED');
    });
  });

  describe('bad input: 400 naming the field, never 5xx', () => {
    it.each([
      [{ staff: { fullTime: 6, professional: 7 } }, 'facts.staff.professional'],
      [{ venue: { areaSqm: -1, address: '示例路' } }, 'facts.venue.areaSqm'],
      [{ regionCode: '440106' }, 'facts.regionCode'],
      [{ origin: { kind: 'ESTABLISHED', authority: '市工信局', documentNumber: '第88号', on: '2017-03-01' } }, 'facts.origin.documentNumber'],
      [{ orgId: '12440100MB00000010' }, 'facts.orgId'],
    ])('%j → %s', async (facts, field) => {
      const body = await refused(() => record(city(facts)), 400);
      const named = [body.field, ...(body.errors ?? []).map((e: { field: string }) => e.field)];
      expect(named).toContain(field);
    });

    it('a deadline not after the day of the act', async () => {
      const body = await refused(() => record({ ...city({ venue: { areaSqm: 100, address: '示例路' } }), remediation: { plan: '整改', deadline: '2020-01-01' } }), 400, 'FIELD_INVALID');
      expect(body.message.zh).toMatch(/整改期限/);
    });
  });

  describe('changes over time are re-checked', () => {
    it('falls below with a plan, meets the standard again, links providers; its staff read only their own', async () => {
      const orgId = nextOrg();
      const staff = staffOf(orgId);
      const { id } = okBody(await record(centreBody(orgId)));
      await refused(() => c.post(staff, `/centres/${id}/facts`, { changes: { staff: { fullTime: 5, professional: 4 } } }), 409, 'CENTRE_BELOW_STANDARD');
      okBody(await c.post(staff, `/centres/${id}/facts`, { changes: { staff: { fullTime: 5, professional: 4 } }, remediation }));
      expect(okBody(await c.get(staff, `/centres/${id}`))).toMatchObject({ status: 'BELOW_STANDARD', fullTimeStaff: 5 });
      okBody(await c.post(staff, `/centres/${id}/facts`, { changes: { staff: { fullTime: 6, professional: 5 } } }));
      expect(okBody(await c.get(staff, `/centres/${id}`))).toMatchObject({ status: 'RECOGNISED', remediation: null });

      const user = providerUser(631);
      const provider = okBody(await c.post(user, '/providers/entry-applications', entryApplication(631)));
      await refused(() => c.post(staff, `/centres/${id}/providers`, { providerIds: [provider.id] }), 409, 'PROVIDER_NOT_IN_POOL');
      okBody(await c.post(actors.hub, `/providers/${provider.id}/entry-decision`, { admitted: true, opinion: '同意入库' }));
      okBody(await c.post(staff, `/centres/${id}/providers`, { providerIds: [provider.id] }));
      expect(okBody(await c.get(staff, `/centres/${id}`))).toMatchObject({ providerCount: 1, providers: [{ providerId: provider.id }] });

      await refused(() => c.get(staffOf(nextOrg()), `/centres/${id}`), 403, 'CENTRE_READ_FORBIDDEN');
      await refused(() => c.get({ ...actors.city, regionCode: '440300' }, `/centres/${id}`), 403, 'CENTRE_READ_FORBIDDEN');
      await refused(() => c.get(actors.city, `/centres/${id}?asOf=${encodeURIComponent(at('2026-01-01'))}`), 403, 'AS_OF_AUDITOR_ONLY');
      await refused(() => c.post(staff, `/centres/${id}/closure`, { reason: '撤销' }), 403, 'ROLE_NOT_PERMITTED');
      okBody(await c.post(actors.city, `/centres/${id}/closure`, { reason: '机构改革' }));
      await refused(() => c.post(staff, `/centres/${id}/facts`, { changes: { head: '王主任' } }), 409, 'CENTRE_CLOSED');
    });

    it('an auditor replays a centre as it stood', async () => {
      const orgId = nextOrg();
      const { id } = okBody(await record({ ...centreBody(orgId), occurredAt: at('2026-01-05') }));
      okBody(await c.post(staffOf(orgId), `/centres/${id}/facts`, { changes: { venue: { areaSqm: 150 } }, remediation, occurredAt: at('2026-02-05') }));
      const auditor = { ...actors.auditor };
      expect(okBody(await c.get(auditor, `/centres/${id}?asOf=${encodeURIComponent(at('2026-01-20'))}`))).toMatchObject({ status: 'RECOGNISED', areaSqm: 200 });
      expect(okBody(await c.get(auditor, `/centres/${id}`))).toMatchObject({ status: 'BELOW_STANDARD', areaSqm: 150 });
    });
  });

  describe('the list (建设情况汇总表)', () => {
    it('by level, region, status and overdue remediation, inside the reader’s region', async () => {
      const overdue = nextOrg('440105');
      okBody(await record({ ...centreBody(overdue, { facts: { level: 'COUNTY', regionCode: '440105', venue: { areaSqm: 0, address: '示例路' } }, remediation: { plan: '租赁场地', deadline: '2026-01-31' } }), occurredAt: at('2026-01-05') }));
      const list = (actor: Actor, query: string) => c.get(actor, `/centres?${query}`);
      const overdueList = okBody(await list(actors.city, 'remediationOverdue=true&limit=200'));
      expect(overdueList.items.map((i: { orgId: string }) => i.orgId)).toContain(overdue);
      expect(overdueList.items.every((i: { status: string }) => i.status === 'BELOW_STANDARD')).toBe(true);
      const counties = okBody(await list(actors.city, 'level=COUNTY&limit=200'));
      expect(counties.items.every((i: { level: string }) => i.level === 'COUNTY')).toBe(true);
      const haizhu = okBody(await list(actors.haizhu, 'limit=200'));
      expect(haizhu.items.map((i: { regionCode: string }) => i.regionCode)).toEqual(['440105']);
      expect(okBody(await list(admin, 'level=PROVINCE&status=RECOGNISED')).items.length).toBeGreaterThan(0);
      expect(okBody(await list(actors.city, 'level=PROVINCE')).items).toEqual([]);
      await refused(() => list(actors.city, 'regionCode=440300'), 403, 'REGION_NOT_PERMITTED');
      await refused(() => list(providerUser(1), ''), 403);
    });
  });

  describe('centres serving deliveries', () => {
    /** A free delivery of the centre `centreId` to the enterprise, planned from today (in China). */
    const freeDelivery = (centreId: string, enterpriseId: string) =>
      deliveryBody('', enterpriseId, chinaDateOf(new Date()), { server: { kind: 'CENTRE', id: centreId }, fee: { kind: 'FREE', amountFen: 0 } });
    /** A delivery of a new province centre to a newly registered enterprise (`enterpriseSeed`). */
    const aProvinceCentreDelivery = async (enterpriseSeed: number) => {
      const enterprise = await registerEnterprise(c, enterpriseSeed);
      const orgId = nextOrg('440000');
      const { id } = okBody(await record(province({ orgId }), admin));
      const delivery = okBody(await c.post(staffOf(orgId, '440000'), '/deliveries', freeDelivery(id, enterprise.id)));
      return { enterprise, delivery };
    };

    it('a recognised centre registers a delivery stewarded by its city; a centre below standard is refused', async () => {
      const enterprise = await registerEnterprise(c, 641);
      const orgId = nextOrg();
      const { id } = okBody(await record(centreBody(orgId)));
      const body = freeDelivery(id, enterprise.id);
      const delivery = okBody(await c.post(staffOf(orgId), '/deliveries', body));
      expect(okBody(await c.get(actors.city, `/deliveries/${delivery.id}`))).toMatchObject({ server: { kind: 'CENTRE', id, orgId }, steward: { role: 'CITY_AUTHORITY', regionCode: '440100' } });
      expect(okBody(await c.get(staffOf(orgId), `/deliveries?centreId=${id}`)).items.map((d: { id: string }) => d.id)).toEqual([delivery.id]);
      await refused(() => c.get(actors.city, `/deliveries?centreId=${id}&stationId=${id}`), 400, 'ONE_ORGANISATION');
      okBody(await c.post(actors.city, `/deliveries/${delivery.id}/cancellation`, { reason: '企业另行委托' }));

      const belowOrg = nextOrg();
      const below = okBody(await record(centreBody(belowOrg, { facts: { venue: { areaSqm: 199, address: '示例路' } }, remediation })));
      await refused(() => c.post(staffOf(belowOrg), '/deliveries', { ...body, server: { kind: 'CENTRE', id: below.id } }), 409, 'CENTRE_NOT_RECOGNISED');
      await refused(() => c.post(staffOf(nextOrg()), '/deliveries', body), 403, 'NOT_OWNER');
    });

    it('the province centre’s delivery is stewarded by ADMIN', async () => {
      const { delivery } = await aProvinceCentreDelivery(642);
      expect(okBody(await c.get(admin, `/deliveries/${delivery.id}`))).toMatchObject({ steward: { role: 'ADMIN', regionCode: '440000' } });
      await refused(() => c.post(actors.city, `/deliveries/${delivery.id}/cancellation`, { reason: '取消' }), 403);
      okBody(await c.post(admin, `/deliveries/${delivery.id}/cancellation`, { reason: '企业另行委托' }));
    });

    it('a complaint on the province centre’s delivery opens a follow-up for ADMIN', async () => {
      const { enterprise, delivery } = await aProvinceCentreDelivery(643);
      okBody(await c.post({ id: 'ent-643', role: 'ENTERPRISE', orgId: enterprise.uscc, regionCode: '440106' }, `/deliveries/${delivery.id}/complaints`, { complaint: '服务人员未按时到场' }));
      expect(okBody(await c.get(admin, `/follow-ups?deliveryId=${delivery.id}`)).items).toEqual([expect.objectContaining({ cause: 'COMPLAINT', steward: { role: 'ADMIN', regionCode: '440000' } })]);
    });
  });
});
