import type { Actor } from '@sme/domain';
import type { TimeSlice } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { endOfBusinessDay } from './business-day';

/** `?asOf=` and `?knownAt=` as asked: a date (the end of that day in China) or an ISO 8601 time each. */
export interface ReadTimeRequest {
  asOf?: string;
  knownAt?: string;
}

/** The time slice a request asks for, or undefined when it asks for now. */
export function sliceOf({ asOf, knownAt }: ReadTimeRequest): TimeSlice | undefined {
  if (asOf === undefined && knownAt === undefined) return undefined;
  return { asOf: asOf === undefined ? undefined : endOfBusinessDay(asOf), knownAt: knownAt === undefined ? undefined : endOfBusinessDay(knownAt) };
}

/**
 * The rule of reading the past: only an AUDITOR replays the ledger to a business time or a record
 * time. Where a list is public as it stood (`openAsOf`: the station registry, the provider pool), anyone
 * may ask for its business time, and still only an AUDITOR for what the ledger knew when.
 */
export function requireTimeReader(actor: Actor | undefined, when: TimeSlice | undefined, { openAsOf = false } = {}): void {
  if (!when) return;
  if (actor?.role === 'AUDITOR') return;
  if (openAsOf && when.knownAt === undefined) return;
  throw ApiError.forbidden('AS_OF_AUDITOR_ONLY', '仅审计人员可按历史时点回放', 'Only an AUDITOR may replay a record as of a time');
}
