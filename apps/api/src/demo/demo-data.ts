import { GUANGZHOU_DISTRICTS, usccCheckCharacter, type ApplicationForm, type Actor, type MaterialKind } from '@sme/domain';
import { materialKinds } from '@sme/domain';
import { createHash } from 'node:crypto';

/**
 * Demo data: the 2019 Guangzhou call for 中小企业服务站 (穗工信函〔2019〕1100号) with its real dates,
 * and fictitious operators (names and credit codes made up, check characters valid) at every stage.
 */
export const DEMO_CALL = {
  callId: '2019a110-0000-4000-8000-000000001100',
  title: '广州市中小企业服务站征集（2019年）',
  documentNumber: '穗工信函〔2019〕1100号',
  cityCode: '440100',
  registrationCutoff: '2018-01-01',
  districtDeadline: '2019-06-18T17:00:00+08:00',
  cityDeadline: '2019-06-21T00:00:00+08:00',
  targetStationCount: 100,
  openedAt: '2019-05-24T09:00:00+08:00',
};

export const CITY: Actor = { id: 'gz-miit-officer', role: 'CITY_AUTHORITY', orgId: 'GZ-MIIT', regionCode: '440100' };
export const HUB: Actor = { id: 'gz-hub-officer', role: 'HUB', orgId: 'GZ-PARK-CHAMBER', regionCode: '440100' };
export const AUDITOR: Actor = { id: 'gz-auditor', role: 'AUDITOR', orgId: 'GZ-AUDIT', regionCode: '440100' };
export const districtAuthority = (districtCode: string): Actor => ({
  id: `district-officer-${districtCode}`,
  role: 'DISTRICT_AUTHORITY',
  orgId: `DISTRICT-${districtCode}`,
  regionCode: districtCode,
});

export const EXPERTS: Actor[] = [
  { id: 'expert-demo-1', role: 'EXPERT', orgId: 'EXPERT-ORG-UNIVERSITY', regionCode: '440100' },
  { id: 'expert-demo-2', role: 'EXPERT', orgId: 'EXPERT-ORG-INSTITUTE', regionCode: '440100' },
  { id: 'expert-demo-3', role: 'EXPERT', orgId: 'EXPERT-ORG-ACCOUNTANTS', regionCode: '440100' },
];
export const EXPERT_NAMES = ['林教授（示例）', '黄研究员（示例）', '周会计师（示例）'];

/** Where each demo application ends up. */
export type DemoOutcome =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'DISTRICT_REJECTED'
  | 'DISTRICT_PASSED'
  | 'PANEL_FORMED'
  | 'SCORED'
  | 'NOT_RECOMMENDED'
  | 'RECOMMENDED'
  | 'REJECTED'
  | 'DESIGNATED'
  | 'REVOKED'
  | 'WITHDRAWN';

export interface DemoApplicant {
  key: number;
  districtCode: string;
  operatorName: string;
  stationName: string;
  outcome: DemoOutcome;
}

const PLAN: DemoOutcome[] = [
  'DESIGNATED', 'DESIGNATED', 'DESIGNATED', 'REVOKED', 'WITHDRAWN', 'DESIGNATED', 'DESIGNATED', 'DESIGNATED',
  'DESIGNATED', 'DESIGNATED', 'DESIGNATED', 'REJECTED', 'RECOMMENDED', 'NOT_RECOMMENDED', 'SCORED', 'PANEL_FORMED',
  'DISTRICT_PASSED', 'DISTRICT_REJECTED', 'SUBMITTED', 'DRAFT',
];

export const DEMO_APPLICANTS: DemoApplicant[] = PLAN.map((outcome, i) => {
  const district = GUANGZHOU_DISTRICTS[i % GUANGZHOU_DISTRICTS.length];
  const short = district.nameZh.replace('区', '');
  return {
    key: i + 1,
    districtCode: district.code,
    operatorName: `广州${short}示例产业园运营有限公司${i + 1}号`,
    stationName: `${district.nameZh}示例中小企业服务站${i + 1}号`,
    outcome,
  };
});

/** A made-up but well-formed 统一社会信用代码 for the i-th demo operator, registered in its district. */
export function demoUscc(key: number, districtCode: string): string {
  const first17 = `9144${districtCode.slice(2)}MA5${String(key).padStart(6, '0')}`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export function demoForm(applicant: DemoApplicant, materials: readonly MaterialKind[] = materialKinds.codes): ApplicationForm {
  const uscc = demoUscc(applicant.key, applicant.districtCode);
  const k = applicant.key;
  return {
    operator: {
      name: applicant.operatorName,
      uscc,
      type: k % 3 === 0 ? 'BUSINESS_ASSOCIATION' : 'SCIENCE_PARK',
      industry: k % 2 === 0 ? '软件和信息技术服务业' : '先进制造业',
      registrationDate: `201${k % 7}-0${(k % 9) + 1}-15`,
      registrationRegionCode: applicant.districtCode,
      legalRepresentative: `法定代表人${k}（示例）`,
      nature: '有限责任公司',
      registeredAddress: `广州市示例路${k}号`,
      postcode: '510000',
      officeAddress: `广州市示例路${k}号${k}楼`,
      contact: { name: `联系人${k}（示例）`, phone: `020-3800${String(k).padStart(4, '0')}`, email: `contact${k}@example.cn` },
      ...(k % 3 === 0 ? {} : { parkOpenedOn: `201${k % 7}-09` }),
      enterprisesServed: 80 + k * 13,
    },
    operations: [
      { year: 2017, revenue: 800 + k * 40, serviceRevenue: 200 + k * 10, totalAssets: 3000 + k * 100, totalProfit: 60 + k, taxPaid: 30 + k, smesServed: 90 + k * 5 },
      { year: 2018, revenue: 900 + k * 45, serviceRevenue: 240 + k * 12, totalAssets: 3300 + k * 110, totalProfit: 70 + k, taxPaid: 35 + k, smesServed: 110 + k * 6 },
    ],
    station: {
      name: applicant.stationName,
      districtCode: applicant.districtCode,
      address: `广州市示例路${k}号服务大厅`,
      areaSqm: 80 + k * 5,
      fullTimeStaff: (k % 3) + 1,
      qualifiedFullTimeStaff: 1,
      partTimeStaff: k % 4,
      head: { name: `站长${k}（示例）`, phone: `1380000${String(k).padStart(4, '0')}`, email: `head${k}@example.cn`, education: 'COLLEGE_OR_BACHELOR' },
    },
    materials: materials.map((kind) => ({ kind, fileName: `${kind.toLowerCase()}-${k}.pdf`, sha256: sha(`${kind}-${k}`) })),
  };
}

export const operatorActor = (applicant: DemoApplicant): Actor => ({
  id: `operator-${applicant.key}`,
  role: 'STATION_OPERATOR',
  orgId: demoUscc(applicant.key, applicant.districtCode),
  regionCode: applicant.districtCode,
});
