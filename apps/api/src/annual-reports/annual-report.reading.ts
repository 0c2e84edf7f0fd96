import { annualReportKind } from '@sme/domain';
import { projectAnnualReport, type AnnualReportView } from '@sme/read-models';
import { readingOf } from '../records/record-query';
import { annualReportReadForbidden, mayReadAnnualReport } from './annual-report-access';

export const annualReportReading = readingOf<AnnualReportView>(annualReportKind, projectAnnualReport, { code: 'ANNUAL_REPORT', zh: '年度总结', en: 'annual report' }, {
  mayRead: mayReadAnnualReport,
  forbidden: annualReportReadForbidden,
});
