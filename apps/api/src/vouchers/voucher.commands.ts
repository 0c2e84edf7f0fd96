import { deliveryKind, enterpriseKind, inPoolOn, productKind, providerKind, voucherKind, type ProgrammeProductFacts, type VoucherApplicant, type VoucherCommand, type VoucherOrderFacts, type VoucherTerms, recordNotFound } from '@sme/domain';
import { projectEnterprise } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import type { KindCommands } from '../commands/kind-command';
import type { RecordLoader } from '../records/record-loader';
import { given } from '../commands/given';
import { matchable } from '../policies/matching';

type Of<T extends VoucherCommand['type']> = Extract<VoucherCommand, { type: T }>['data'];

/** What a request names; the handler adds the issuer (the actor) and the applicant (the enterprise's record on the day). */
export type VoucherCommandBody =
  | { type: 'PublishVoucherProgramme'; data: Omit<Of<'PublishVoucherProgramme'>, 'issuer'> & { issuerRegionCode: string } }
  | { type: 'ApplyForVoucher'; data: { programmeId: string; enterpriseId: string } }
  | { type: 'GrantVoucherOnEligibility'; data: { programmeId: string; enterpriseId: string } }
  | { type: 'PlaceVoucherOrder'; data: Omit<Of<'PlaceVoucherOrder'>, 'provider' | 'facts'> & { providerId: string } }
  | { type: 'ClaimVoucherSubsidy'; data: Omit<Of<'ClaimVoucherSubsidy'>, 'facts'> }
  | CommandBody<Exclude<VoucherCommand, { type: 'PublishVoucherProgramme' | 'ApplyForVoucher' | 'GrantVoucherOnEligibility' | 'PlaceVoucherOrder' | 'ClaimVoucherSubsidy' }>>;

const enterpriseNotFound = () => recordNotFound(enterpriseKind.label);

/** The enterprise as eligibility reads it: its USCC, region, size class, industry and titles with their periods. */
async function applicantOf(records: RecordLoader, enterpriseId: string): Promise<VoucherApplicant> {
  const doc = await records.view(enterpriseKind, projectEnterprise, enterpriseId, { missing: enterpriseNotFound });
  return { enterpriseId, uscc: doc.uscc, ...matchable(doc) };
}

/** The provider as it stands (its USCC and name for the order, whether it is in the 库 at the moment of the order) and what the records say of the parties and the delivery. */
async function orderFacts(records: RecordLoader, data: { enterpriseId: string; providerId: string; deliveryId: string }, at: Date) {
  const provider = await records.state(providerKind, data.providerId);
  if (provider.status === 'NONE') throw recordNotFound(providerKind.label);
  const enterprise = await records.state(enterpriseKind, data.enterpriseId);
  if (enterprise.status === 'NONE') throw enterpriseNotFound();
  const delivery = await records.state(deliveryKind, data.deliveryId);
  const facts: VoucherOrderFacts = {
    providerInPool: inPoolOn(provider, at),
    parties: { provider: given({ uscc: provider.uscc, ties: provider.ties }), enterprise: given({ uscc: enterprise.uscc, ties: enterprise.ties }) },
    delivery:
      delivery.status === 'NONE'
        ? null
        : {
            serverKind: delivery.server.kind,
            serverId: delivery.server.id,
            enterpriseId: delivery.enterprise.enterpriseId,
            domain: delivery.domain,
            ...(delivery.product === undefined ? {} : { productId: delivery.product.productId }),
            stage: delivery.status,
            fee: delivery.fee,
            plannedStart: delivery.plannedStart,
            plannedEnd: delivery.plannedEnd,
          },
  };
  return { provider: { providerId: provider.providerId, uscc: provider.uscc, name: provider.name }, facts };
}

/** Each catalogue product the terms name, as it stands: on show, and its provider in the 库 at the moment. */
async function productFacts(records: RecordLoader, terms: VoucherTerms, at: Date): Promise<ProgrammeProductFacts[]> {
  const facts: ProgrammeProductFacts[] = [];
  for (const productId of Array.isArray(terms.products) ? terms.products : []) {
    const product = await records.state(productKind, productId);
    const provider = product.status === 'NONE' ? undefined : await records.state(providerKind, product.providerId);
    facts.push({ productId, onShow: product.status === 'PUBLISHED', providerInPool: provider !== undefined && inPoolOn(provider, at) });
  }
  return facts;
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
        return { command: { type: 'PublishVoucherProgramme', data: { ...data, issuer, facts: { products: await productFacts(records, data.terms, ctx.occurredAt) } } } };
      }
      case 'AmendVoucherProgramme':
        return { command: { type: 'AmendVoucherProgramme', data: { ...command.data, facts: { products: await productFacts(records, command.data.terms, ctx.occurredAt) } } } };
      case 'ApplyForVoucher':
      case 'GrantVoucherOnEligibility': {
        const { programmeId, enterpriseId } = command.data;
        return { command: { type: command.type, data: { programmeId, applicant: await applicantOf(records, enterpriseId) } } };
      }
      case 'PlaceVoucherOrder': {
        const { providerId, ...data } = command.data;
        const { provider, facts } = await orderFacts(records, { ...data, providerId }, ctx.occurredAt);
        return { command: { type: 'PlaceVoucherOrder', data: { ...data, provider, facts } } };
      }
      case 'ClaimVoucherSubsidy': {
        // The delivery the order pays for, as it stands: only a confirmed one can be claimed for, and the claim pins its 档案.
        const programme = await records.state(voucherKind, command.data.programmeId);
        const order = programme.status === 'NONE' ? undefined : programme.orders[command.data.orderId];
        const delivery = order === undefined ? undefined : await records.state(deliveryKind, order.deliveryId);
        const known = delivery !== undefined && delivery.status !== 'NONE' ? delivery : undefined;
        const dossier = { deliveryRevision: known?.revision ?? 0, documents: known?.delivery?.deliverables.map((d) => d.sha256) ?? [] };
        return { command: { type: 'ClaimVoucherSubsidy', data: { ...command.data, facts: { deliveryStage: known?.status ?? 'NONE', dossier } } } };
      }
      default:
        return { command };
    }
  },
};
