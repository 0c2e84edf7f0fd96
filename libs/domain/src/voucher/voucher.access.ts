import { grant, type AccessPolicy } from '../shared/access';
import type { ApplyForVoucher, PlaceVoucherOrder, PublishVoucherProgramme, VoucherCommand } from './voucher.commands';
import type { ExistingVoucherProgramme, VoucherState } from './voucher.state';

const ISSUERS = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY'] as const;

/** The authority that issued the programme: the authority of the very same city or district (a code names its level). */
const theIssuer = grant<ExistingVoucherProgramme, { programmeId: string }>({ roles: ISSUERS, region: { of: (p) => p?.issuer.regionCode, match: 'same' } });

/** The order's provider, or its enterprise (undefined for an unknown order, which the decider answers with 404). */
const ofOrder = (party: 'providerUscc' | 'enterpriseUscc') => (p: ExistingVoucherProgramme | undefined, data: { orderId: string }) => p?.orders[data.orderId]?.[party];
const theProvider = grant<ExistingVoucherProgramme, { orderId: string }>({ roles: ['PROVIDER'], owner: ofOrder('providerUscc') });
const theEnterprise = grant<ExistingVoucherProgramme, { orderId: string }>({ roles: ['ENTERPRISE'], owner: ofOrder('enterpriseUscc') });

/** Who runs each step of a programme: its issuer; the enterprise applying for itself and confirming its orders; the provider placing and claiming its own. */
export const voucherAccess: AccessPolicy<VoucherCommand, VoucherState> = {
  PublishVoucherProgramme: [grant<ExistingVoucherProgramme, PublishVoucherProgramme['data']>({ roles: ISSUERS, region: { of: (p, data) => p?.issuer.regionCode ?? data.issuer?.regionCode, match: 'same' } })],
  AmendVoucherProgramme: [theIssuer],
  ApplyForVoucher: [grant<ExistingVoucherProgramme, ApplyForVoucher['data']>({ roles: ['ENTERPRISE'], owner: (_p, data) => data.applicant?.uscc })],
  ApproveVoucherApplication: [theIssuer],
  RefuseVoucherApplication: [theIssuer],
  GrantVoucherOnEligibility: [theIssuer],
  CloseVoucherProgramme: [theIssuer],
  // The provider named is the one the handler read from the provider's record: its USCC must be the caller's.
  PlaceVoucherOrder: [grant<ExistingVoucherProgramme, PlaceVoucherOrder['data']>({ roles: ['PROVIDER'], owner: (_p, data) => data.provider?.uscc ?? '' })],
  ConfirmVoucherOrder: [theEnterprise],
  CancelVoucherOrder: [theEnterprise, theProvider],
  ClaimVoucherSubsidy: [theProvider],
  ApproveVoucherClaim: [theIssuer],
  RejectVoucherClaim: [theIssuer],
  RecordVoucherPayment: [theIssuer],
  VoidVoucherPayment: [theIssuer],
};
