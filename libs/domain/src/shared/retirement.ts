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

/** The reason a retirement command gives (下架原因). */
export const requireRetirementReason = (reason: unknown): string => requireText(reason, 'reason', { zh: '下架原因', en: 'Reason' });
