import { randomUUID } from 'node:crypto';
import { centreKind, deliveryKind, type Actor } from '@sme/domain';
import type { EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { ADMIN, CITY, TIANHE_DISTRICT, uscc } from '@sme/event-store/testing/history-actors';

/**
 * 服务中心, written through the decider: a province, a city, a county and a town centre. Every event
 * type occurs at least once, and so do the optional fields (a town, an e-mail address, a remediation
 * plan given with a change) — and a delivery by the province centre, whose steward is ADMIN.
 */
export async function writeCentreHistory(store: EventStore, options: { year?: number } = {}): Promise<{ centreIds: string[] }> {
  const year = options.year ?? 2026;
  const { run } = commandRunner(store);
  const at = (monthDay: string) => `${year}-${monthDay}T10:00:00+08:00`;
  const origin = { kind: 'ESTABLISHED', authority: '广州市工业和信息化局', documentNumber: '穗工信函〔2017〕88号', on: '2017-03-01' };
  const facts = (name: string, orgId: string, level: string, regionCode: string, areaSqm: number, fullTime: number, professional: number) => ({
    name,
    orgId,
    legalForm: 'PUBLIC_INSTITUTION',
    level,
    regionCode,
    origin,
    venue: { areaSqm, address: `${name}服务大厅` },
    staff: { fullTime, professional },
    head: '陈主任',
    contact: { phone: '020-38000001', email: 'centre@example.cn' },
  });
  const remediation = { plan: '租赁新场地并增配专职人员', deadline: `${year}-12-31` };

  const province = randomUUID();
  const provinceOrgId = uscc('12440000MB2C3785X');
  await run(centreKind, province, ADMIN, at('01-05'), 'RecordCentre', {
    centreId: province,
    facts: { ...facts('广东省中小企业服务中心', provinceOrgId, 'PROVINCE', '440000', 1200, 40, 36), contact: { phone: '020-83000001' } },
  });
  const provinceStaff: Actor = { id: 'province-centre-staff', role: 'CENTRE_OPERATOR', orgId: provinceOrgId, regionCode: '440000' };
  const delivery = randomUUID();
  await run(deliveryKind, delivery, provinceStaff, at('01-10'), 'RegisterDelivery', {
    deliveryId: delivery,
    server: { kind: 'CENTRE', id: province, orgId: provinceOrgId, name: '广东省中小企业服务中心', regionCode: '440000' },
    steward: { role: 'ADMIN', regionCode: '440000' },
    enterprise: { enterpriseId: randomUUID(), uscc: uscc('91440106MA5ENT002'), name: '广州某电子科技有限公司', regionCode: '440106' },
    domain: 'FINANCE',
    title: '融资对接',
    description: '对接省级融资服务平台',
    plannedStart: `${year}-01-12`,
    plannedEnd: `${year}-01-30`,
    fee: { kind: 'FREE', amountFen: 0 },
    mode: 'ONLINE',
    regionCode: '440106',
    facts: { serverMayServe: true },
  });
  await run(deliveryKind, delivery, ADMIN, at('01-11'), 'CancelDelivery', { deliveryId: delivery, reason: '企业另行委托' });

  const cityOrgId = uscc('12440100MB2C37851');
  const city = randomUUID();
  const staff: Actor = { id: 'centre-staff', role: 'CENTRE_OPERATOR', orgId: cityOrgId, regionCode: '440100' };
  await run(centreKind, city, CITY, at('01-06'), 'RecordCentre', { centreId: city, facts: facts('广州市中小企业服务中心', cityOrgId, 'CITY', '440100', 200, 10, 7) });
  await run(centreKind, city, staff, at('02-01'), 'UpdateCentreFacts', { centreId: city, changes: { staff: { fullTime: 5, professional: 4 } }, remediation });
  await run(centreKind, city, staff, at('03-01'), 'UpdateCentreFacts', { centreId: city, changes: { staff: { fullTime: 8, professional: 6 } } });
  const provider = { providerId: randomUUID(), uscc: uscc('91440106MA5PRW001'), name: '广州某知识产权服务有限公司', regionCode: '440106' };
  await run(centreKind, city, staff, at('03-02'), 'LinkCentreProviders', { centreId: city, providers: [{ ...provider, inPool: true }] });
  await run(centreKind, city, staff, at('03-03'), 'UnlinkCentreProvider', { centreId: city, providerId: provider.providerId, reason: '合作到期' });

  const county = randomUUID();
  await run(centreKind, county, TIANHE_DISTRICT, at('01-07'), 'RecordCentre', {
    centreId: county,
    facts: facts('天河区中小企业服务中心', uscc('12440106MB2C37851'), 'COUNTY', '440106', 0, 2, 1),
    remediation,
  });
  await run(centreKind, county, TIANHE_DISTRICT, at('04-01'), 'CloseCentre', { centreId: county, reason: '职能并入区政务服务中心' });

  const town = randomUUID();
  const dongguan: Actor = { id: 'dg-official', role: 'CITY_AUTHORITY', orgId: 'DG-MIIT', regionCode: '441900' };
  await run(centreKind, town, dongguan, at('01-08'), 'RecordCentre', {
    centreId: town,
    facts: { ...facts('东莞市虎门镇中小企业服务中心', uscc('52441900MJ0000001'), 'TOWN', '441900', 150, 3, 1), town: '虎门镇', legalForm: 'PRIVATE_NON_ENTERPRISE' },
  });
  return { centreIds: [province, city, county, town] };
}
