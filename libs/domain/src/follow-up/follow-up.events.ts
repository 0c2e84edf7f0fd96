import { at, bool, businessDate, closed, integer, oneOf, optional, recordId, text } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';
import { ServedEnterpriseSchema, ServingOrganisationSchema, StewardSchema, visitChannelSchema } from '../delivery/delivery.terms';

export const FOLLOW_UP_CAUSES = ['POOR_RATING', 'DISPUTE', 'COMPLAINT'] as const;
export const FOLLOW_UP_CLOSED_BY = ['ENTERPRISE', 'STEWARD'] as const;
export const ESCALATION_ROLES = ['DISTRICT_AUTHORITY', 'CITY_AUTHORITY'] as const;

const followUpId = () => recordId('The follow-up');

/** What every opening records besides its subject and cause: the parties, where it goes when overdue, and its due day. */
const OPENING = {
  detail: text('What the enterprise said: the comment, the reason or the complaint'),
  rating: optional(integer(1, 2, 'The poor rating, for POOR_RATING')),
  server: ServingOrganisationSchema,
  enterprise: ServedEnterpriseSchema,
  steward: StewardSchema,
  escalateTo: closed(
    { role: oneOf(ESCALATION_ROLES, 'The authority an overdue follow-up goes to'), regionCode: text('Its region: the enterprise’s district, or its city') },
    { description: 'Where it goes when overdue' },
  ),
  openedOn: businessDate('开始日期'),
  workingDays: integer(1, undefined, 'The working days allowed (the setting in force)'),
  dueOn: businessDate('办结时限: the last working day, on the working-day calendar'),
  openedAt: at('When it was opened'),
};

/** 差评跟进: every event of a follow-up's record. */
export const FOLLOW_UP_EVENTS = {
  FollowUpOpened: {
    version: 1,
    action: 'opened',
    title: 'Follow-up opened (差评跟进)',
    summary: 'A 差评, a dispute or a complaint on a delivery opened a follow-up for the steward, due in working days.',
    payload: closed({
      followUpId: followUpId(),
      deliveryId: recordId('The delivery'),
      causeRevision: integer(0, undefined, 'The revision of the delivery event that called for it'),
      cause: oneOf(FOLLOW_UP_CAUSES, 'POOR_RATING 差评 (1–2), DISPUTE 异议, COMPLAINT 投诉'),
      ...OPENING,
    }),
  },
  FollowUpOpenedOnActivity: {
    version: 1,
    action: 'opened-on-activity',
    title: 'Follow-up opened on an activity (活动差评跟进)',
    summary: 'An enterprise present rated an activity 1–2 (差评); the organiser’s steward follows it up, due in working days.',
    payload: closed({
      followUpId: followUpId(),
      activityId: recordId('The activity'),
      causeRevision: integer(0, undefined, 'The revision of the activity event (the rating or its amendment) that called for it'),
      cause: oneOf(['POOR_RATING'] as const, 'POOR_RATING 差评 (1–2)'),
      ...OPENING,
    }),
  },
  FollowUpContacted: {
    version: 1,
    action: 'contacted',
    title: 'Enterprise contacted (联系企业)',
    summary: 'The steward reached the enterprise about the complaint.',
    payload: closed({
      followUpId: followUpId(),
      channel: visitChannelSchema(),
      contactedOn: businessDate('联系日期'),
      note: text('沟通情况'),
      contactedAt: at('When it was recorded'),
    }),
  },
  FollowUpPlanned: {
    version: 1,
    action: 'planned',
    title: 'Rectification planned (整改计划)',
    summary: 'The rectification the serving organisation will make, recorded by it or the steward.',
    payload: closed({ followUpId: followUpId(), plan: text('整改计划'), plannedAt: at('When it was recorded') }),
  },
  FollowUpRectified: {
    version: 1,
    action: 'rectified',
    title: 'Rectified (整改完成)',
    summary: 'The rectification was made.',
    payload: closed({ followUpId: followUpId(), rectification: text('整改情况'), rectifiedOn: businessDate('整改完成日期'), rectifiedAt: at('When it was recorded') }),
  },
  FollowUpClosed: {
    version: 1,
    action: 'closed',
    title: 'Follow-up closed (跟进办结)',
    summary: 'Closed by the enterprise’s confirmation (with a new rating, when given) or by the steward’s decision with a reason.',
    payload: closed({
      followUpId: followUpId(),
      by: oneOf(FOLLOW_UP_CLOSED_BY, 'ENTERPRISE: the enterprise confirmed; STEWARD: the steward decided'),
      rating: optional(integer(1, 5, 'The enterprise’s rating on closing, 1–5')),
      reason: text('The enterprise’s words, or the steward’s reason'),
      closedOn: businessDate('办结日期'),
      onTime: bool('Closed on or before dueOn'),
      closedAt: at('When it was closed'),
    }),
  },
  FollowUpEscalated: {
    version: 1,
    action: 'escalated',
    title: 'Follow-up escalated (逾期上报)',
    summary: 'The follow-up was still open after its due day; it went to the district or city authority. It stays open.',
    payload: closed({
      followUpId: followUpId(),
      to: closed({ role: oneOf(ESCALATION_ROLES, 'The authority'), regionCode: text('Its region') }, { description: 'Who received it' }),
      dueOn: businessDate('The day it was due'),
      overdueWorkingDays: integer(1, undefined, 'Working days past dueOn, on the working-day calendar'),
      escalatedAt: at('When it was escalated'),
    }),
  },
} satisfies EventSpecs;

export type FollowUpEvent = EventOf<typeof FOLLOW_UP_EVENTS>;
export type FollowUpEvents = EventsByType<typeof FOLLOW_UP_EVENTS>;
