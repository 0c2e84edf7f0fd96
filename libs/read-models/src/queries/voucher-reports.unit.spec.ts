import { anActor, gzBureau } from '@sme/domain/shared/testing';
import { anApplicant, anOrderFacts, claimFacts, PROGRAMME_ID, voucherProvider, voucherTerms } from '@sme/domain/voucher/voucher.fixtures';
import { voucherKind } from '@sme/domain/voucher/voucher.kind';
import type { RecordedEvent } from '@sme/event-store';
import { projectVoucherProgramme, type VoucherProgrammeView } from '../voucher.projection';
import { actOn, eventLog } from '../testing/projection-gwt';
import { dashboardRows, enterpriseStatement, providerSettlement, voucherDashboard } from './voucher-reports';

const A = { id: 'e0000000-0000-4000-8000-00000000000a', uscc: '91440106MA59C3PL2X', region: '440106' };
const B = { id: 'e0000000-0000-4000-8000-00000000000b', uscc: '91440105MA59C3PL3X', region: '440105' };
const provider = anActor('PROVIDER', '440100', 'prov-1', voucherProvider.uscc);
const names = { region: (code: string) => `区${code}`, domain: (code: string) => `领域${code}` };
const order = (n: number) => `c0000000-0000-4000-8000-00000000000${n}`;
const delivery = (n: number) => `d0000000-0000-4000-8000-00000000000${n}`;

/** A's four orders (paid, voided, rejected, cancelled after confirmation) and B's one (confirmed), folded into the view. */
function aProgrammeWithOrders(): VoucherProgrammeView {
  const act = actOn(eventLog(), voucherKind, voucherKind.streamId(PROGRAMME_ID), { programmeId: PROGRAMME_ID });
  const day = (d: string) => `2026-${d}T10:00:00+08:00`;
  const byA = anActor('ENTERPRISE', A.region, 'a', A.uscc);
  const byB = anActor('ENTERPRISE', B.region, 'b', B.uscc);
  const events: RecordedEvent[] = [
    act('PublishVoucherProgramme', { issuer: { role: 'CITY_AUTHORITY', regionCode: '440100' }, terms: voucherTerms }, gzBureau, day('02-20')),
    act('GrantVoucherOnEligibility', { applicant: anApplicant(A.id, A.uscc, { regionCode: A.region }) }, gzBureau, day('03-10')),
    act('GrantVoucherOnEligibility', { applicant: anApplicant(B.id, B.uscc, { regionCode: B.region }) }, gzBureau, day('03-10')),
  ];
  const place = (n: number, e: typeof A, domain: 'IP' | 'FINANCE', priceFen: number, when: string) =>
    events.push(act('PlaceVoucherOrder', { orderId: order(n), enterpriseId: e.id, provider: voucherProvider, deliveryId: delivery(n), priceFen, facts: anOrderFacts(e.id, { domain, fee: { kind: 'MARKET', amountFen: priceFen } }) }, provider, day(when)));
  const step = (type: string, n: number, by: typeof gzBureau, when: string, data: object = {}) => events.push(act(type as never, { orderId: order(n), ...data } as never, by, day(when)));
  place(1, A, 'IP', 1_000_000, '04-01');
  step('ConfirmVoucherOrder', 1, byA, '04-02');
  place(2, A, 'IP', 2_000_000, '04-03');
  step('ConfirmVoucherOrder', 2, byA, '04-04');
  place(3, A, 'FINANCE', 1_000_000, '04-05');
  step('ConfirmVoucherOrder', 3, byA, '04-06');
  place(4, A, 'FINANCE', 500_000, '04-07');
  step('ConfirmVoucherOrder', 4, byA, '04-08');
  step('CancelVoucherOrder', 4, byA, '04-09', { reason: '改期' });
  place(5, B, 'FINANCE', 3_000_000, '04-10');
  step('ConfirmVoucherOrder', 5, byB, '04-11');
  for (const n of [1, 2, 3]) step('ClaimVoucherSubsidy', n, provider, '05-01', { facts: claimFacts('CONFIRMED') });
  for (const n of [1, 2]) step('ApproveVoucherClaim', n, gzBureau, '05-02', { opinion: '同意' });
  step('RejectVoucherClaim', 3, gzBureau, '05-02', { reason: '不符' });
  for (const n of [1, 2]) step('RecordVoucherPayment', n, gzBureau, '05-03', { reference: `R-${n}` });
  step('VoidVoucherPayment', 2, gzBureau, '06-01', { reason: '虚假' });
  return events.reduce<VoucherProgrammeView | undefined>((view, e) => projectVoucherProgramme(view, e), undefined)!;
}

describe('voucher reports', () => {
  const view = aProgrammeWithOrders();

  it('the dashboard: committed and paid, by district, domain and provider, enterprises served, order value per 元', () => {
    const d = voucherDashboard(view, names);
    // Committed: order 1 (paid ¥3,000) and order 5 (reserved ¥9,000); the voided, rejected and cancelled ones are not.
    expect(d).toMatchObject({ committedFen: 1_200_000, paidFen: 300_000, enterprisesGranted: 2, enterprisesServed: 2 });
    expect(d.ordersByStatus).toEqual({ PLACED: 0, CONFIRMED: 1, CANCELLED: 1, CLAIMED: 0, APPROVED: 0, REJECTED: 1, PAID: 1, VOIDED: 1, LAPSED: 0 });
    expect(d.total).toEqual({ dimension: 'TOTAL', code: PROGRAMME_ID, name: voucherTerms.title, orders: 2, enterprises: 2, orderValueFen: 4_000_000, committedFen: 1_200_000, paidFen: 300_000, orderValuePerYuan: 3.33 });
    expect(d.byDistrict.map((r) => [r.code, r.name, r.orders, r.committedFen, r.paidFen])).toEqual([
      ['440105', '区440105', 1, 900_000, 0],
      ['440106', '区440106', 1, 300_000, 300_000],
    ]);
    expect(d.byDomain.map((r) => [r.code, r.orderValueFen])).toEqual([
      ['FINANCE', 3_000_000],
      ['IP', 1_000_000],
    ]);
    expect(d.byProvider).toEqual([expect.objectContaining({ code: voucherProvider.providerId, name: voucherProvider.name, orders: 2, orderValuePerYuan: 3.33 })]);
    expect(dashboardRows(d).map((r) => r.dimension)).toEqual(['TOTAL', 'DISTRICT', 'DISTRICT', 'DOMAIN', 'DOMAIN', 'PROVIDER']);
    // The dashboard's committed figure is the books': reserved + claimable + paid.
    expect(d.committedFen).toBe(view.budget.reservedFen + view.budget.claimableFen + view.budget.paidFen);
  });

  it('an enterprise’s statement: every movement of its quota in time order, with the balances after it', () => {
    const lines = enterpriseStatement(view, A.id);
    expect(lines.map((l) => [l.movement, l.orderId, l.amountFen, l.availableFen, l.reservedFen, l.claimableFen, l.paidFen])).toEqual([
      ['GRANTED', null, 2_000_000, 2_000_000, 0, 0, 0],
      ['RESERVED', order(1), 300_000, 1_700_000, 300_000, 0, 0],
      ['RESERVED', order(2), 600_000, 1_100_000, 900_000, 0, 0],
      ['RESERVED', order(3), 300_000, 800_000, 1_200_000, 0, 0],
      ['RESERVED', order(4), 150_000, 650_000, 1_350_000, 0, 0],
      ['RELEASED', order(4), 150_000, 800_000, 1_200_000, 0, 0],
      ['CLAIMED', order(1), 300_000, 800_000, 900_000, 300_000, 0],
      ['CLAIMED', order(2), 600_000, 800_000, 300_000, 900_000, 0],
      ['CLAIMED', order(3), 300_000, 800_000, 0, 1_200_000, 0],
      ['CLAIM_REJECTED', order(3), 300_000, 1_100_000, 0, 900_000, 0],
      ['PAID', order(1), 300_000, 1_100_000, 0, 600_000, 300_000],
      ['PAID', order(2), 600_000, 1_100_000, 0, 0, 900_000],
      ['VOIDED', order(2), 600_000, 1_100_000, 0, 0, 300_000],
    ]);
    // The last available balance is the quota the books leave the enterprise.
    expect(view.holders.find((h) => h.enterpriseId === A.id)?.grant?.quotaFen).toBe(2_000_000);
    expect(enterpriseStatement(view, 'e0000000-0000-4000-8000-00000000000f')).toEqual([]);
  });

  it('a provider’s settlement: each order with its claim, decision, payment and claw-back', () => {
    const lines = providerSettlement(view, voucherProvider.providerId);
    expect(lines.map((l) => [l.orderId, l.status, l.decision, l.paidFen, l.reference, l.clawedBackFen])).toEqual([
      [order(1), 'PAID', '同意', 300_000, 'R-1', 0],
      [order(2), 'VOIDED', '同意', 0, 'R-2', 600_000],
      [order(3), 'REJECTED', '不符', 0, null, 0],
      [order(4), 'CANCELLED', null, 0, null, 0],
      [order(5), 'CONFIRMED', null, 0, null, 0],
    ]);
    expect(providerSettlement(view, 'b0000000-0000-4000-8000-00000000000f')).toEqual([]);
  });
});
