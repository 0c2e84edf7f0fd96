import type { TiedOrganisation } from '../shared/organisation-ties';
import type { ServiceDomain } from '../shared/service-domains';
import type { DomainCommand } from '../shared/decider';
import type { VoucherEvents } from './voucher.events';
import type { ProgrammeProductFacts, VoucherApplicant } from './voucher.rules';
import type { VoucherTerms } from './voucher.terms';

type Data<T extends keyof VoucherEvents> = VoucherEvents[T]['data'];

/** By a city or district authority: the issuer is the actor's role and region. */
/** The handler reads each catalogue product the terms name (none when they name none). */
type ProductFacts = { facts?: { products: ProgrammeProductFacts[] } };
export type PublishVoucherProgramme = DomainCommand<'PublishVoucherProgramme', Pick<Data<'VoucherProgrammePublished'>, 'programmeId' | 'issuer'> & { terms: VoucherTerms } & ProductFacts>;
export type AmendVoucherProgramme = DomainCommand<'AmendVoucherProgramme', { programmeId: string; terms: VoucherTerms; reason: string } & ProductFacts>;
/** The handler reads the enterprise's record: its USCC, region, size class, industry and titles. */
export type ApplyForVoucher = DomainCommand<'ApplyForVoucher', { programmeId: string; applicant: VoucherApplicant }>;
export type ApproveVoucherApplication = DomainCommand<'ApproveVoucherApplication', { programmeId: string; enterpriseId: string }>;
export type RefuseVoucherApplication = DomainCommand<'RefuseVoucherApplication', { programmeId: string; enterpriseId: string; reason: string }>;
/** 免申即享: the issuer grants an eligible enterprise without an application. */
export type GrantVoucherOnEligibility = DomainCommand<'GrantVoucherOnEligibility', { programmeId: string; applicant: VoucherApplicant }>;

/** What the handler reads of the records an order names, on the day. */
export interface VoucherOrderFacts {
  providerInPool: boolean;
  /** The two parties as their records stand: USCC, and the legal representative and shareholders where recorded. */
  parties: { provider: TiedOrganisation; enterprise: TiedOrganisation };
  /** The delivery as it stands: its server, enterprise, domain, stage, agreed fee and planned period; null when there is none. */
  delivery: {
    serverKind: string;
    serverId: string;
    enterpriseId: string;
    domain: ServiceDomain;
    /** The catalogue product it follows, if any. */
    productId?: string;
    stage: string;
    fee: { kind: string; amountFen: number };
    plannedStart: string;
    plannedEnd: string;
  } | null;
}

/** By the provider: the price it states; the subsidy is computed from the programme's rule and the service period is the delivery's. */
export type PlaceVoucherOrder = DomainCommand<
  'PlaceVoucherOrder',
  Pick<Data<'VoucherOrderPlaced'>, 'programmeId' | 'orderId' | 'enterpriseId' | 'provider' | 'deliveryId' | 'priceFen'> & { facts: VoucherOrderFacts }
>;
export type ConfirmVoucherOrder = DomainCommand<'ConfirmVoucherOrder', { programmeId: string; orderId: string }>;
export type CancelVoucherOrder = DomainCommand<'CancelVoucherOrder', { programmeId: string; orderId: string; reason: string }>;
/**
 * The handler reads the delivery as it stands: its stage (only a confirmed or archived delivery can be
 * claimed for) and its 档案 — the revision read and the digests of the documents handed over — which the
 * claim pins.
 */
export type ClaimVoucherSubsidy = DomainCommand<'ClaimVoucherSubsidy', { programmeId: string; orderId: string; facts: { deliveryStage: string; dossier: Data<'VoucherClaimed'>['dossier'] } }>;
export type ApproveVoucherClaim = DomainCommand<'ApproveVoucherClaim', { programmeId: string; orderId: string; opinion: string }>;
export type RejectVoucherClaim = DomainCommand<'RejectVoucherClaim', { programmeId: string; orderId: string; reason: string }>;
export type RecordVoucherPayment = DomainCommand<'RecordVoucherPayment', { programmeId: string; orderId: string; reference: string }>;
export type VoidVoucherPayment = DomainCommand<'VoidVoucherPayment', { programmeId: string; orderId: string; reason: string }>;

/** By the issuer (or the ledger's daily sweep, as the issuer) once the settlement date has passed. */
export type CloseVoucherProgramme = DomainCommand<'CloseVoucherProgramme', { programmeId: string }>;

export type VoucherOrderCommand =
  | PlaceVoucherOrder
  | ConfirmVoucherOrder
  | CancelVoucherOrder
  | ClaimVoucherSubsidy
  | ApproveVoucherClaim
  | RejectVoucherClaim
  | RecordVoucherPayment
  | VoidVoucherPayment;

export type VoucherCommand =
  | PublishVoucherProgramme
  | AmendVoucherProgramme
  | ApplyForVoucher
  | ApproveVoucherApplication
  | RefuseVoucherApplication
  | GrantVoucherOnEligibility
  | CloseVoucherProgramme
  | VoucherOrderCommand;
