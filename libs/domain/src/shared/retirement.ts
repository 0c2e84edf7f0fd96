import { conflict } from './domain-error';
import type { RecordLabel } from './record-kind';
import { requireText } from './validation';

/** What a published record (a product, a case, an FAQ) carries once retired (下架). */
export type Retirement = { status: 'RETIRED'; retiredAt: string; retirementReason: string };

/** A published record as its retirement event leaves it. */
export const retired = <P extends { status: 'PUBLISHED' }>(record: P, { retiredAt, reason }: { retiredAt: string; reason: string }): Omit<P, 'status'> & Retirement => ({
  ...record,
  status: 'RETIRED',
  retiredAt,
  retirementReason: reason,
});

/** A retired record of this label refuses the step: `<CODE>_RETIRED`, 「该…已下架」, "The … has been retired" (409). */
export const recordRetired = (label: RecordLabel) => conflict(`${label.code}_RETIRED`, `该${label.zh}已下架`, `The ${label.en} has been retired`);

/** A record still published: a retired one refuses the step (`recordRetired`). */
export function requirePublished<R extends { status: string }>(record: R, label: RecordLabel): asserts record is Exclude<R, Retirement> {
  if (record.status === 'RETIRED') throw recordRetired(label);
}

/** What a retire command (下架) of a published record records: its reason and when. */
export function retirementOf(
  record: { status: string },
  command: { data: { reason: unknown }; metadata: { now: Date } },
  label: RecordLabel,
): { reason: string; retiredAt: string } {
  requirePublished(record, label);
  const reason = requireText(command.data.reason, 'reason', { zh: '下架原因', en: 'Reason' });
  return { reason, retiredAt: command.metadata.now.toISOString() };
}
