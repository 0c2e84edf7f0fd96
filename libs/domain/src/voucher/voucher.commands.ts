import type { DomainCommand } from '../shared/decider';
import type { VoucherEvents } from './voucher.events';
import type { VoucherApplicant } from './voucher.rules';
import type { VoucherTerms } from './voucher.terms';

type Data<T extends keyof VoucherEvents> = VoucherEvents[T]['data'];

/** By a city or district authority: the issuer is the actor's role and region. */
export type PublishVoucherProgramme = DomainCommand<'PublishVoucherProgramme', Pick<Data<'VoucherProgrammePublished'>, 'programmeId' | 'issuer'> & { terms: VoucherTerms }>;
export type AmendVoucherProgramme = DomainCommand<'AmendVoucherProgramme', { programmeId: string; terms: VoucherTerms; reason: string }>;
/** The handler reads the enterprise's record: its USCC, region, size class, industry and titles. */
export type ApplyForVoucher = DomainCommand<'ApplyForVoucher', { programmeId: string; applicant: VoucherApplicant }>;
export type ApproveVoucherApplication = DomainCommand<'ApproveVoucherApplication', { programmeId: string; enterpriseId: string }>;
export type RefuseVoucherApplication = DomainCommand<'RefuseVoucherApplication', { programmeId: string; enterpriseId: string; reason: string }>;
/** 免申即享: the issuer grants an eligible enterprise without an application. */
export type GrantVoucherOnEligibility = DomainCommand<'GrantVoucherOnEligibility', { programmeId: string; applicant: VoucherApplicant }>;

export type VoucherCommand = PublishVoucherProgramme | AmendVoucherProgramme | ApplyForVoucher | ApproveVoucherApplication | RefuseVoucherApplication | GrantVoucherOnEligibility;
