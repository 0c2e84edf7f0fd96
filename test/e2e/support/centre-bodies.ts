import { usccCheckCharacter } from '@sme/domain';

/** The operator's USCC of a test centre (a 事业单位, 12…), from a seed and the centre's region. */
export function centreUscc(seed: number, region = '440100'): string {
  const first17 = `12${region}MB${String(seed).padStart(7, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

/** A RecordCentre body: a city centre of Guangzhou exactly at the city standard unless `changes` say otherwise. */
export function centreBody(orgId: string, changes: { facts?: Record<string, unknown>; remediation?: Record<string, unknown> } = {}) {
  return {
    facts: {
      name: '广州市中小企业服务中心',
      orgId,
      legalForm: 'PUBLIC_INSTITUTION',
      level: 'CITY',
      regionCode: '440100',
      origin: { kind: 'ESTABLISHED', authority: '广州市工业和信息化局', documentNumber: '穗工信函〔2017〕88号', on: '2017-03-01' },
      venue: { areaSqm: 200, address: '广州市天河区示例路1号' },
      staff: { fullTime: 10, professional: 7 },
      head: '陈主任',
      contact: { phone: '020-38000001', email: 'centre@example.cn' },
      ...changes.facts,
    },
    ...(changes.remediation === undefined ? {} : { remediation: changes.remediation }),
  };
}
