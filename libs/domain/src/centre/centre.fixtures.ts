import { anActor, GD, GZ, TIANHE } from '../shared/testing';
import type { RecordCentre } from './centre.commands';
import type { CentreEvent } from './centre.events';
import { centreStandardOn, checkCentre } from './centre.standards';
import type { CentreFacts } from './centre.terms';

/** Guangzhou's city centre and a Tianhe county centre, as tests of every layer tell them. */
export const CENTRE_ID = '5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c';
export const CENTRE_USCC = '12440100MB2C378519';
export const PROVINCE_CENTRE_ID = '5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b60';
export const PROVINCE_CENTRE_USCC = '12440000MB2C3785XT';

export const gzCityAuthority = anActor('CITY_AUTHORITY', GZ, 'gz-official', 'gz-miit');
export const tianheAuthority = anActor('DISTRICT_AUTHORITY', TIANHE, 'th-official');
export const centreAdmin = anActor('ADMIN', GD, 'platform-admin');
export const centreStaff = anActor('CENTRE_OPERATOR', GZ, 'centre-staff', CENTRE_USCC);

/** A city centre exactly at the city standard: 200 ㎡, 10 staff of whom 7 professional (70 %). */
export const cityCentreFacts: CentreFacts = {
  name: '广州市中小企业服务中心',
  orgId: CENTRE_USCC,
  legalForm: 'PUBLIC_INSTITUTION',
  level: 'CITY',
  regionCode: GZ,
  origin: { kind: 'ESTABLISHED', authority: '广州市工业和信息化局', documentNumber: '穗工信函〔2017〕88号', on: '2017-03-01' },
  venue: { areaSqm: 200, address: '广州市天河区示例路1号' },
  staff: { fullTime: 10, professional: 7 },
  head: '陈主任',
  contact: { phone: '020-38000001', email: 'centre@example.cn' },
};

export const provinceCentreFacts: CentreFacts = {
  name: '广东省中小企业服务中心',
  orgId: PROVINCE_CENTRE_USCC,
  legalForm: 'PUBLIC_INSTITUTION',
  level: 'PROVINCE',
  regionCode: GD,
  origin: { kind: 'ESTABLISHED', authority: '广东省经济和信息化委员会', documentNumber: '粤经信服务〔2016〕334号', on: '2016-11-04' },
  venue: { areaSqm: 1000, address: '广州市越秀区示例路2号' },
  staff: { fullTime: 35, professional: 28 },
  head: '李主任',
  contact: { phone: '020-83000001' },
};

export const recordCity: RecordCentre['data'] = { centreId: CENTRE_ID, facts: cityCentreFacts };

export const recognised: CentreEvent = {
  type: 'CentreRecognised',
  data: { centreId: CENTRE_ID, facts: cityCentreFacts, check: checkCentre(centreStandardOn('2026-03-02'), cityCentreFacts), recognisedAt: '2026-03-02T01:00:00.000Z' },
};

const shortFacts: CentreFacts = { ...cityCentreFacts, venue: { ...cityCentreFacts.venue, areaSqm: 199 } };
export const remediation = { plan: '2026年底前迁入300平方米新场地', deadline: '2026-12-31' };
export const recordedBelow: CentreEvent = {
  type: 'CentreRecordedBelowStandard',
  data: { centreId: CENTRE_ID, facts: shortFacts, check: checkCentre(centreStandardOn('2026-03-02'), shortFacts), remediation, recordedAt: '2026-03-02T01:00:00.000Z' },
};

export const PROVIDER = { providerId: '2b3c4d5e-6f70-4a1b-8c2d-3e4f5a6b7c8d', uscc: '91440101MA5CXXXX1K', name: '广州某财税咨询有限公司', regionCode: GZ };
export const providersLinked: CentreEvent = { type: 'CentreProvidersLinked', data: { centreId: CENTRE_ID, providers: [PROVIDER], linkedAt: '2026-03-03T01:00:00.000Z' } };
