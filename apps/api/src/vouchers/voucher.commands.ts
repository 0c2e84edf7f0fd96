import { enterpriseKind, notFound, voucherKind, type VoucherApplicant, type VoucherCommand } from '@sme/domain';
import { projectEnterprise } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import type { KindCommands } from '../commands/kind-command';
import type { RecordLoader } from '../records/record-loader';
import { matchable } from '../policies/matching';

type Of<T extends VoucherCommand['type']> = Extract<VoucherCommand, { type: T }>['data'];

/** What a request names; the handler adds the issuer (the actor) and the applicant (the enterprise's record on the day). */
export type VoucherCommandBody =
  | { type: 'PublishVoucherProgramme'; data: Omit<Of<'PublishVoucherProgramme'>, 'issuer'> & { issuerRegionCode: string } }
  | { type: 'ApplyForVoucher'; data: { programmeId: string; enterpriseId: string } }
  | { type: 'GrantVoucherOnEligibility'; data: { programmeId: string; enterpriseId: string } }
  | CommandBody<Exclude<VoucherCommand, { type: 'PublishVoucherProgramme' | 'ApplyForVoucher' | 'GrantVoucherOnEligibility' }>>;

const enterpriseNotFound = () => notFound('ENTERPRISE_NOT_FOUND', '企业不存在', 'The enterprise does not exist');

/** The enterprise as eligibility reads it: its USCC, region, size class, industry and titles with their periods. */
async function applicantOf(records: RecordLoader, enterpriseId: string): Promise<VoucherApplicant> {
  const doc = await records.view(enterpriseKind, projectEnterprise, enterpriseId, { missing: enterpriseNotFound });
  return { enterpriseId, uscc: doc.uscc, ...matchable(doc) };
}

export const voucherCommands: KindCommands<VoucherCommand, VoucherCommandBody> = {
  kind: voucherKind,
  idOf: (command) => command.data.programmeId,
  async complete(command, ctx, { records }) {
    switch (command.type) {
      case 'PublishVoucherProgramme': {
        // The issuer is the publishing authority at the region the request names; the gate checks it is the authority's own.
        const { issuerRegionCode, ...data } = command.data;
        const issuer = { role: ctx.actor.role as 'CITY_AUTHORITY' | 'DISTRICT_AUTHORITY', regionCode: issuerRegionCode };
        return { command: { type: 'PublishVoucherProgramme', data: { ...data, issuer } } };
      }
      case 'ApplyForVoucher':
      case 'GrantVoucherOnEligibility': {
        const { programmeId, enterpriseId } = command.data;
        return { command: { type: command.type, data: { programmeId, applicant: await applicantOf(records, enterpriseId) } } };
      }
      default:
        return { command };
    }
  },
};
