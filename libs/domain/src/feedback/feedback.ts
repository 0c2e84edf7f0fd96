import { closed, integer, optional, text, type Static } from '../shared/schema/builders';
import { codeLists, type CodeOf } from '../shared/code-lists';
import { conflict } from '../shared/domain-error';
import { fieldInvalid, requireInteger, requireText, type Label } from '../shared/validation';
import { compareBusinessDates } from '../shared/dates';
import { addCalendarDays } from '../shared/calendar/working-days';
import codes from './feedback.codes.json';

/**
 * 意见反馈 / 满意度评价: what an enterprise says of a service it received — a delivery now, an activity
 * or a product later. Five levels, 非常满意 5 to 非常不满意 1; the bottom two are 差评 and open a follow-up.
 */
export const SATISFACTION_MIN = 1;
export const SATISFACTION_MAX = 5;
export const SATISFACTION_LABELS = codes.satisfactionLevels;

/** The bottom two levels count as 差评 (DESIGN: “the bottom two levels count as 差评 and open a follow-up”). */
export const isPoorRating = (rating: number): boolean => rating <= 2;

export const { feedbackAspects } = codeLists(codes);

export type FeedbackAspect = CodeOf<typeof feedbackAspects>;

const level = (what: string) => integer(SATISFACTION_MIN, SATISFACTION_MAX, `${what}: 5 非常满意, 4 满意, 3 一般, 2 不满意, 1 非常不满意`);

export const FeedbackSchema = closed(
  {
    rating: level('满意度'),
    comment: text('评价意见'),
    aspects: optional(
      closed(
        {
          response: optional(level('响应速度')),
          professionalism: optional(level('专业水平')),
          outcome: optional(level('服务成效')),
          attitude: optional(level('服务态度')),
        },
        { description: '分项评价: any of the four aspects, each 1–5' },
      ),
    ),
  },
  { $id: 'Feedback', description: '满意度评价: an overall rating with a comment, and optionally a rating per aspect' },
);
export type Feedback = Static<typeof FeedbackSchema>;

const RATING: Label = { zh: '满意度', en: 'Rating' };

/** The feedback as given, checked: FIELD_INVALID naming the field otherwise. */
export function checkFeedback(value: unknown, path = 'feedback'): Feedback {
  const given = (value ?? {}) as { rating?: unknown; comment?: unknown; aspects?: unknown };
  const rating = requireInteger(given.rating, `${path}.rating`, RATING, SATISFACTION_MIN, SATISFACTION_MAX);
  const comment = requireText(given.comment, `${path}.comment`, { zh: '评价意见', en: 'Comment' });
  if (given.aspects === undefined) return { rating, comment };
  if (given.aspects === null || typeof given.aspects !== 'object' || Array.isArray(given.aspects)) {
    throw fieldInvalid(`${path}.aspects`, { zh: '分项评价', en: 'Aspects' }, '须为对象', 'must be an object');
  }
  const checked: Partial<Record<FeedbackAspect, number>> = {};
  for (const [name, score] of Object.entries(given.aspects)) {
    if (!feedbackAspects.is(name)) {
      throw fieldInvalid(`${path}.aspects.${name}`, { zh: '分项评价', en: 'Aspect' }, `须为以下之一：${feedbackAspects.codes.join('、')}`, `must be one of ${feedbackAspects.codes.join(', ')}`);
    }
    checked[name] = requireInteger(score, `${path}.aspects.${name}`, feedbackAspects.labels[name], SATISFACTION_MIN, SATISFACTION_MAX);
  }
  return { rating, comment, aspects: checked };
}

/** Feedback as a record keeps it: the first rating, and the one amendment the window allows. */
export type FeedbackRecord = { given: Feedback; givenOn: string; amended?: Feedback; amendedOn?: string };

/** The rating that counts: the amendment's when there is one. */
export const currentRating = (record: FeedbackRecord): number => (record.amended ?? record.given).rating;

/** The last day feedback may be given: the window (评价期, whole days, at least one) counted from the day of the service. */
export function feedbackClosesOn(feedbackWindowDays: unknown, servedOn: string): string {
  const windowDays = requireInteger(feedbackWindowDays, 'feedbackWindowDays', { zh: '评价期（天）', en: 'Feedback window (days)' }, 1);
  return addCalendarDays(servedOn, windowDays);
}

/** Refuses feedback after the window (the last day it may be given is `closesOn`, inclusive). */
export function requireInsideWindow(today: string, closesOn: string): void {
  if (compareBusinessDates(today, closesOn) > 0) {
    throw conflict('FEEDBACK_WINDOW_CLOSED', `评价期已于${closesOn}结束`, `The feedback window closed on ${closesOn}`);
  }
}

/** A first rating once; one amendment, inside the window, after it. */
export function requireMayRate(record: FeedbackRecord | undefined, amending: boolean): void {
  if (!amending && record !== undefined) throw conflict('FEEDBACK_ALREADY_GIVEN', '已评价，只能在评价期内修改一次', 'Feedback was already given; it may be amended once inside the window');
  if (amending && record === undefined) throw conflict('FEEDBACK_NOT_GIVEN', '尚未评价，无可修改', 'No feedback has been given to amend');
  if (amending && record?.amended !== undefined) throw conflict('FEEDBACK_ALREADY_AMENDED', '评价只能修改一次', 'Feedback may be amended only once');
}

