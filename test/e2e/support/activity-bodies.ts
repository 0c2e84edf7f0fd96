import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A station's free salon in 天河区 on `on`, 14:30–17:00, for up to `capacity` enterprises. */
export const activityBody = (stationId: string, on: string, overrides: Record<string, unknown> = {}) => ({
  organiser: { kind: 'STATION', id: stationId },
  coOrganisers: [{ name: '某银行广州分行' }],
  title: '科技型中小企业融资沙龙',
  kind: 'SALON',
  theme: '知识产权质押融资',
  time: { date: on, startTime: '14:30', endTime: '17:00' },
  mode: 'OFFLINE',
  venue: '天河区某大厦3楼会议室',
  capacity: 30,
  fee: { kind: 'FREE', amountFen: 0 },
  regionCode: '440106',
  ...overrides,
});

/** The holding: the enterprises present, the persons, the agenda and sign-in sheet by digest. */
export const holdingBody = (enterpriseIds: string[], persons: number, overrides: Record<string, unknown> = {}) => ({
  enterpriseIdsPresent: enterpriseIds,
  personsPresent: persons,
  materials: [
    { title: '议程', fileName: '议程.pdf', sha256: sha256(`agenda-${enterpriseIds.join()}`) },
    { title: '签到表', sha256: sha256(`sign-in-${enterpriseIds.join()}`) },
  ],
  ...overrides,
});
