import { activityReading, themePlanReading } from '../activities/activity.reading';
import { annualReportReading } from '../annual-reports/annual-report.reading';
import { applicationReading } from '../applications/application.reading';
import { centreReading } from '../centres/centre.reading';
import { deliveryReading, followUpReading } from '../deliveries/delivery.reading';
import { demandReading } from '../demands/demand.reading';
import { enterpriseReading } from '../enterprises/enterprise.reading';
import { evaluationReading, evaluationSchemeReading } from '../evaluations/evaluation-reading';
import { expertReading } from '../experts/expert.reading';
import { policyReading } from '../policies/policy.reading';
import { caseReading, productReading } from '../products/product.reading';
import { providerReading } from '../providers/provider.reading';
import type { RecordReading } from '../records/record-query';
import { stationReading } from '../stations/station.reading';
import { voucherProgrammeReading } from '../vouchers/voucher.reading';

// `any`: each reading is of its own view; the routes only hand it to the record query.
export type AnyReading = RecordReading<any, unknown>;

/** Every kind an auditor can read as one record, by its stream prefix, each with its read rule. */
export const RECORD_READINGS: Readonly<Record<string, AnyReading>> = {
  application: applicationReading,
  station: stationReading,
  enterprise: enterpriseReading,
  provider: providerReading,
  expert: expertReading,
  product: productReading,
  case: caseReading,
  policy: policyReading,
  demand: demandReading,
  delivery: deliveryReading,
  followup: followUpReading,
  themeplan: themePlanReading,
  activity: activityReading,
  centre: centreReading,
  evalscheme: evaluationSchemeReading,
  evaluation: evaluationReading,
  annualreport: annualReportReading,
  voucher: voucherProgrammeReading,
};
