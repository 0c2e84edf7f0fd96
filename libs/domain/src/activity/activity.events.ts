import { ServedEnterpriseSchema, StewardSchema } from '../delivery/delivery.terms';
import { FeedbackSchema } from '../feedback/feedback';
import { arrayOf, at, businessDate, integer, localRegionCode, optional, recordId, text } from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import {
  activityKindSchema,
  activityModeSchema,
  ActivityFeeSchema,
  ActivityTimeSchema,
  CoOrganiserSchema,
  materialsSchema,
  OrganiserSchema,
  registeredBySchema,
  ThemeMonthLinkSchema,
} from './activity.terms';

/** 服务活动: every event of an activity's record, from its plan to the attendees' feedback. */
export const ACTIVITY_EVENTS = recordEvents({ activityId: recordId('The activity') }, {
  ActivityPlanned: {
    action: 'planned',
    title: 'Activity planned (活动计划)',
    summary: 'The organiser planned an activity: kind, theme, time, venue or online, capacity and fee, optionally in a theme month; stage PLANNED.',
    payload: {
      organiser: OrganiserSchema,
      steward: StewardSchema,
      coOrganisers: arrayOf(CoOrganiserSchema, { description: '协办单位; may be empty' }),
      title: text('活动名称'),
      kind: activityKindSchema(),
      theme: text('活动主题'),
      themeMonth: optional(ThemeMonthLinkSchema),
      time: ActivityTimeSchema,
      mode: activityModeSchema(),
      venue: text('举办地点 (an address), or the online platform'),
      capacity: integer(1, undefined, '可容纳企业数: registrations stop there'),
      fee: ActivityFeeSchema,
      regionCode: localRegionCode(),
      plannedAt: at('When it was planned'),
    },
  },
  ActivityPostponed: {
    action: 'postponed',
    title: 'Activity postponed (活动延期)',
    summary: 'The organiser moved the activity to a later time, with a reason; stage POSTPONED, still open for registration and holding.',
    payload: { time: ActivityTimeSchema, reason: text('延期原因'), postponedAt: at('When it was postponed') },
  },
  ActivityCancelled: {
    action: 'cancelled',
    title: 'Activity cancelled (活动取消)',
    summary: 'The activity was cancelled before it was held, with a reason; stage CANCELLED.',
    payload: { reason: text('取消原因'), cancelledAt: at('When it was cancelled') },
  },
  EnterpriseRegisteredForActivity: {
    action: 'enterprise-registered',
    title: 'Enterprise registered (企业报名)',
    summary: 'An enterprise of the enterprise database registered for the activity, by itself or by the organiser on its behalf, up to the capacity.',
    payload: {
      enterprise: ServedEnterpriseSchema,
      by: registeredBySchema(),
      registeredAt: at('When it registered'),
    },
  },
  ActivityHeld: {
    action: 'held',
    title: 'Activity held (活动举办)',
    summary: 'The activity took place: the registered enterprises present, the persons present, the materials by digest; stage HELD. Each enterprise present counts as 1 家次.',
    payload: {
      heldOn: businessDate('举办日期: the activity’s day'),
      enterprisesPresent: arrayOf(ServedEnterpriseSchema, { description: '到场企业: each registered, each once' }),
      personsPresent: integer(0, undefined, '到场人数: at least one person per enterprise present'),
      materials: materialsSchema(),
      feedbackClosesOn: businessDate('The last day an enterprise present may rate the activity (the window in force, counted from heldOn)'),
      heldAt: at('When it was recorded'),
    },
  },
  ActivityRated: {
    action: 'rated',
    title: 'Activity rated (活动满意度评价)',
    summary: 'An enterprise present rated the activity, once, inside the window.',
    payload: { enterpriseId: recordId('The enterprise present'), feedback: FeedbackSchema, ratedAt: at('When it was given') },
  },
  ActivityRatingAmended: {
    action: 'rating-amended',
    title: 'Activity rating amended (修改评价)',
    summary: 'The enterprise amended its rating, once, inside the window; both stay in the record.',
    payload: { enterpriseId: recordId('The enterprise present'), feedback: FeedbackSchema, amendedAt: at('When it was amended') },
  },
});

export type ActivityEvent = EventOf<typeof ACTIVITY_EVENTS>;
export type ActivityEvents = EventsByType<typeof ACTIVITY_EVENTS>;
