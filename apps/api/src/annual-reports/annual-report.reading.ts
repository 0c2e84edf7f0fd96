import { annualReportKind } from '@sme/domain';
import { projectAnnualReport, type AnnualReportView } from '@sme/read-models';
import { readingOf } from '../records/record-query';
import { annualReportReadForbidden, mayReadAnnualReport } from './annual-report-access';

export const annualReportReading = readingOf<AnnualReportView>(annualReportKind, projectAnnualReport, {
  mayRead: mayReadAnnualReport,
  forbidden: annualReportReadForbidden,
});
