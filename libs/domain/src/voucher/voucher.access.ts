import { grant, type AccessPolicy } from '../shared/access';
import type { ApplyForVoucher, PublishVoucherProgramme, VoucherCommand } from './voucher.commands';
import type { ExistingVoucherProgramme, VoucherState } from './voucher.state';

const ISSUERS = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY'] as const;

/** The authority that issued the programme: the authority of the very same city or district (a code names its level). */
const theIssuer = grant<ExistingVoucherProgramme, { programmeId: string }>({ roles: ISSUERS, region: { of: (p) => p?.issuer.regionCode, match: 'same' } });

/** Who runs each step of a programme: its issuer, or the enterprise applying for itself. */
export const voucherAccess: AccessPolicy<VoucherCommand, VoucherState> = {
  PublishVoucherProgramme: [grant<ExistingVoucherProgramme, PublishVoucherProgramme['data']>({ roles: ISSUERS, region: { of: (p, data) => p?.issuer.regionCode ?? data.issuer?.regionCode, match: 'same' } })],
  AmendVoucherProgramme: [theIssuer],
  ApplyForVoucher: [grant<ExistingVoucherProgramme, ApplyForVoucher['data']>({ roles: ['ENTERPRISE'], owner: (_p, data) => data.applicant?.uscc })],
  ApproveVoucherApplication: [theIssuer],
  RefuseVoucherApplication: [theIssuer],
  GrantVoucherOnEligibility: [theIssuer],
};
