import { anActor, GZ, HAIZHU, TIANHE } from '../shared/testing';
import type { PlanActivity } from './activity.commands';
import type { ActivityEvent } from './activity.events';

/** A Tianhe station's 融资 salon in March 2026, the theme month of the Guangzhou plan, as tests of every layer tell it. */
export const ACTIVITY_ID = '3f0c1a2b-4d5e-4f60-8a71-92b3c4d5e6f7';
export const STATION_ID = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8e';
export const STATION_ORG = '91440106MA5STA0017';
export const THEME_PLAN_ID = '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081';
export const ENTERPRISE_A = { enterpriseId: '7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', uscc: '91440106MA59C3PL24', name: '广州某软件科技有限公司', regionCode: TIANHE };
export const ENTERPRISE_B = { enterpriseId: '8d2f3e4a-5b6c-4d7e-9f80-a1b2c3d4e5f6', uscc: '914401056187432107', name: '广州某贸易有限公司', regionCode: HAIZHU };

export const stationOperator = anActor('STATION_OPERATOR', TIANHE, 'station-op', STATION_ORG);
export const enterpriseA = anActor('ENTERPRISE', TIANHE, 'enterprise-a', ENTERPRISE_A.uscc);
export const enterpriseB = anActor('ENTERPRISE', HAIZHU, 'enterprise-b', ENTERPRISE_B.uscc);
export const activitySteward = anActor('HUB', GZ, 'gz-hub', 'gz-hub-org');

export const planning: PlanActivity['data'] = {
  activityId: ACTIVITY_ID,
  organiser: { kind: 'STATION', id: STATION_ID, orgId: STATION_ORG, name: '天河区某中小企业服务站', regionCode: TIANHE },
  steward: { role: 'HUB', regionCode: GZ },
  coOrganisers: [{ name: '某银行广州分行' }],
  title: '科技型中小企业融资沙龙',
  kind: 'SALON',
  theme: '知识产权质押融资',
  themeMonth: { themePlanId: THEME_PLAN_ID, year: 2026, month: 3, theme: 'FINANCING' },
  time: { date: '2026-03-18', startTime: '14:30', endTime: '17:00' },
  mode: 'OFFLINE',
  venue: '天河区某大厦3楼会议室',
  capacity: 2,
  fee: { kind: 'FREE', amountFen: 0 },
  regionCode: TIANHE,
  facts: { organiserMayOrganise: true },
};

const { facts: _, ...plannedData } = planning;
export const planned: ActivityEvent = { type: 'ActivityPlanned', data: { ...plannedData, plannedAt: '2026-03-02T01:00:00.000Z' } };
export const registeredA: ActivityEvent = { type: 'EnterpriseRegisteredForActivity', data: { activityId: ACTIVITY_ID, enterprise: ENTERPRISE_A, by: 'ENTERPRISE', registeredAt: '2026-03-05T01:00:00.000Z' } };
export const registeredB: ActivityEvent = { type: 'EnterpriseRegisteredForActivity', data: { activityId: ACTIVITY_ID, enterprise: ENTERPRISE_B, by: 'ORGANISER', registeredAt: '2026-03-06T01:00:00.000Z' } };
export const held: ActivityEvent = {
  type: 'ActivityHeld',
  data: {
    activityId: ACTIVITY_ID,
    heldOn: '2026-03-18',
    enterprisesPresent: [ENTERPRISE_A],
    personsPresent: 3,
    materials: [{ title: '签到表', sha256: 'b'.repeat(64) }],
    feedbackClosesOn: '2026-04-17',
    heldAt: '2026-03-18T10:00:00.000Z',
  },
};
export const cancelled: ActivityEvent = { type: 'ActivityCancelled', data: { activityId: ACTIVITY_ID, reason: '场地临时停用', cancelledAt: '2026-03-10T01:00:00.000Z' } };
