import { themePlanKind } from '@sme/domain/themeplan/themeplan.kind';
import { anActor, gzBureau, TIANHE } from '@sme/domain/shared/testing';
import { anApplicant, anOrderFacts, anOrderPlaced, claimFacts, DELIVERY_ID, ORDER_ID, PROGRAMME_ID, voucherProvider, voucherTerms } from '@sme/domain/voucher/voucher.fixtures';
import { voucherKind } from '@sme/domain/voucher/voucher.kind';
import { voucherProgrammesProjection } from './projections';
import { orderBlanks } from './voucher.projection';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { actOn, eventLog, givenEvents } from './testing/projection-gwt';

const ENTERPRISE_ID = 'e0000000-0000-4000-8000-000000000001';
const USCC = '91440106MA59C3PL2X';
const terms = { ...voucherTerms, eligibility: { sizeClasses: ['SMALL' as const, 'MICRO' as const], regionCodes: ['440100'] }, grantOnEligibility: false };
const applicant = anApplicant(ENTERPRISE_ID, USCC);
const enterprise = anActor('ENTERPRISE', TIANHE, 'ent-1', USCC);

function aProgramme(programmeId = PROGRAMME_ID, log = eventLog()) {
  const act = actOn(log, voucherKind, voucherKind.streamId(programmeId), { programmeId });
  return {
    log,
    publish: () => act('PublishVoucherProgramme', { issuer: { role: 'CITY_AUTHORITY', regionCode: '440100' }, terms }, gzBureau, '2026-02-20T10:00:00+08:00'),
    apply: () => act('ApplyForVoucher', { applicant }, enterprise, '2026-03-10T10:00:00+08:00'),
    refuse: () => act('RefuseVoucherApplication', { enterpriseId: ENTERPRISE_ID, reason: '材料不实' }, gzBureau, '2026-03-11T10:00:00+08:00'),
    approve: () => act('ApproveVoucherApplication', { enterpriseId: ENTERPRISE_ID }, gzBureau, '2026-03-12T10:00:00+08:00'),
    amend: () => act('AmendVoucherProgramme', { terms: { ...terms, budgetFen: 40_000_000 }, reason: '追加预算' }, gzBureau, '2026-04-01T10:00:00+08:00'),
    place: () => act('PlaceVoucherOrder', { ...ids, enterpriseId: ENTERPRISE_ID, provider: voucherProvider, deliveryId: DELIVERY_ID, priceFen: 5_000_000, facts: anOrderFacts(ENTERPRISE_ID) }, provider, '2026-04-02T10:00:00+08:00'),
    confirm: () => act('ConfirmVoucherOrder', ids, enterprise, '2026-04-03T10:00:00+08:00'),
    cancel: () => act('CancelVoucherOrder', { ...ids, reason: '改期' }, enterprise, '2026-04-04T10:00:00+08:00'),
    claim: () => act('ClaimVoucherSubsidy', { ...ids, facts: claimFacts('CONFIRMED') }, provider, '2026-10-10T10:00:00+08:00'),
    approveClaim: () => act('ApproveVoucherClaim', { ...ids, opinion: '材料齐全' }, gzBureau, '2026-10-12T10:00:00+08:00'),
    rejectClaim: () => act('RejectVoucherClaim', { ...ids, reason: '成果不符' }, gzBureau, '2026-10-12T10:00:00+08:00'),
    pay: () => act('RecordVoucherPayment', { ...ids, reference: 'GZCZ-2026-0001' }, gzBureau, '2026-10-15T10:00:00+08:00'),
    voidPayment: () => act('VoidVoucherPayment', { ...ids, reason: '服务未实际提供' }, gzBureau, '2026-11-20T10:00:00+08:00'),
  };
}

const noMoney = { fundedFen: 0, grantedFen: 0, unallocatedFen: 0, quotaUnusedFen: 0, reservedFen: 0, claimableFen: 0, paidFen: 0, clawedBackFen: 0, lapsedFen: 0 };
const provider = anActor('PROVIDER', '440100', 'prov-1', voucherProvider.uscc);
const ids = { orderId: ORDER_ID };

const holder = { enterpriseId: ENTERPRISE_ID, uscc: USCC, regionCode: TIANHE, tier: 'SMALL_MICRO' as const, appliedAt: '2026-03-10T02:00:00.000Z' };

describe('vouchers projection', () => {
  it('VoucherProgrammePublished: the terms, the issuer’s city and the whole budget unallocated', () => {
    givenEvents(voucherProgrammesProjection, [])
      .when(aProgramme().publish())
      .then({
        _id: PROGRAMME_ID,
        id: PROGRAMME_ID,
        issuer: { role: 'CITY_AUTHORITY', regionCode: '440100' },
        cityCode: '440100',
        title: terms.title,
        version: 1,
        terms,
        publishedAt: '2026-02-20T02:00:00.000Z',
        amendments: [],
        budget: { ...noMoney, fundedFen: 30_000_000, unallocatedFen: 30_000_000 },
        holders: [],
        holderUsccs: [],
        orders: [],
        providerUsccs: [],
        closure: null,
      });
  });

  it('VoucherApplied, VoucherApplicationRefused: the enterprise listed, then refused with the reason', () => {
    const p = aProgramme();
    givenEvents(voucherProgrammesProjection, [p.publish()])
      .when(p.apply())
      .then((before) => ({ ...before, holders: [{ ...holder, status: 'APPLIED' as const, refusal: null, grant: null }], holderUsccs: [USCC] }));
    const q = aProgramme();
    givenEvents(voucherProgrammesProjection, [q.publish(), q.apply()])
      .when(q.refuse())
      .then((before) => ({ ...before, holders: [{ ...holder, status: 'REFUSED' as const, refusal: { reason: '材料不实', refusedAt: '2026-03-11T02:00:00.000Z' }, grant: null }] }));
  });

  it('VoucherGranted: the quota moves from unallocated to granted', () => {
    const p = aProgramme();
    givenEvents(voucherProgrammesProjection, [p.publish(), p.apply()])
      .when(p.approve())
      .then((before) => ({
        ...before,
        holders: [{ ...holder, status: 'GRANTED' as const, refusal: null, grant: { quotaFen: 2_000_000, way: 'APPLIED' as const, grantedAt: '2026-03-12T02:00:00.000Z' } }],
        budget: { ...noMoney, fundedFen: 30_000_000, grantedFen: 2_000_000, unallocatedFen: 28_000_000, quotaUnusedFen: 2_000_000 },
      }));
  });

  it('VoucherProgrammeAmended: the new terms and version, the reason kept, the budget raised', () => {
    const p = aProgramme();
    givenEvents(voucherProgrammesProjection, [p.publish(), p.apply(), p.approve()])
      .when(p.amend())
      .then((before) => ({
        ...before,
        version: 2,
        terms: { ...terms, budgetFen: 40_000_000 },
        amendments: [{ version: 2, reason: '追加预算', budgetFen: 40_000_000, amendedAt: '2026-04-01T02:00:00.000Z' }],
        budget: { ...noMoney, fundedFen: 40_000_000, grantedFen: 2_000_000, unallocatedFen: 38_000_000, quotaUnusedFen: 2_000_000 },
      }));
  });

  it('VoucherOrderPlaced … VoucherPaymentVoided: the order and where its subsidy sits, the budget balanced at every step', () => {
    const p = aProgramme();
    const base = [p.publish(), p.apply(), p.approve()];
    const { programmeId: _programme, ...placedOrder } = anOrderPlaced(ENTERPRISE_ID).data;
    const order = {
      ...placedOrder,
      enterpriseUscc: USCC,
      regionCode: TIANHE,
      status: 'PLACED' as const,
      ...orderBlanks(),
    };
    const granted = { ...noMoney, fundedFen: 30_000_000, grantedFen: 2_000_000, unallocatedFen: 28_000_000 };
    const placed = p.place();
    givenEvents(voucherProgrammesProjection, base)
      .when(placed)
      .then((before) => ({ ...before, orders: [order], providerUsccs: [voucherProvider.uscc], budget: { ...granted, quotaUnusedFen: 2_000_000 } }));
    const confirmed = p.confirm();
    const withConfirmed = { ...order, status: 'CONFIRMED' as const, confirmedAt: '2026-04-03T02:00:00.000Z' };
    givenEvents(voucherProgrammesProjection, [...base, placed])
      .when(confirmed)
      .then((before) => ({ ...before, orders: [withConfirmed], budget: { ...granted, quotaUnusedFen: 500_000, reservedFen: 1_500_000 } }));
    const claimed = p.claim();
    const approved = p.approveClaim();
    const paid = p.pay();
    const withPaid = {
      ...withConfirmed,
      status: 'PAID' as const,
      claimedAt: '2026-10-10T02:00:00.000Z',
      dossier: claimFacts().dossier,
      approval: { opinion: '材料齐全', approvedAt: '2026-10-12T02:00:00.000Z' },
      payment: { amountFen: 1_500_000, reference: 'GZCZ-2026-0001', paidAt: '2026-10-15T02:00:00.000Z' },
    };
    givenEvents(voucherProgrammesProjection, [...base, placed, confirmed, claimed, approved])
      .when(paid)
      .then((before) => ({ ...before, orders: [withPaid], budget: { ...granted, quotaUnusedFen: 500_000, paidFen: 1_500_000 } }));
    givenEvents(voucherProgrammesProjection, [...base, placed, confirmed, claimed, approved, paid])
      .when(p.voidPayment())
      .then((before) => ({
        ...before,
        orders: [{ ...withPaid, status: 'VOIDED' as const, voiding: { reason: '服务未实际提供', voidedAt: '2026-11-20T02:00:00.000Z' } }],
        budget: { ...granted, unallocatedFen: 29_500_000, quotaUnusedFen: 500_000, clawedBackFen: 1_500_000 },
      }));
  });

  it('VoucherOrderCancelled and VoucherClaimRejected give the subsidy back to the quota', () => {
    const p = aProgramme();
    const base = [p.publish(), p.apply(), p.approve(), p.place(), p.confirm()];
    const granted = { ...noMoney, fundedFen: 30_000_000, grantedFen: 2_000_000, unallocatedFen: 28_000_000, quotaUnusedFen: 2_000_000 };
    givenEvents(voucherProgrammesProjection, base)
      .when(p.cancel())
      .then((before) => ({ ...before, orders: [{ ...before.orders[0], status: 'CANCELLED' as const, cancellation: { reason: '改期', cancelledAt: '2026-04-04T02:00:00.000Z' } }], budget: granted }));
    const q = aProgramme();
    const claimed = [q.publish(), q.apply(), q.approve(), q.place(), q.confirm(), q.claim()];
    givenEvents(voucherProgrammesProjection, claimed)
      .when(q.rejectClaim())
      .then((before) => ({ ...before, orders: [{ ...before.orders[0], status: 'REJECTED' as const, rejection: { reason: '成果不符', rejectedAt: '2026-10-12T02:00:00.000Z' } }], budget: granted }));
  });

  describeNoViewWithoutStart(voucherProgrammesProjection, 'an application to a programme the view never saw published makes no view', () => {
    const p = aProgramme();
    p.publish();
    return { VoucherApplied: p.apply() };
  });

  describeDelivery(voucherProgrammesProjection, {
    of: aProgramme,
    firstTwo: (p) => [p.publish(), p.apply()],
    olderBecause: 'a publication replayed does not drop the application',
    anotherKind: themePlanKind,
  });
});
