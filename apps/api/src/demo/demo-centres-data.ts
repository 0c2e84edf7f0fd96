import { usccCheckCharacter, type Actor, type CentreFacts, type Remediation } from '@sme/domain';
import { derivedId } from '../records/derived-id';

/** Guangdong's 21 prefecture-level cities (GB/T 2260), with the abbreviation their documents use. */
export const GUANGDONG_CITIES: readonly { code: string; name: string; abbr: string }[] = [
  { code: '440100', name: '广州', abbr: '穗' },
  { code: '440200', name: '韶关', abbr: '韶' },
  { code: '440300', name: '深圳', abbr: '深' },
  { code: '440400', name: '珠海', abbr: '珠' },
  { code: '440500', name: '汕头', abbr: '汕' },
  { code: '440600', name: '佛山', abbr: '佛' },
  { code: '440700', name: '江门', abbr: '江' },
  { code: '440800', name: '湛江', abbr: '湛' },
  { code: '440900', name: '茂名', abbr: '茂' },
  { code: '441200', name: '肇庆', abbr: '肇' },
  { code: '441300', name: '惠州', abbr: '惠' },
  { code: '441400', name: '梅州', abbr: '梅' },
  { code: '441500', name: '汕尾', abbr: '汕尾' },
  { code: '441600', name: '河源', abbr: '河' },
  { code: '441700', name: '阳江', abbr: '阳' },
  { code: '441800', name: '清远', abbr: '清' },
  { code: '441900', name: '东莞', abbr: '东' },
  { code: '442000', name: '中山', abbr: '中' },
  { code: '445100', name: '潮州', abbr: '潮' },
  { code: '445200', name: '揭阳', abbr: '揭' },
  { code: '445300', name: '云浮', abbr: '云' },
];

export interface DemoCentre {
  id: string;
  facts: CentreFacts;
  remediation?: Remediation;
  /** Who records it: ADMIN, the city authority or the district authority. */
  by: Actor;
  on: string;
}

const ADMIN: Actor = { id: 'gd-platform-admin', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440000' };
export const cityAuthority = (code: string): Actor => ({ id: `miit-${code}`, role: 'CITY_AUTHORITY', orgId: `MIIT-${code}`, regionCode: code });
const districtAuthority = (code: string): Actor => ({ id: `district-${code}`, role: 'DISTRICT_AUTHORITY', orgId: `D-${code}`, regionCode: code });
export const centreStaff = (c: DemoCentre): Actor => ({ id: `centre-staff-${c.facts.regionCode}`, role: 'CENTRE_OPERATOR', orgId: c.facts.orgId, regionCode: c.facts.regionCode });

function operatorUscc(regionCode: string, seq: number): string {
  const first17 = `12${regionCode}MB${String(seq).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

type Figures = { areaSqm: number; fullTime: number; professional: number };
const FORMS = ['PUBLIC_INSTITUTION', 'PRIVATE_NON_ENTERPRISE', 'ENTERPRISE'] as const;
const ORIGINS = ['ESTABLISHED', 'RECOGNISED', 'DESIGNATED'] as const;

function centre(seq: number, name: string, level: CentreFacts['level'], regionCode: string, figures: Figures, by: Actor, extra: Partial<CentreFacts> & { abbr: string; remediation?: Remediation }): DemoCentre {
  const { abbr, remediation, ...facts } = extra;
  return {
    id: derivedId('demo-centre', regionCode, name),
    facts: {
      name,
      orgId: operatorUscc(regionCode, seq),
      legalForm: FORMS[seq % 3],
      level,
      regionCode,
      origin: { kind: ORIGINS[seq % 3], authority: `${name.replace(/中小企业服务中心$/, '')}中小企业主管部门（示例）`, documentNumber: `${abbr}经信函〔2017〕${100 + seq}号`, on: `2017-0${1 + (seq % 9)}-15` },
      venue: { areaSqm: figures.areaSqm, address: `${name}服务大厅（示例地址）` },
      staff: { fullTime: figures.fullTime, professional: figures.professional },
      head: `主任${seq}（示例）`,
      contact: { phone: `0${regionCode.slice(2, 4)}0-8000${String(seq).padStart(4, '0')}` },
      ...facts,
    },
    ...(remediation ? { remediation } : {}),
    by,
    on: `2026-01-0${2 + (seq % 4)}`,
  };
}

/** Cities below the city standard in the demo, each with a plan: 汕尾 short of venue, 河源 of professionals, 云浮 of staff. */
const BELOW: Record<string, { figures: Figures; remediation: Remediation }> = {
  '441500': { figures: { areaSqm: 180, fullTime: 8, professional: 6 }, remediation: { plan: '2026年上半年迁入市民服务中心，场地扩至260平方米', deadline: '2026-06-30' } },
  '441600': { figures: { areaSqm: 240, fullTime: 10, professional: 6 }, remediation: { plan: '招聘中级职称专业人员2名', deadline: '2027-03-31' } },
  '445300': { figures: { areaSqm: 220, fullTime: 5, professional: 4 }, remediation: { plan: '增配全职人员2名', deadline: '2026-09-30' } },
};

/**
 * The demo's centres (粤经信服务〔2016〕334号): the province centre, a centre in each of the 21 cities
 * (three below standard, with plans), five of Guangzhou's districts (增城 below), and towns of 东莞 and 中山.
 */
export const DEMO_CENTRES: readonly DemoCentre[] = [
  centre(1, '广东省中小企业服务中心', 'PROVINCE', '440000', { areaSqm: 1500, fullTime: 60, professional: 52 }, ADMIN, { abbr: '粤', legalForm: 'PUBLIC_INSTITUTION' }),
  ...GUANGDONG_CITIES.map((city, i) => {
    const below = BELOW[city.code];
    const figures = below?.figures ?? { areaSqm: 200 + ((i * 37) % 600), fullTime: 6 + (i % 12), professional: Math.ceil((6 + (i % 12)) * 0.8) };
    return centre(10 + i, `${city.name}市中小企业服务中心`, 'CITY', city.code, figures, cityAuthority(city.code), { abbr: city.abbr, ...(below ? { remediation: below.remediation } : {}) });
  }),
  ...[
    ['440106', '天河区', 180, 6],
    ['440105', '海珠区', 120, 4],
    ['440104', '越秀区', 90, 3],
    ['440113', '番禺区', 150, 5],
  ].map(([code, name, areaSqm, fullTime], i) =>
    centre(40 + i, `广州市${name}中小企业服务中心`, 'COUNTY', code as string, { areaSqm: areaSqm as number, fullTime: fullTime as number, professional: 2 }, districtAuthority(code as string), { abbr: '穗' }),
  ),
  centre(45, '广州市增城区中小企业服务中心', 'COUNTY', '440118', { areaSqm: 0, fullTime: 2, professional: 1 }, cityAuthority('440100'), {
    abbr: '穗',
    remediation: { plan: '依托区政务服务中心设立服务窗口', deadline: '2026-05-31' },
  }),
  centre(50, '东莞市虎门镇中小企业服务中心', 'TOWN', '441900', { areaSqm: 150, fullTime: 4, professional: 2 }, cityAuthority('441900'), { abbr: '东', town: '虎门镇' }),
  centre(51, '东莞市长安镇中小企业服务中心', 'TOWN', '441900', { areaSqm: 120, fullTime: 3, professional: 2 }, cityAuthority('441900'), { abbr: '东', town: '长安镇' }),
  centre(52, '中山市小榄镇中小企业服务中心', 'TOWN', '442000', { areaSqm: 100, fullTime: 3, professional: 1 }, cityAuthority('442000'), { abbr: '中', town: '小榄镇' }),
];
