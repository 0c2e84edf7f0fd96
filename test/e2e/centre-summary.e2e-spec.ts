import ExcelJS from 'exceljs';
import type { Actor } from '@sme/domain';
import { activityBody, holdingBody } from './support/activity-bodies';
import { centreBody, centreUscc } from './support/centre-bodies';
import { deliveryBody, entryApplication, handoverBody, providerUser } from './support/library-bodies';
import { admin, registerEnterprise, self } from './support/policies-demands';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors } from './support/station-lifecycle';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const staffOf = (orgId: string, regionCode: string): Actor => ({ id: `staff-${orgId}`, role: 'CENTRE_OPERATOR', orgId, regionCode });

/**
 * 中小企业服务中心建设情况汇总表 of Guangzhou for 2026, from the records: the city centre and two district
 * centres (one below its standard), a linked provider, an activity held and a delivery made — as JSON
 * and as the XLSX form, cell by cell.
 */
describe('the centres summary (建设情况汇总表)', () => {
  const { c, refused } = useSpecApp();
  const post = (actor: Actor, path: string, body: object, date: string, time?: string) => c.post(actor, path, { ...body, occurredAt: at(date, time) });

  it('lists every centre with its figures of the year, counts the districts with and without one, and writes the same as XLSX', async () => {
    const cityOrg = centreUscc(901);
    const tianheOrg = centreUscc(902, '440106');
    const haizhuOrg = centreUscc(903, '440105');
    const { id: cityCentre } = okBody(await post(actors.city, '/centres', centreBody(cityOrg), '2026-01-05'));
    const tianheFacts = { name: '天河区中小企业服务中心', level: 'COUNTY', regionCode: '440106', legalForm: 'PRIVATE_NON_ENTERPRISE', venue: { areaSqm: 300, address: '天河区示例路3号' }, staff: { fullTime: 4, professional: 2 } };
    const { id: tianheCentre } = okBody(await post(actors.city, '/centres', centreBody(tianheOrg, { facts: tianheFacts }), '2026-01-05'));
    const haizhuFacts = { name: '海珠区中小企业服务中心', level: 'COUNTY', regionCode: '440105', venue: { areaSqm: 0, address: '海珠区示例路4号' }, staff: { fullTime: 2, professional: 1 } };
    okBody(await post(actors.city, '/centres', centreBody(haizhuOrg, { facts: haizhuFacts, remediation: { plan: '年内落实固定场地', deadline: '2026-12-31' } }), '2026-01-05'));

    const user = providerUser(904);
    const { id: providerId } = okBody(await post(user, '/providers/entry-applications', entryApplication(904), '2026-01-06'));
    okBody(await post(actors.hub, `/providers/${providerId}/entry-decision`, { admitted: true, opinion: '同意入库' }, '2026-01-07'));
    okBody(await post(staffOf(cityOrg, '440100'), `/centres/${cityCentre}/providers`, { providerIds: [providerId] }, '2026-01-08'));

    // The city centre holds a salon with two enterprises and 25 persons; the Tianhe centre delivers a service.
    const [a, b] = [await registerEnterprise(c, 905), await registerEnterprise(c, 906)];
    const cityStaff = staffOf(cityOrg, '440100');
    const { id: activityId } = okBody(await post(cityStaff, '/activities', { ...activityBody('', '2026-03-18'), organiser: { kind: 'CENTRE', id: cityCentre } }, '2026-03-01'));
    for (const e of [a, b]) okBody(await post(self(e.uscc), `/activities/${activityId}/registrations`, { enterpriseId: e.id }, '2026-03-05'));
    okBody(await post(cityStaff, `/activities/${activityId}/holding`, holdingBody([a.id, b.id], 25), '2026-03-18', '18:00'));
    const tianheStaff = staffOf(tianheOrg, '440106');
    const { id: deliveryId } = okBody(await post(tianheStaff, '/deliveries', deliveryBody('', a.id, '2026-04-01', { server: { kind: 'CENTRE', id: tianheCentre }, fee: { kind: 'FREE', amountFen: 0 } }), '2026-04-01'));
    okBody(await post(tianheStaff, `/deliveries/${deliveryId}/start`, { startedOn: '2026-04-01' }, '2026-04-01'));
    okBody(await post(tianheStaff, `/deliveries/${deliveryId}/handover`, handoverBody('2026-04-03'), '2026-04-03'));

    const summary = okBody(await c.get(actors.city, '/centres/summary?regionCode=440100&year=2026'));
    expect(summary.title).toBe('广州市中小企业服务中心建设情况汇总表');
    expect(summary.divisions).toMatchObject({ total: 11, withCentre: 2, withoutCentre: 9 });
    expect(summary.headerLines[1]).toMatch(/^该地区有11个市（县、区）行政区划，目前已成立服务中心的有2个；没有成立服务中心的有9个，包括/);
    expect(summary.rows).toEqual([
      [1, '广州市中小企业服务中心', '事业单位', 10, 200, `1家：广州某知识产权服务有限公司904`, 1, 25, '陈主任', '020-38000001；centre@example.cn', ''],
      [2, '海珠区中小企业服务中心', '事业单位', 2, 0, '0', 0, 0, '陈主任', '020-38000001；centre@example.cn', expect.stringMatching(/^未达标：.*整改期限2026-12-31$/)],
      [3, '天河区中小企业服务中心', '民办非企业单位', 4, 300, '0', 0, 1, '陈主任', '020-38000001；centre@example.cn', ''],
    ]);

    const res = await c.download(actors.city, '/centres/summary?regionCode=440100&year=2026&format=xlsx');
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('汇总表')!;
    expect(sheet.getCell(1, 1).value).toBe(summary.title);
    summary.headerLines.forEach((line: string, i: number) => expect(sheet.getCell(2 + i, 1).value).toBe(line));
    summary.columns.forEach((column: string, col: number) => expect(sheet.getCell(4, col + 1).value).toBe(column));
    summary.rows.forEach((row: unknown[], r: number) => row.forEach((value, col) => expect(sheet.getCell(5 + r, col + 1).value).toEqual(value)));

    // A district reads its own; another city's authority reads none.
    const tianhe = okBody(await c.get(actors.tianhe, '/centres/summary?regionCode=440106&year=2026'));
    expect(tianhe.rows.map((row: unknown[]) => row[1])).toEqual(['天河区中小企业服务中心']);
    const shenzhen: Actor = { id: 'sz-1', role: 'CITY_AUTHORITY', orgId: 'SZ-MIIT', regionCode: '440300' };
    await refused(() => c.get(shenzhen, '/centres/summary?regionCode=440100&year=2026'), 403, 'SUMMARY_READ_FORBIDDEN');
    await refused(() => c.get(admin, '/centres/summary?regionCode=4401&year=2026'), 400);
  });
});
