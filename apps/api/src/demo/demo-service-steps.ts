import { addCalendarDays, addWorkingDays, isWorkingDay, type Actor, type ServingKind, type WorkingCalendar } from '@sme/domain';
import type { CommandResult } from '../commands/command-executor';
import type { DeliveryCommandBody, FollowUpCommandBody } from '../deliveries/delivery.messages';
import { DOMAIN_TEXTS, RATING_COMMENTS, documentOf, type DemoDelivery } from './demo-services-data';

/** One thing done at a business time; the loader runs every delivery's steps and the sweeps in time order. */
export interface DemoStep {
  at: string;
  run: () => Promise<void>;
}

/** The three parties of one demo delivery, and what its registration names. */
export interface DemoParties {
  server: Actor;
  serverRef: { kind: ServingKind; id: string };
  steward: Actor;
  visitor: string;
  enterprise: Actor;
  enterpriseId: string;
  regionCode: string;
  productId?: string;
  fee: { kind: string; amountFen: number };
}

/** How the steps reach the ledger: through the command bus, as the loader sets it up. */
export interface DemoRunner {
  calendar: WorkingCalendar;
  delivery(body: DeliveryCommandBody, actor: Actor, at: string): Promise<CommandResult>;
  followUp(body: FollowUpCommandBody, actor: Actor, at: string): Promise<CommandResult>;
  /** After a step that may open a follow-up: waits for the reaction, then names the follow-up the event called for. */
  followUpOpenedBy(deliveryId: string, result: CommandResult): Promise<string>;
  /** Whether the delivery, as its record stands, needs a 回访 (drawn for the sample, or given a 差评). */
  needsReturnVisit(deliveryId: string): Promise<boolean>;
}

const time = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`;

/** The steps of one delivery's story, from registration to 归档 (or as far as its story goes). */
export function stepsOf(d: DemoDelivery, p: DemoParties, ledger: DemoRunner): DemoStep[] {
  const steps: DemoStep[] = [];
  const on = (date: string, hhmm: string, run: () => Promise<unknown>) => steps.push({ at: time(date, hhmm), run: async () => void (await run()) });
  const wd = (date: string, n: number) => addWorkingDays(ledger.calendar, date, n);
  const nextWd = (date: string) => (isWorkingDay(ledger.calendar, date) ? date : wd(date, 1));
  const cal = addCalendarDays;
  const deliveryId = d.id;
  const text = DOMAIN_TEXTS[d.domain]!;
  const deliveryAt = (date: string, hhmm: string, type: string, data: object, actor: Actor) =>
    on(date, hhmm, () => ledger.delivery({ type, data: { deliveryId, ...data } } as DeliveryCommandBody, actor, time(date, hhmm)));

  let followUpId = '';
  const followUpAt = (date: string, hhmm: string, type: string, data: object, actor: Actor) =>
    on(date, hhmm, () => ledger.followUp({ type, data: { followUpId, ...data } } as FollowUpCommandBody, actor, time(date, hhmm)));
  /** A step whose event calls for a follow-up: the follow-up's id is known once the reaction has opened it. */
  const causing = (date: string, hhmm: string, type: string, data: object, actor: Actor) =>
    on(date, hhmm, async () => {
      const result = await ledger.delivery({ type, data: { deliveryId, ...data } } as DeliveryCommandBody, actor, time(date, hhmm));
      followUpId = await ledger.followUpOpenedBy(deliveryId, result);
    });

  const S = nextWd(d.start);
  const plannedStart = d.story === 'REGISTERED' ? wd(S, 5) : S;
  const D = wd(S, d.workingDays);
  const { title, description, outcome, document } = text;
  const registration = {
    server: p.serverRef,
    enterpriseId: p.enterpriseId,
    ...(p.productId === undefined ? {} : { productId: p.productId }),
    domain: d.domain,
    title,
    description,
    plannedStart,
    plannedEnd: wd(plannedStart, d.workingDays),
    fee: p.fee,
    staffHours: d.workingDays * 4,
    mode: d.n % 3 === 0 ? 'ONLINE' : 'OFFLINE',
    regionCode: p.regionCode,
  };
  deliveryAt(S, '09:00', 'RegisterDelivery', registration, p.server);
  if (d.story === 'REGISTERED') return steps;
  deliveryAt(S, '09:30', 'StartDelivery', { startedOn: S }, p.server);
  if (d.story === 'CANCELLED' || d.story === 'CANCELLED_BY_STEWARD') {
    deliveryAt(wd(S, 1), '15:00', 'NoteDeliveryProgress', { note: '企业对接人变更，服务暂停，待双方重新确认方案' }, p.server);
    const byServer = d.story === 'CANCELLED';
    const reason = byServer ? '企业经营调整，经双方协商终止本次服务' : '服务未按计划开展且无法继续，经核实予以取消';
    deliveryAt(wd(S, 2), '11:00', 'CancelDelivery', { reason }, byServer ? p.server : p.steward);
    return steps;
  }
  const noteDay = d.workingDays >= 2 ? wd(S, Math.floor(d.workingDays / 2)) : S;
  deliveryAt(noteDay, '15:00', 'NoteDeliveryProgress', { note: `已完成前期调研，${title}按计划推进` }, p.server);
  if (d.story === 'IN_PROGRESS') return steps;
  deliveryAt(D, '16:00', 'DeliverService', { deliveredOn: D, outcome, deliverables: [documentOf(document, deliveryId)] }, p.server);
  if (d.story === 'DELIVERED') return steps;

  const feedback = (rating: number) => ({
    feedback: rating <= 2 ? { rating, comment: RATING_COMMENTS[rating], aspects: { professionalism: rating, outcome: rating, attitude: 3 } } : { rating, comment: RATING_COMMENTS[rating] },
  });
  const channel = (['PHONE', 'ONSITE', 'ONLINE', 'MEETING'] as const)[d.n % 4];
  /** 回访 by the steward: where the record needs one, or `always`. */
  const visit = (date: string, findings: string, satisfaction: number, always = false) =>
    on(date, '10:30', async () => {
      if (!always && !(await ledger.needsReturnVisit(deliveryId))) return;
      await ledger.delivery({ type: 'RecordReturnVisit', data: { deliveryId, channel, visitedOn: date, visitor: p.visitor, findings, satisfaction } }, p.steward, time(date, '10:30'));
    });
  const archive = (date: string) => deliveryAt(date, '14:00', 'ArchiveDelivery', {}, p.steward);
  const confirm = () => deliveryAt(cal(D, 1), '10:00', 'ConfirmDelivery', {}, p.enterprise);
  const rectified = (planDay: string, rectifyDay: string, settleDay: string) => {
    followUpAt(planDay, '15:00', 'RecordRectificationPlan', { plan: '三个工作日内补充完善服务方案，安排专人上门对接' }, p.server);
    followUpAt(rectifyDay, '16:00', 'RecordRectification', { rectification: '已补充完善服务方案并上门讲解', rectifiedOn: rectifyDay }, p.server);
    followUpAt(settleDay, '10:00', 'ConfirmFollowUpSettled', { rating: 4, comment: '整改后问题已解决，认可处理结果' }, p.enterprise);
  };

  switch (d.story) {
    case 'HAPPY':
    case 'RATED_UNARCHIVED': {
      confirm();
      deliveryAt(cal(D, 2), '11:00', 'RateDelivery', feedback(d.rating), p.enterprise);
      visit(wd(cal(D, 2), 2), '企业反映服务及时，成果已投入使用', Math.max(d.rating, 4));
      if (d.story === 'HAPPY') archive(wd(cal(D, 2), 5));
      break;
    }
    case 'CONFIRMED_UNRATED':
      confirm();
      break;
    case 'AUTO_CONFIRMED':
      // Nobody confirms: the deadline sweep does, AUTO_CONFIRM_DAYS after delivery; the rating comes later.
      deliveryAt(cal(D, 10), '11:00', 'RateDelivery', feedback(d.rating), p.enterprise);
      visit(wd(cal(D, 10), 2), '企业确认已收到服务成果，评价如实', d.rating);
      archive(nextWd(cal(D, 20)));
      break;
    case 'AUTO_CONFIRMED_UNRATED':
      // Neither confirmed nor rated: archived once the feedback window has closed.
      visit(wd(D, 10), '企业表示服务已完成，暂无意见', 4);
      archive(nextWd(cal(D, 31)));
      break;
    case 'POOR_SETTLED':
    case 'POOR_SETTLED_AMENDED':
    case 'POOR_SETTLED_LATE':
    case 'POOR_CLOSED_BY_STEWARD':
    case 'POOR_OPEN_ESCALATED': {
      confirm();
      const R = nextWd(cal(D, 2));
      causing(R, '11:00', 'RateDelivery', feedback(d.rating), p.enterprise);
      followUpAt(wd(R, 1), '10:00', 'RecordFollowUpContact', { channel: 'PHONE', contactedOn: wd(R, 1), note: '电话联系企业负责人，了解不满意的具体原因' }, p.steward);
      if (d.story === 'POOR_CLOSED_BY_STEWARD') {
        const reason = '经核实，服务人员爽约系企业临时变更时间所致，已向企业说明并致歉，企业不再要求整改';
        followUpAt(wd(R, 3), '16:00', 'CloseFollowUp', { reason }, p.steward);
        visit(wd(R, 4), '企业接受说明，希望今后提前确认服务时间', 3, true);
        archive(wd(R, 6));
      } else if (d.story === 'POOR_OPEN_ESCALATED') {
        followUpAt(wd(R, 2), '15:00', 'RecordRectificationPlan', { plan: '重新制定参展方案，补充目标市场分析' }, p.server);
        visit(wd(R, 3), '整改方案尚未落实，企业仍不满意，已督促服务站加快整改', 2, true);
      } else {
        const late = d.story === 'POOR_SETTLED_LATE';
        rectified(wd(R, 1), wd(R, late ? 6 : 3), wd(R, late ? 7 : 4));
        if (d.story === 'POOR_SETTLED_AMENDED') deliveryAt(wd(R, 4), '10:30', 'AmendDeliveryRating', feedback(4), p.enterprise);
        visit(wd(R, late ? 8 : 5), '整改后企业认可服务成效', 4, true);
        archive(wd(R, late ? 10 : 7));
      }
      break;
    }
    case 'DISPUTE': {
      const X0 = nextWd(cal(D, 2));
      causing(X0, '10:00', 'DisputeDelivery', { reason: '检测报告缺少约定的两项指标，不予确认' }, p.enterprise);
      const X = wd(X0, 1);
      followUpAt(X, '10:00', 'RecordFollowUpContact', { channel: 'ONSITE', contactedOn: X, note: '上门核实异议，确认检测报告漏检两项指标' }, p.steward);
      rectified(X, wd(X, 2), wd(X, 3));
      deliveryAt(wd(X, 3), '10:30', 'ConfirmDelivery', {}, p.enterprise);
      deliveryAt(wd(X, 3), '11:00', 'RateDelivery', feedback(d.rating), p.enterprise);
      visit(wd(X, 4), '补测后报告完整，企业认可', 4, true);
      archive(wd(X, 6));
      break;
    }
    case 'COMPLAINT': {
      confirm();
      deliveryAt(cal(D, 2), '11:00', 'RateDelivery', feedback(d.rating), p.enterprise);
      const C = nextWd(cal(D, 5));
      causing(C, '09:30', 'LodgeComplaint', { complaint: '实际收费高于约定的低收费标准' }, p.enterprise);
      followUpAt(wd(C, 1), '10:00', 'RecordFollowUpContact', { channel: 'PHONE', contactedOn: wd(C, 1), note: '核对收费凭证，确认多收材料费' }, p.steward);
      rectified(wd(C, 1), wd(C, 3), wd(C, 4));
      visit(wd(C, 5), '多收费用已退还，企业满意', 4, true);
      archive(wd(C, 7));
      break;
    }
  }
  return steps;
}
