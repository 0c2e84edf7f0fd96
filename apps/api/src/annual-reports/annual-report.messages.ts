import { Query } from '@nestjs/cqrs';
import type { Actor, AnnualReportCommand, ReportSubjectKind, SubmitAnnualReport, SubmitCityReport } from '@sme/domain';
import type { AnnualReportListFilter, AnnualReportView, missingReports } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import { ActorListQuery } from '../read-side/list-query';

type Of<T extends AnnualReportCommand['type']> = Extract<AnnualReportCommand, { type: T }>['data'];

/** A report as the request gives it: the organisation by kind and id; the ledger reads it, its figures and the deadline. */
export type SubmitAnnualReportBody = {
  type: 'SubmitAnnualReport';
  data: Pick<SubmitAnnualReport['data'], 'reportId' | 'year' | 'summary' | 'plan'> & { subject: { kind: ReportSubjectKind; id: string } };
};
export type ResubmitAnnualReportBody = { type: 'ResubmitAnnualReport'; data: Omit<Of<'ResubmitAnnualReport'>, 'figures'> };
/** The city report as the hub gives it: the ledger gathers the accepted reports and what is outstanding. */
export type SubmitCityReportBody = { type: 'SubmitCityReport'; data: Pick<SubmitCityReport['data'], 'reportId' | 'year' | 'cityCode' | 'summary' | 'plan'> };

export type AnnualReportCommandBody =
  | SubmitAnnualReportBody
  | ResubmitAnnualReportBody
  | SubmitCityReportBody
  | CommandBody<Exclude<AnnualReportCommand, { type: 'SubmitAnnualReport' | 'ResubmitAnnualReport' | 'SubmitCityReport' }>>;

export class ListAnnualReportsQuery extends ActorListQuery<AnnualReportListFilter, AnnualReportView> {}

/** The organisations due in a region without an on-time report for the year. */
export class MissingReportsQuery extends Query<Awaited<ReturnType<typeof missingReports>>> {
  constructor(
    readonly year: number,
    readonly regionCode: string | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}
