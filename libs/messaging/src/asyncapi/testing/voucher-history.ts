import { randomUUID } from 'node:crypto';
import { voucherKind, type Actor, type VoucherApplicant, type VoucherTerms } from '@sme/domain';
import { anApplicant, anOrderFacts, claimFacts, voucherProvider, voucherTerms } from '@sme/domain/voucher/voucher.fixtures';
import type { EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { CITY, uscc } from '@sme/event-store/testing/history-actors';

/**
 * 服务券, written through the decider: Guangzhou's programme published and its budget raised; one
 * enterprise refused then granted on its application, a 专精特新“小巨人” granted on eligibility; three
 * orders of a provider: one paid and then voided, one cancelled, one whose claim is rejected. Every
 * event type occurs, and so do the optional parts of the terms (tags, every tier's quota).
 */
export async function writeVoucherHistory(store: EventStore): Promise<void> {
  const { run } = commandRunner(store);
  const at = (day: string) => `${day}T10:00:00+08:00`;
  const terms: VoucherTerms = { ...voucherTerms, eligibility: { sizeClasses: ['SMALL', 'MICRO'], tags: ['SPECIALISED', 'LITTLE_GIANT'], tagsMode: 'ANY', regionCodes: ['440100'] } };
  const programmeId = randomUUID();
  await run(voucherKind, programmeId, CITY, at('2026-02-20'), 'PublishVoucherProgramme', { programmeId, issuer: { role: 'CITY_AUTHORITY', regionCode: '440100' }, terms });

  const specialised = (code: string, tag: 'SPECIALISED' | 'LITTLE_GIANT'): VoucherApplicant =>
    anApplicant(randomUUID(), uscc(code), { tags: [{ tag, validFrom: '2025-07-01', validUntil: '2028-06-30' }] });
  const applicant = specialised('91440106MA5QCH001', 'SPECIALISED');
  const self: Actor = { id: 'enterprise-vch', role: 'ENTERPRISE', orgId: applicant.uscc, regionCode: '440106' };
  await run(voucherKind, programmeId, self, at('2026-03-10'), 'ApplyForVoucher', { programmeId, applicant });
  await run(voucherKind, programmeId, CITY, at('2026-03-11'), 'RefuseVoucherApplication', { programmeId, enterpriseId: applicant.enterpriseId, reason: '申报材料与企业库记录不符' });
  await run(voucherKind, programmeId, self, at('2026-03-12'), 'ApplyForVoucher', { programmeId, applicant });
  await run(voucherKind, programmeId, CITY, at('2026-03-13'), 'ApproveVoucherApplication', { programmeId, enterpriseId: applicant.enterpriseId });
  await run(voucherKind, programmeId, CITY, at('2026-03-15'), 'GrantVoucherOnEligibility', { programmeId, applicant: specialised('91440106MA5QCH002', 'LITTLE_GIANT') });
  // The raise also names a catalogue product the voucher may pay for whatever its domain.
  const productId = randomUUID();
  const products = [{ productId, onShow: true, providerInPool: true }];
  await run(voucherKind, programmeId, CITY, at('2026-04-01'), 'AmendVoucherProgramme', { programmeId, terms: { ...terms, budgetFen: 40_000_000, products: [productId] }, reason: '追加预算', facts: { products } });

  const provider: Actor = { id: 'provider-vch', role: 'PROVIDER', orgId: voucherProvider.uscc, regionCode: '440106' };
  const enterpriseId = applicant.enterpriseId;
  const place = async (day: string) => {
    const orderId = randomUUID();
    const deliveryId = randomUUID();
    const facts = { ...anOrderFacts(enterpriseId), parties: { provider: { uscc: voucherProvider.uscc }, enterprise: { uscc: applicant.uscc } } };
    await run(voucherKind, programmeId, provider, at(day), 'PlaceVoucherOrder', { programmeId, orderId, enterpriseId, provider: voucherProvider, deliveryId, priceFen: 5_000_000, facts });
    return { programmeId, orderId };
  };
  const paid = await place('2026-04-02');
  await run(voucherKind, programmeId, self, at('2026-04-03'), 'ConfirmVoucherOrder', paid);
  const cancelled = await place('2026-04-04');
  await run(voucherKind, programmeId, self, at('2026-04-05'), 'CancelVoucherOrder', { ...cancelled, reason: '企业调整计划' });
  const rejected = await place('2026-04-06');
  await run(voucherKind, programmeId, self, at('2026-04-07'), 'ConfirmVoucherOrder', rejected);
  // Confirmed and never claimed: its reservation lapses when the programme closes.
  const unclaimed = await place('2026-04-08');
  await run(voucherKind, programmeId, self, at('2026-04-09'), 'ConfirmVoucherOrder', unclaimed);
  const delivered = { facts: claimFacts('CONFIRMED') };
  await run(voucherKind, programmeId, provider, at('2026-10-10'), 'ClaimVoucherSubsidy', { ...paid, ...delivered });
  await run(voucherKind, programmeId, provider, at('2026-10-10'), 'ClaimVoucherSubsidy', { ...rejected, ...delivered });
  await run(voucherKind, programmeId, CITY, at('2026-10-12'), 'ApproveVoucherClaim', { ...paid, opinion: '服务档案齐全，同意兑付' });
  await run(voucherKind, programmeId, CITY, at('2026-10-12'), 'RejectVoucherClaim', { ...rejected, reason: '服务成果与合同约定不符' });
  await run(voucherKind, programmeId, CITY, at('2026-10-15'), 'RecordVoucherPayment', { ...paid, reference: 'GZCZ-2026-0001' });
  await run(voucherKind, programmeId, CITY, at('2026-11-20'), 'VoidVoucherPayment', { ...paid, reason: '核查发现服务未实际提供' });
  // After the settlement date: the unused quotas and the unclaimed reservation lapse.
  await run(voucherKind, programmeId, CITY, at('2027-04-01'), 'CloseVoucherProgramme', { programmeId });
}
