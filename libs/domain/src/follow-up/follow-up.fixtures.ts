import { GZ, TIANHE } from '../shared/testing';
import { DELIVERY_ID, registration } from '../delivery/delivery.fixtures';
import type { OpenFollowUp } from './follow-up.commands';
import type { FollowUpEvent } from './follow-up.events';

export const FOLLOW_UP_ID = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';

/** A 差评 on the fixture delivery, given on Monday 28 September 2026: five working days run past 国庆节 to Saturday 10 October (调休). */
export const opening: OpenFollowUp['data'] = {
  followUpId: FOLLOW_UP_ID,
  deliveryId: DELIVERY_ID,
  causeRevision: 4,
  cause: 'POOR_RATING',
  detail: '报告空泛，未对接到合适产品',
  rating: 2,
  server: registration.server,
  enterprise: registration.enterprise,
  steward: registration.steward,
  escalateTo: { role: 'DISTRICT_AUTHORITY', regionCode: TIANHE },
  openedOn: '2026-09-28',
  workingDays: 5,
  dueOn: '2026-10-10',
};

export const opened: FollowUpEvent = { type: 'FollowUpOpened', data: { ...opening, openedAt: '2026-09-28T02:00:00.000Z' } };
export const contacted: FollowUpEvent = {
  type: 'FollowUpContacted',
  data: { followUpId: FOLLOW_UP_ID, channel: 'PHONE', contactedOn: '2026-09-29', note: '企业希望补充对接一家银行', contactedAt: '2026-09-29T02:00:00.000Z' },
};
export const planned: FollowUpEvent = { type: 'FollowUpPlanned', data: { followUpId: FOLLOW_UP_ID, plan: '十个工作日内补充对接一家银行', plannedAt: '2026-09-30T02:00:00.000Z' } };
export const STEWARD_CITY = GZ;
