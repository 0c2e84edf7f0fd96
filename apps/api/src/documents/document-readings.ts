import { activityReading } from '../activities/activity.reading';
import { annualReportReading } from '../annual-reports/annual-report.reading';
import { applicationReading } from '../applications/application.reading';
import { centreReading } from '../centres/centre.reading';
import { deliveryReading, followUpReading } from '../deliveries/delivery.reading';
import { evaluationReading } from '../evaluations/evaluation-reading';
import { providerReading } from '../providers/provider.reading';
import type { RecordReading } from '../records/record-query';
import { stationReading } from '../stations/station.reading';
import { voucherProgrammeReading } from '../vouchers/voucher.reading';

/**
 * The records whose events fix documents by their digest, each with its read rule: whoever may read
 * the record may open its documents, and nobody else. (An application's materials, a revocation's
 * evidence, a delivery's deliverables, an activity's materials, a report's or an evaluation's evidence,
 * a provider's entry materials, a voucher claim's dossier.)
 */
// `any`: each reading is of its own view; the route only passes it to the record query.
type AnyReading = RecordReading<any, unknown>;

export const DOCUMENT_READINGS: Readonly<Record<string, AnyReading>> = {
  application: applicationReading,
  station: stationReading,
  provider: providerReading,
  delivery: deliveryReading,
  followup: followUpReading,
  activity: activityReading,
  centre: centreReading,
  annualreport: annualReportReading,
  evaluation: evaluationReading,
  voucher: voucherProgrammeReading,
};
