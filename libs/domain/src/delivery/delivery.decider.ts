import type { RecordLabel } from '../shared/record-kind';
import { checkFeedback, feedbackClosesOn, requireInsideWindow, requireMayRate } from '../feedback/feedback';
import { chinaDateOf, compareBusinessDates } from '../shared/dates';
import { createdOnce, decideByType, guardedBy } from '../shared/decide-by-type';
import type { Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { requireLocalRegionCode } from '../shared/city-scope';
import { serviceDomains } from '../shared/service-domains';
import { fieldInvalid, L, requireBusinessDate, requireInteger, requireOneOf, requireText, type Label } from '../shared/validation';
import { addCalendarDays } from '../shared/calendar/working-days';
import type {
  AmendDeliveryRating,
  ArchiveDelivery,
  CancelDelivery,
  ConfirmDelivery,
  ConfirmDeliveryAutomatically,
  CorrectDelivery,
  DeliverService,
  DeliveryCommand,
  DisputeDelivery,
  LodgeComplaint,
  NoteDeliveryProgress,
  RateDelivery,
  RecordReturnVisit,
  RegisterDelivery,
  StartDelivery,
} from './delivery.commands';
import { CORRECTABLE_FIELDS, type DeliveryEvent } from './delivery.events';
import { checkDeliverables, checkDeliveryFee, missingForArchive, requireNotAfterToday, requireRegistrationFacts } from './delivery.rules';
import { evolveDelivery, initialDeliveryState, type DeliveryState, type ExistingDelivery } from './delivery.state';
import { deliveryModes, deliveryStages, visitChannels, type DeliveryStage } from './delivery.terms';

const today = (now: Date) => chinaDateOf(now);

/** How delivery records are named when one is missing or is created a second time. */
export const DELIVERY_RECORD: RecordLabel = { code: 'DELIVERY', zh: '服务项目', en: 'delivery' };

/** After 归档 only a correction changes the record; a cancelled delivery takes nothing more. */
const whileOpen = guardedBy((d: ExistingDelivery) => {
  if (d.status === 'ARCHIVED') throw conflict('DELIVERY_ARCHIVED', '服务项目已归档，只能更正', 'The delivery is archived; only a correction can change it');
  if (d.status === 'CANCELLED') throw conflict('DELIVERY_CANCELLED', '服务项目已取消', 'The delivery was cancelled');
});

/**
 * What a delivery's steps decide: the stages, the feedback window, the dossier's completeness and the
 * correction-only rule after 归档. Who may take each step is delivery.access.ts's, checked before.
 */
const decide = decideByType<DeliveryCommand, DeliveryState, DeliveryEvent, 'RegisterDelivery'>({
  onNew: { RegisterDelivery: createdOnce(DELIVERY_RECORD, register) },
  on: {
    StartDelivery: whileOpen(start),
    NoteDeliveryProgress: whileOpen(noteProgress),
    DeliverService: whileOpen(deliver),
    ConfirmDelivery: whileOpen(confirm),
    ConfirmDeliveryAutomatically: whileOpen(confirmAutomatically),
    DisputeDelivery: whileOpen(dispute),
    CancelDelivery: whileOpen(cancel),
    RateDelivery: whileOpen(rate),
    AmendDeliveryRating: whileOpen(amendRating),
    LodgeComplaint: whileOpen(lodgeComplaint),
    RecordReturnVisit: whileOpen(recordReturnVisit),
    ArchiveDelivery: whileOpen(archive),
    CorrectDelivery: correct,
  },
  record: DELIVERY_RECORD,
});

function requireStage(d: ExistingDelivery, allowed: readonly DeliveryStage[], doing: Label): void {
  if (allowed.includes(d.status)) return;
  const now = deliveryStages.labels[d.status];
  throw conflict('DELIVERY_STAGE', `服务项目${now.zh}，不能${doing.zh}`, `The delivery is ${now.en}; it cannot ${doing.en}`);
}

function register(command: RegisterDelivery, state: DeliveryState): DeliveryEvent[] {
  const { data, metadata } = command;
  if (!serviceDomains.is(data.domain)) throw fieldInvalid('domain', L('服务领域', 'Service domain'), '不是已知的服务领域', 'is not a known service domain');
  const title = requireText(data.title, 'title', L('服务项目名称', 'Title'));
  const description = requireText(data.description, 'description', L('服务内容', 'Description'));
  const plannedStart = requireBusinessDate(data.plannedStart, 'plannedStart', L('计划开始日期', 'Planned start'));
  const plannedEnd = requireBusinessDate(data.plannedEnd, 'plannedEnd', L('计划结束日期', 'Planned end'));
  if (compareBusinessDates(plannedEnd, plannedStart) < 0) {
    throw invalid('PLANNED_END_BEFORE_START', `计划结束日期（${plannedEnd}）早于计划开始日期（${plannedStart}）`, `The planned end (${plannedEnd}) is before the planned start (${plannedStart})`, 'plannedEnd');
  }
  const fee = checkDeliveryFee(data.fee, data.product?.feeKind);
  const mode = requireOneOf(data.mode, deliveryModes.codes, 'mode', L('服务方式', 'Mode'));
  const regionCode = requireLocalRegionCode(data.regionCode, 'regionCode');
  const staffHours = data.staffHours;
  if (staffHours !== undefined && (typeof staffHours !== 'number' || !Number.isFinite(staffHours) || staffHours < 0)) {
    throw fieldInvalid('staffHours', L('投入工时', 'Staff hours'), '须为不小于0的数', 'must be a number of hours from 0');
  }
  requireRegistrationFacts(data);
  const { facts: _, ...registered } = data;
  return [
    {
      type: 'DeliveryRegistered',
      data: { ...registered, title, description, plannedStart, plannedEnd, fee, mode, regionCode, registeredAt: metadata.now.toISOString() },
    },
  ];
}

function start(command: StartDelivery, d: ExistingDelivery): DeliveryEvent[] {
  requireStage(d, ['REGISTERED'], L('开始服务', 'start'));
  const { data, metadata } = command;
  const startedOn = requireBusinessDate(data.startedOn, 'startedOn', L('开始日期', 'Started on'));
  requireNotAfterToday(startedOn, today(metadata.now), 'startedOn', L('开始日期', 'Started on'));
  return [{ type: 'DeliveryStarted', data: { deliveryId: d.deliveryId, startedOn, startedAt: metadata.now.toISOString() } }];
}

function noteProgress(command: NoteDeliveryProgress, d: ExistingDelivery): DeliveryEvent[] {
  requireStage(d, ['IN_PROGRESS'], L('记录进展', 'take a progress note'));
  const note = requireText(command.data.note, 'note', L('进展说明', 'Note'));
  return [{ type: 'DeliveryProgressNoted', data: { deliveryId: d.deliveryId, note, notedAt: command.metadata.now.toISOString() } }];
}

function deliver(command: DeliverService, d: ExistingDelivery): DeliveryEvent[] {
  requireStage(d, ['IN_PROGRESS'], L('交付', 'be delivered'));
  const { data, metadata } = command;
  const deliveredOn = requireBusinessDate(data.deliveredOn, 'deliveredOn', L('交付日期', 'Delivered on'));
  requireNotAfterToday(deliveredOn, today(metadata.now), 'deliveredOn', L('交付日期', 'Delivered on'));
  if (d.startedOn !== undefined && compareBusinessDates(deliveredOn, d.startedOn) < 0) {
    throw invalid('DELIVERED_BEFORE_START', `交付日期（${deliveredOn}）早于开始日期（${d.startedOn}）`, `Delivered on ${deliveredOn}, before it started (${d.startedOn})`, 'deliveredOn');
  }
  const outcome = requireText(data.outcome, 'outcome', L('服务成效', 'Outcome'));
  const deliverables = checkDeliverables(data.deliverables);
  const feedbackCloses = feedbackClosesOn(data.feedbackWindowDays, deliveredOn);
  const autoConfirmDays = requireInteger(data.autoConfirmDays, 'autoConfirmDays', L('自动确认（天）', 'Automatic confirmation (days)'), 1);
  return [
    {
      type: 'DeliveryDelivered',
      data: {
        deliveryId: d.deliveryId,
        deliveredOn,
        outcome,
        deliverables,
        feedbackClosesOn: feedbackCloses,
        confirmableAutomaticallyFrom: addCalendarDays(deliveredOn, autoConfirmDays),
        returnVisitSampled: data.returnVisitSampled === true,
        deliveredAt: metadata.now.toISOString(),
      },
    },
  ];
}

function confirm(command: ConfirmDelivery, d: ExistingDelivery): DeliveryEvent[] {
  requireStage(d, ['DELIVERED', 'DISPUTED'], L('确认', 'be confirmed'));
  return [{ type: 'DeliveryConfirmed', data: { deliveryId: d.deliveryId, by: { kind: 'ENTERPRISE' }, confirmedAt: command.metadata.now.toISOString() } }];
}

function confirmAutomatically(command: ConfirmDeliveryAutomatically, d: ExistingDelivery): DeliveryEvent[] {
  requireStage(d, ['DELIVERED'], L('自动确认', 'be confirmed automatically'));
  const delivery = d.delivery!;
  const on = today(command.metadata.now);
  if (compareBusinessDates(on, delivery.confirmableAutomaticallyFrom) < 0) {
    throw conflict(
      'NOT_YET_CONFIRMABLE',
      `${delivery.confirmableAutomaticallyFrom}起方可自动确认`,
      `The delivery can be confirmed automatically from ${delivery.confirmableAutomaticallyFrom}`,
    );
  }
  const afterDays = Math.round((Date.parse(delivery.confirmableAutomaticallyFrom) - Date.parse(delivery.deliveredOn)) / 86_400_000);
  return [{ type: 'DeliveryConfirmed', data: { deliveryId: d.deliveryId, by: { kind: 'AUTOMATIC', afterDays }, confirmedAt: command.metadata.now.toISOString() } }];
}

function dispute(command: DisputeDelivery, d: ExistingDelivery): DeliveryEvent[] {
  requireStage(d, ['DELIVERED'], L('提出异议', 'be disputed'));
  const reason = requireText(command.data.reason, 'reason', L('异议理由', 'Reason'));
  return [{ type: 'DeliveryDisputed', data: { deliveryId: d.deliveryId, reason, disputedAt: command.metadata.now.toISOString() } }];
}

function cancel(command: CancelDelivery, d: ExistingDelivery): DeliveryEvent[] {
  requireStage(d, ['REGISTERED', 'IN_PROGRESS'], L('取消（交付前方可取消）', 'be cancelled (only before delivery)'));
  const reason = requireText(command.data.reason, 'reason', L('取消原因', 'Reason'));
  return [{ type: 'DeliveryCancelled', data: { deliveryId: d.deliveryId, reason, cancelledAt: command.metadata.now.toISOString() } }];
}

function requireRatable(d: ExistingDelivery, now: Date, amending: boolean): void {
  requireStage(d, ['DELIVERED', 'DISPUTED', 'CONFIRMED'], L('评价（交付后方可评价）', 'be rated (only after delivery)'));
  requireMayRate(d.feedback, amending);
  requireInsideWindow(today(now), d.delivery!.feedbackClosesOn);
}

function rate(command: RateDelivery, d: ExistingDelivery): DeliveryEvent[] {
  requireRatable(d, command.metadata.now, false);
  const feedback = checkFeedback(command.data.feedback);
  return [{ type: 'DeliveryRated', data: { deliveryId: d.deliveryId, feedback, ratedAt: command.metadata.now.toISOString() } }];
}

function amendRating(command: AmendDeliveryRating, d: ExistingDelivery): DeliveryEvent[] {
  requireRatable(d, command.metadata.now, true);
  const feedback = checkFeedback(command.data.feedback);
  return [{ type: 'DeliveryRatingAmended', data: { deliveryId: d.deliveryId, feedback, amendedAt: command.metadata.now.toISOString() } }];
}

function lodgeComplaint(command: LodgeComplaint, d: ExistingDelivery): DeliveryEvent[] {
  const complaint = requireText(command.data.complaint, 'complaint', L('投诉内容', 'Complaint'));
  return [{ type: 'DeliveryComplaintLodged', data: { deliveryId: d.deliveryId, complaint, lodgedAt: command.metadata.now.toISOString() } }];
}

function recordReturnVisit(command: RecordReturnVisit, d: ExistingDelivery): DeliveryEvent[] {
  requireStage(d, ['DELIVERED', 'DISPUTED', 'CONFIRMED'], L('回访（交付后方可回访）', 'be visited (only after delivery)'));
  const { data, metadata } = command;
  const channel = requireOneOf(data.channel, visitChannels.codes, 'channel', L('回访方式', 'Channel'));
  const visitedOn = requireBusinessDate(data.visitedOn, 'visitedOn', L('回访日期', 'Visited on'));
  requireNotAfterToday(visitedOn, today(metadata.now), 'visitedOn', L('回访日期', 'Visited on'));
  if (compareBusinessDates(visitedOn, d.delivery!.deliveredOn) < 0) {
    throw invalid('VISIT_BEFORE_DELIVERY', `回访日期（${visitedOn}）早于交付日期（${d.delivery!.deliveredOn}）`, `Visited on ${visitedOn}, before the delivery (${d.delivery!.deliveredOn})`, 'visitedOn');
  }
  const visitor = requireText(data.visitor, 'visitor', L('回访人', 'Visitor'));
  const findings = requireText(data.findings, 'findings', L('回访情况', 'Findings'));
  const satisfaction = requireInteger(data.satisfaction, 'satisfaction', L('回访满意度', 'Satisfaction'), 1, 5);
  return [
    {
      type: 'DeliveryReturnVisitRecorded',
      data: { deliveryId: d.deliveryId, channel, visitedOn, visitor, findings, satisfaction, recordedAt: metadata.now.toISOString() },
    },
  ];
}

function archive(command: ArchiveDelivery, d: ExistingDelivery): DeliveryEvent[] {
  const missing = missingForArchive(d, command.data.followUps ?? [], today(command.metadata.now));
  if (missing.length > 0) {
    throw conflict(
      'DOSSIER_INCOMPLETE',
      `档案不完整，不能归档：${missing.map((m) => m.zh).join('；')}`,
      `The dossier is incomplete and cannot be archived: ${missing.map((m) => m.en).join('; ')}`,
    );
  }
  return [{ type: 'DeliveryArchived', data: { deliveryId: d.deliveryId, archivedAt: command.metadata.now.toISOString() } }];
}

function correct(command: CorrectDelivery, d: ExistingDelivery): DeliveryEvent[] {
  if (d.status !== 'ARCHIVED') {
    throw conflict('DELIVERY_NOT_ARCHIVED', '更正只用于已归档的服务项目；未归档的按正常流程办理', 'A correction is for an archived delivery; before 归档 the steps themselves record changes');
  }
  const { data, metadata } = command;
  const reason = requireText(data.reason, 'reason', L('更正理由', 'Reason'));
  const given = (data.changes ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(given).find((field) => !(CORRECTABLE_FIELDS as readonly string[]).includes(field));
  if (unknown !== undefined) {
    throw fieldInvalid(`changes.${unknown}`, L('更正内容', 'Changes'), `只能更正：${CORRECTABLE_FIELDS.join('、')}`, `only ${CORRECTABLE_FIELDS.join(', ')} can be corrected`);
  }
  const changes: { title?: string; description?: string; outcome?: string } = {};
  for (const field of CORRECTABLE_FIELDS) {
    if (given[field] !== undefined) changes[field] = requireText(given[field], `changes.${field}`, L('更正内容', 'Correction'));
  }
  if (Object.keys(changes).length === 0) throw fieldInvalid('changes', L('更正内容', 'Changes'), '至少更正一项', 'must correct at least one field');
  if (changes.outcome !== undefined && d.delivery === undefined) throw fieldInvalid('changes.outcome', L('服务成效', 'Outcome'), '服务未交付，无成效可更正', 'there is no outcome to correct');
  return [{ type: 'DeliveryCorrected', data: { deliveryId: d.deliveryId, changes, reason, correctedAt: metadata.now.toISOString() } }];
}

export const deliveryDecider: Decider<DeliveryCommand, DeliveryState, DeliveryEvent> = { initialState: initialDeliveryState, evolve: evolveDelivery, decide };
