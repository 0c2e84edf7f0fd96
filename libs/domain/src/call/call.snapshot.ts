import { chinaYearOf } from '../shared/dates';

/**
 * What an application needs to know about its call. The command handler reads the call's stream,
 * takes this snapshot and puts it into the application commands that depend on the call.
 */
export type CallSnapshot = {
  id: string;
  status: 'OPEN' | 'CLOSED' | 'PUBLISHED';
  cityCode: string;
  documentNumber: string;
  /** 'YYYY-MM-DD'; operators must have been registered before this date. */
  registrationCutoff: string;
  /** ISO-8601 instant with offset; applications reach the district by then (逾期不予受理). */
  districtDeadline: string;
  /** ISO-8601 instant with offset; districts forward their reviews to the city by then. */
  cityDeadline: string;
  targetStationCount: number;
};

/** The call's year: the year (in China) of its district deadline, e.g. 2019. */
export const callYear = (call: Pick<CallSnapshot, 'districtDeadline'>): number => chinaYearOf(call.districtDeadline);
