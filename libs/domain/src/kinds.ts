import type { RecordKind } from './shared/record-kind';
import { activityKind } from './activity/activity.kind';
import { annualReportKind } from './annualreport/annualreport.kind';
import { applicationKind } from './application/application.kind';
import { callKind } from './call/call.kind';
import { centreKind } from './centre/centre.kind';
import { deliveryKind } from './delivery/delivery.kind';
import { demandKind } from './demand/demand.kind';
import { evaluationSchemeKind } from './evaluation/evalscheme.kind';
import { evaluationKind } from './evaluation/evaluation.kind';
import { enterpriseKind } from './enterprise/enterprise.kind';
import { usccReservationKind } from './enterprise/uscc-reservation.kind';
import { expertKind } from './expert/expert.kind';
import { followUpKind } from './follow-up/follow-up.kind';
import { faqKind } from './policy/faq.kind';
import { policyKind } from './policy/policy.kind';
import { serviceCaseKind } from './product/case.kind';
import { productKind } from './product/product.kind';
import { providerKind } from './provider/provider.kind';
import { stationKind } from './station/station.kind';
import { themePlanKind } from './themeplan/themeplan.kind';
import { readLogKind } from './readlog/readlog.kind';
import { notaryKind } from './notary/notary.kind';
import { erasureKind } from './erasure/erasure.kind';
import { voucherKind } from './voucher/voucher.kind';
import { personalPaths } from './shared/personal';
import type { EventSpec } from './shared/schema/event-spec';

/**
 * Every record kind the ledger keeps. The relay's catalogue, AsyncAPI, the projector's checks, the
 * docs and the route-access tests read this list; a kind missing here is missing everywhere.
 */
export const RECORD_KINDS: readonly RecordKind[] = [
  callKind,
  applicationKind,
  stationKind,
  enterpriseKind,
  usccReservationKind,
  providerKind,
  expertKind,
  productKind,
  serviceCaseKind,
  policyKind,
  faqKind,
  demandKind,
  deliveryKind,
  followUpKind,
  themePlanKind,
  activityKind,
  centreKind,
  evaluationSchemeKind,
  evaluationKind,
  annualReportKind,
  voucherKind,
  readLogKind,
  notaryKind,
  erasureKind,
] as unknown as readonly RecordKind[];

export function kindNamed(name: string): RecordKind | undefined {
  return RECORD_KINDS.find((kind) => kind.name === name);
}

/** The kind whose streams `streamId` belongs to. */
export function kindOfStream(streamId: string): RecordKind | undefined {
  return RECORD_KINDS.find((kind) => kind.idOf(streamId) !== undefined);
}

const personalByKind = new Map(
  RECORD_KINDS.map((kind) => [kind, new Map(Object.entries(kind.events as Record<string, EventSpec>).map(([type, spec]) => [type, personalPaths(spec.payload)]))]),
);

/** The personal fields (dot paths, `*` per array item) an event of this type on this stream holds, as its schema marks them. */
export function personalFieldsOf(streamId: string, type: string): readonly string[] {
  const kind = kindOfStream(streamId);
  return (kind && personalByKind.get(kind)?.get(type)) ?? [];
}

/** The kinds whose events hold personal fields: the records an erasure may name. */
export const PERSONAL_DATA_KINDS: readonly string[] = RECORD_KINDS.filter((kind) => [...(personalByKind.get(kind)?.values() ?? [])].some((paths) => paths.length > 0)).map((kind) => kind.name);
