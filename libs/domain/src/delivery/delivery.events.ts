import { FeedbackSchema } from '../feedback/feedback';
import { arrayOf, at, bool, businessDate, closed, integer, localRegionCode, number, oneOf, optional, recordId, text } from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { ServiceDomainSchema } from '../shared/service-domains';
import {
  DeliverableSchema,
  DeliveredProductSchema,
  DeliveryFeeSchema,
  deliveryModeSchema,
  ServedEnterpriseSchema,
  ServingOrganisationSchema,
  StewardSchema,
  visitChannelSchema,
} from './delivery.terms';

export const CONFIRMED_BY = ['ENTERPRISE', 'AUTOMATIC'] as const;

/** The fields a correction may set again (更正), each a text. */
export const CORRECTABLE_FIELDS = ['title', 'description', 'outcome'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** 服务项目: every event of a delivery's record, its 档案 together with the documents they fix. */
export const DELIVERY_EVENTS = recordEvents({ deliveryId: recordId('The delivery') }, {
  DeliveryRegistered: {
    action: 'registered',
    title: 'Delivery registered (服务项目登记)',
    summary: 'The serving organisation registered a service for one enterprise, from a demand and/or a catalogue product or on its own; stage REGISTERED.',
    payload: {
      server: ServingOrganisationSchema,
      steward: StewardSchema,
      enterprise: ServedEnterpriseSchema,
      demandId: optional(recordId('The demand it answers; the demand is linked and resolved by it')),
      product: optional(DeliveredProductSchema),
      domain: ServiceDomainSchema,
      title: text('服务项目名称'),
      description: text('服务内容'),
      plannedStart: businessDate('计划开始日期'),
      plannedEnd: businessDate('计划结束日期, not before plannedStart'),
      fee: DeliveryFeeSchema,
      staffHours: optional(number({ minimum: 0 }, '投入工时 (hours)')),
      mode: deliveryModeSchema(),
      regionCode: localRegionCode(),
      registeredAt: at('When it was registered'),
    },
  },
  DeliveryStarted: {
    action: 'started',
    title: 'Delivery started (服务开始)',
    summary: 'The service began; stage IN_PROGRESS.',
    payload: { startedOn: businessDate('开始日期'), startedAt: at('When it was recorded') },
  },
  DeliveryProgressNoted: {
    action: 'progress-noted',
    title: 'Progress noted (服务进展)',
    summary: 'A note on the service’s progress, for the 档案.',
    payload: { note: text('进展说明'), notedAt: at('When it was noted') },
  },
  DeliveryDelivered: {
    action: 'delivered',
    title: 'Service delivered (服务交付)',
    summary: 'The service was delivered with its outcome and documents; stage DELIVERED. It fixes the feedback window and the day of automatic confirmation.',
    payload: {
      deliveredOn: businessDate('交付日期'),
      outcome: text('服务成效'),
      deliverables: arrayOf(DeliverableSchema, { description: '交付成果 (documents by digest); may be empty' }),
      feedbackClosesOn: businessDate('The last day the enterprise may rate the delivery (the window in force, counted from deliveredOn)'),
      confirmableAutomaticallyFrom: businessDate('From this day an unconfirmed, undisputed delivery is confirmed automatically'),
      returnVisitSampled: bool('Drawn in the 回访 sample (a share of each organisation’s deliveries); a 差评 needs a 回访 whether drawn or not'),
      deliveredAt: at('When it was recorded'),
    },
  },
  DeliveryConfirmed: {
    action: 'confirmed',
    title: 'Delivery confirmed (服务确认)',
    summary: 'The enterprise confirmed the service, or the ledger did after the configured days without a word from it; stage CONFIRMED.',
    payload: {
      by: closed({ kind: oneOf(CONFIRMED_BY, 'ENTERPRISE: by the enterprise; AUTOMATIC: by the ledger after the days in force'), afterDays: optional(integer(1, undefined, 'For AUTOMATIC: the days in force')) }, { description: 'Who confirmed' }),
      confirmedAt: at('When it was confirmed'),
    },
  },
  DeliveryDisputed: {
    action: 'disputed',
    title: 'Delivery disputed (企业异议)',
    summary: 'The enterprise disputes the delivery; stage DISPUTED. A follow-up opens.',
    payload: { reason: text('异议理由'), disputedAt: at('When it was disputed') },
  },
  DeliveryCancelled: {
    action: 'cancelled',
    title: 'Delivery cancelled (服务取消)',
    summary: 'The service was cancelled before delivery; stage CANCELLED.',
    payload: { reason: text('取消原因'), cancelledAt: at('When it was cancelled') },
  },
  DeliveryRated: {
    action: 'rated',
    title: 'Delivery rated (满意度评价)',
    summary: 'The served enterprise rated the delivery inside the window. A rating of 1–2 (差评) opens a follow-up.',
    payload: { feedback: FeedbackSchema, ratedAt: at('When it was given') },
  },
  DeliveryRatingAmended: {
    action: 'rating-amended',
    title: 'Rating amended (修改评价)',
    summary: 'The enterprise amended its rating, once, inside the window; both stay in the record. A rating of 1–2 opens a follow-up.',
    payload: { feedback: FeedbackSchema, amendedAt: at('When it was amended') },
  },
  DeliveryComplaintLodged: {
    action: 'complaint-lodged',
    title: 'Complaint lodged (投诉)',
    summary: 'The enterprise complained about the service; a follow-up opens.',
    payload: { complaint: text('投诉内容'), lodgedAt: at('When it was lodged') },
  },
  DeliveryReturnVisitRecorded: {
    action: 'return-visit-recorded',
    title: 'Return visit recorded (客户回访)',
    summary: 'The steward visited the enterprise after the delivery and re-checked its satisfaction.',
    payload: {
      channel: visitChannelSchema(),
      visitedOn: businessDate('回访日期'),
      visitor: text('回访人'),
      findings: text('回访情况'),
      satisfaction: integer(1, 5, '回访满意度, 1–5'),
      recordedAt: at('When it was recorded'),
    },
  },
  DeliveryArchived: {
    action: 'archived',
    title: 'Delivery archived (归档)',
    summary: 'The dossier was complete and the steward archived it; only a correction changes it from now on.',
    payload: { archivedAt: at('When it was archived') },
  },
  DeliveryCorrected: {
    action: 'corrected',
    title: 'Archived delivery corrected (更正)',
    summary: 'The steward corrected an archived delivery, with a reason; the fields given replace the old ones, which stay in the record.',
    payload: {
      changes: closed(
        { title: optional(text('服务项目名称')), description: optional(text('服务内容')), outcome: optional(text('服务成效')) },
        { description: 'At least one field' },
      ),
      reason: text('更正理由'),
      correctedAt: at('When it was corrected'),
    },
  },
});

export type DeliveryEvent = EventOf<typeof DELIVERY_EVENTS>;
export type DeliveryEvents = EventsByType<typeof DELIVERY_EVENTS>;
