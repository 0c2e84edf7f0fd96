import type { VoucherCommand } from './voucher.commands';
import type { VoucherEvent } from './voucher.events';
import { anApplicant, anOrderFacts, anOrderPlaced, claimFacts, DELIVERY_ID, ORDER_ID, PROGRAMME_ID, voucherProvider, voucherTerms } from './voucher.fixtures';
import { voucherKind } from './voucher.kind';
import { ledgerFaults, totalsOf } from './voucher-ledger';
import { monthsAfter, servicePeriodFits, subsidyOf } from './voucher.rules';
import type { VoucherState } from './voucher.state';
import { anActor, commandWith, given, GZ, gzBureau, TIANHE } from '../shared/testing';

const SMALL = 'e0000000-0000-4000-8000-000000000001';
const SMALL_USCC = '91440106MA59C3PL2X';
const smallCo = anActor('ENTERPRISE', TIANHE, 'ent-small', SMALL_USCC);
const provider = anActor('PROVIDER', GZ, 'prov-1', voucherProvider.uscc);
const otherProvider = anActor('PROVIDER', GZ, 'prov-2', '91440101MA5CXXXX1B');
const terms = voucherTerms;
const tied = (legalRepresentative: string, shareholders: { name: string; uscc?: string }[] = []) => ({ legalRepresentative, shareholders });

const history: VoucherEvent[] = [
  { type: 'VoucherProgrammePublished', data: { programmeId: PROGRAMME_ID, issuer: { role: 'CITY_AUTHORITY', regionCode: GZ }, version: 1, terms, publishedAt: '2026-02-20T02:00:00.000Z' } },
  {
    type: 'VoucherGranted',
    data: { programmeId: PROGRAMME_ID, enterpriseId: SMALL, uscc: SMALL_USCC, regionCode: TIANHE, tier: 'SMALL_MICRO', quotaFen: 2_000_000, way: 'ON_ELIGIBILITY', grantedAt: '2026-03-12T02:00:00.000Z' },
  },
];
const placed: VoucherEvent = anOrderPlaced(SMALL);
const at = (day: string) => `${day}T10:00:00+08:00`;
const confirmed: VoucherEvent = { type: 'VoucherOrderConfirmed', data: { programmeId: PROGRAMME_ID, orderId: ORDER_ID, confirmedAt: '2026-04-03T02:00:00.000Z' } };
const claimed: VoucherEvent = { type: 'VoucherClaimed', data: { programmeId: PROGRAMME_ID, orderId: ORDER_ID, dossier: claimFacts().dossier, claimedAt: '2026-10-10T02:00:00.000Z' } };
const approved: VoucherEvent = { type: 'VoucherClaimApproved', data: { programmeId: PROGRAMME_ID, orderId: ORDER_ID, opinion: '材料齐全', approvedAt: '2026-10-12T02:00:00.000Z' } };
const paid: VoucherEvent = { type: 'VoucherPaymentRecorded', data: { programmeId: PROGRAMME_ID, orderId: ORDER_ID, amountFen: 1_500_000, reference: 'GZCZ-2026-0001', paidAt: '2026-10-15T02:00:00.000Z' } };

const ids = { programmeId: PROGRAMME_ID, orderId: ORDER_ID };
const place = commandWith('PlaceVoucherOrder', { ...ids, enterpriseId: SMALL, provider: voucherProvider, deliveryId: DELIVERY_ID, priceFen: 5_000_000, facts: anOrderFacts(SMALL) }, provider, at('2026-04-02'));
const confirm = commandWith('ConfirmVoucherOrder', ids, smallCo, at('2026-04-03'));
const cancel = commandWith('CancelVoucherOrder', { ...ids, reason: '企业改变计划' }, smallCo, at('2026-04-05'));
const claim = commandWith('ClaimVoucherSubsidy', { ...ids, facts: claimFacts('CONFIRMED') }, provider, at('2026-10-10'));
const approve = commandWith('ApproveVoucherClaim', { ...ids, opinion: '材料齐全' }, gzBureau, at('2026-10-12'));
const reject = commandWith('RejectVoucherClaim', { ...ids, reason: '服务成果与合同不符' }, gzBureau, at('2026-10-12'));
const pay = commandWith('RecordVoucherPayment', { ...ids, reference: 'GZCZ-2026-0001' }, gzBureau, at('2026-10-15'));
const voidIt = commandWith('VoidVoucherPayment', { ...ids, reason: '核查发现服务未实际提供' }, gzBureau, at('2026-11-20'));

const totals = (state: VoucherState) => (state.status === 'PUBLISHED' ? { ...totalsOf(state.books), faults: ledgerFaults(state.books) } : undefined);

describe('Voucher orders and settlement (服务券使用与兑付)', () => {
  it('the subsidy is the rule’s share rounded down, at most the cap; the period at most the months allowed', () => {
    expect(subsidyOf(terms.rule, 5_000_000)).toBe(1_500_000);
    expect(subsidyOf(terms.rule, 333)).toBe(99);
    expect(subsidyOf(terms.rule, 50_000_000)).toBe(3_000_000);
    expect(monthsAfter('2026-03-31', 11)).toBe('2027-02-28');
    expect(monthsAfter('2027-12-15', 1)).toBe('2028-01-15');
    expect(servicePeriodFits({ from: '2026-03-01', until: '2027-02-28' }, 12)).toBe(true);
    expect(servicePeriodFits({ from: '2026-03-01', until: '2027-03-01' }, 12)).toBe(false);
  });

  it('programme → order → confirmation → claim → approval → payment, the books balanced at each step', () => {
    const afterPlace = given(voucherKind, history).when(place()).then([placed]).state;
    expect(totals(afterPlace)).toMatchObject({ granted: 2_000_000, reserved: 0, faults: [] });
    const steps: [VoucherEvent[], VoucherCommand, Partial<ReturnType<typeof totalsOf>>][] = [
      [[placed], confirm(), { granted: 500_000, reserved: 1_500_000 }],
      [[placed, confirmed], claim(), { reserved: 0, claimable: 1_500_000 }],
      [[placed, confirmed, claimed], approve(), { claimable: 1_500_000 }],
      [[placed, confirmed, claimed, approved], pay(), { claimable: 0, paid: 1_500_000 }],
      [[placed, confirmed, claimed, approved, paid], voidIt(), { paid: 0, unallocated: 29_500_000, granted: 500_000 }],
    ];
    for (const [before, command, expected] of steps) {
      const { state } = given(voucherKind, [...history, ...before]).when(command).thenEmits([expect.any(String)] as unknown as string[]);
      expect(totals(state)).toMatchObject({ ...expected, faults: [] });
    }
    given(voucherKind, [...history, placed, confirmed, claimed, approved]).when(pay()).then([paid]);
  });

  it('a cancellation before the claim returns the reservation; a rejected claim returns the subsidy to the quota', () => {
    const { state } = given(voucherKind, [...history, placed, confirmed]).when(cancel()).thenEmits(['VoucherOrderCancelled']);
    expect(totals(state)).toMatchObject({ granted: 2_000_000, reserved: 0, faults: [] });
    given(voucherKind, [...history, placed]).when(cancel({}, provider)).thenEmits(['VoucherOrderCancelled']);
    given(voucherKind, [...history, placed, confirmed, claimed]).when(cancel()).thenThrows('ORDER_NOT_CANCELLABLE');
    const rejected = given(voucherKind, [...history, placed, confirmed, claimed]).when(reject()).thenEmits(['VoucherClaimRejected']).state;
    expect(totals(rejected)).toMatchObject({ granted: 2_000_000, claimable: 0, faults: [] });
  });

  it.each([
    ['a provider not in the 库', { facts: anOrderFacts(SMALL, {}, { providerInPool: false }) }, 'PROVIDER_NOT_IN_POOL'],
    ['one organisation on both sides', { facts: anOrderFacts(SMALL, {}, { parties: { provider: { uscc: SMALL_USCC }, enterprise: { uscc: SMALL_USCC } } }) }, 'PARTIES_RELATED'],
    ['parties with the same legal representative', { facts: anOrderFacts(SMALL, {}, { parties: { provider: { uscc: voucherProvider.uscc, ties: tied('张 伟') }, enterprise: { uscc: SMALL_USCC, ties: tied('张伟') } } }) }, 'PARTIES_RELATED'],
    ['a provider holding shares of the enterprise', { facts: anOrderFacts(SMALL, {}, { parties: { provider: { uscc: voucherProvider.uscc }, enterprise: { uscc: SMALL_USCC, ties: tied('李强', [{ name: '服务机构', uscc: voucherProvider.uscc }]) } } }) }, 'PARTIES_RELATED'],
    ['an enterprise holding shares of the provider', { facts: anOrderFacts(SMALL, {}, { parties: { provider: { uscc: voucherProvider.uscc, ties: tied('王芳', [{ name: '企业', uscc: SMALL_USCC }]) }, enterprise: { uscc: SMALL_USCC, ties: tied('李强') } } }) }, 'PARTIES_RELATED'],
    ['a service outside the programme’s domains', { facts: anOrderFacts(SMALL, { domain: 'LEGAL' }) }, 'SERVICE_NOT_ELIGIBLE'],
    ['a service period over 12 months', { facts: anOrderFacts(SMALL, { plannedEnd: '2027-04-01' }) }, 'SERVICE_PERIOD_TOO_LONG'],
    ['another provider’s delivery', { facts: anOrderFacts(SMALL, { serverId: 'b0000000-0000-4000-8000-000000000009' }) }, 'DELIVERY_NOT_PROVIDERS'],
    ['a station’s delivery', { facts: anOrderFacts(SMALL, { serverKind: 'STATION' }) }, 'DELIVERY_NOT_PROVIDERS'],
    ['a delivery to another enterprise', { facts: anOrderFacts('e0000000-0000-4000-8000-000000000009') }, 'DELIVERY_OTHER_ENTERPRISE'],
    ['a cancelled delivery', { facts: anOrderFacts(SMALL, { stage: 'CANCELLED' }) }, 'DELIVERY_CANCELLED'],
    ['a free (公益) delivery', { facts: anOrderFacts(SMALL, { fee: { kind: 'FREE', amountFen: 0 } }) }, 'SERVICE_FREE'],
    ['a price other than the agreed fee', { priceFen: 6_000_000 }, 'PRICE_DIFFERS'],
    ['a missing delivery', { facts: { ...anOrderFacts(SMALL), delivery: null } }, 'DELIVERY_NOT_FOUND'],
    ['an enterprise without the voucher', { enterpriseId: 'e0000000-0000-4000-8000-000000000009' }, 'VOUCHER_NOT_GRANTED'],
    ['a price below one 分 of subsidy', { priceFen: 3, facts: anOrderFacts(SMALL, { fee: { kind: 'LOW_FEE', amountFen: 3 } }) }, 'NO_SUBSIDY'],
  ])('refuses an order for %s', (_what, changes, code) => {
    given(voucherKind, history).when(place(changes)).thenThrows(code);
  });

  it('a delivery outside the domains is eligible when it follows one of the programme’s products', () => {
    const PRODUCT = 'a0000000-0000-4000-8000-000000000001';
    const withProduct = { ...history[0], data: { ...history[0].data, terms: { ...terms, products: [PRODUCT] } } } as VoucherEvent;
    const legal = (productId?: string) => place({ facts: anOrderFacts(SMALL, { domain: 'LEGAL', ...(productId ? { productId } : {}) }) });
    given(voucherKind, [withProduct, history[1]]).when(legal(PRODUCT)).thenEmits(['VoucherOrderPlaced']);
    given(voucherKind, [withProduct, history[1]]).when(legal('a0000000-0000-4000-8000-000000000002')).thenThrows('SERVICE_NOT_ELIGIBLE');
    given(voucherKind, history).when(legal(PRODUCT)).thenThrows('SERVICE_NOT_ELIGIBLE');
  });

  it('parties with different representatives and no shares between them are not related', () => {
    const parties = { provider: { uscc: voucherProvider.uscc, ties: tied('王芳', [{ name: '某投资公司', uscc: '91440101MA5CXXXX1B' }]) }, enterprise: { uscc: SMALL_USCC, ties: tied('李强', [{ name: '李强' }]) } };
    given(voucherKind, history).when(place({ facts: anOrderFacts(SMALL, {}, { parties }) })).thenEmits(['VoucherOrderPlaced']);
  });

  it('refuses an order outside the programme’s validity, a second order of one delivery, and the same order twice', () => {
    given(voucherKind, history).when(place({}, provider, at('2027-01-01'))).thenThrows('OUTSIDE_VALIDITY');
    given(voucherKind, history).when(place({}, provider, at('2026-02-27'))).thenThrows('OUTSIDE_VALIDITY');
    given(voucherKind, [...history, placed]).when(place({ orderId: 'c0000000-0000-4000-8000-000000000002' })).thenThrows('DELIVERY_ALREADY_ORDERED');
    given(voucherKind, [...history, placed]).when(place()).thenThrows('ORDER_EXISTS');
    const cancelled: VoucherEvent = { type: 'VoucherOrderCancelled', data: { ...ids, reason: '改期', cancelledAt: '2026-04-05T02:00:00.000Z' } };
    given(voucherKind, [...history, placed, cancelled]).when(place({ orderId: 'c0000000-0000-4000-8000-000000000002' })).thenEmits(['VoucherOrderPlaced']);
  });

  it('refuses a confirmation the quota cannot cover', () => {
    const big = { ...placed, data: { ...placed.data, orderId: 'c0000000-0000-4000-8000-000000000002', deliveryId: 'd0000000-0000-4000-8000-000000000002', subsidyFen: 600_000 } } as VoucherEvent;
    given(voucherKind, [...history, placed, confirmed, big])
      .when(confirm({ orderId: 'c0000000-0000-4000-8000-000000000002' }))
      .thenThrows('QUOTA_EXCEEDED', { message: /500000/ });
  });

  it('a claim needs the delivery confirmed, within the settlement date, and only once', () => {
    given(voucherKind, [...history, placed, confirmed]).when(claim({ facts: claimFacts('DELIVERED') })).thenThrows('DELIVERY_NOT_CONFIRMED');
    given(voucherKind, [...history, placed, confirmed]).when(claim({ facts: claimFacts('ARCHIVED') })).thenEmits(['VoucherClaimed']);
    given(voucherKind, [...history, placed, confirmed]).when(claim({}, provider, at('2027-04-01'))).thenThrows('SETTLEMENT_CLOSED');
    given(voucherKind, [...history, placed]).when(claim()).thenThrows('ORDER_NOT_CONFIRMED');
    given(voucherKind, [...history, placed, confirmed, claimed]).when(claim()).thenThrows('ALREADY_CLAIMED');
    given(voucherKind, [...history, placed, confirmed, claimed, approved, paid]).when(claim()).thenThrows('ALREADY_CLAIMED');
  });

  it('decisions in order: approve a pending claim, pay an approved one, void a paid one', () => {
    given(voucherKind, [...history, placed, confirmed]).when(approve()).thenThrows('CLAIM_NOT_PENDING');
    given(voucherKind, [...history, placed, confirmed, claimed]).when(pay()).thenThrows('CLAIM_NOT_APPROVED');
    given(voucherKind, [...history, placed, confirmed, claimed, approved]).when(voidIt()).thenThrows('NOT_PAID');
    given(voucherKind, [...history, placed, confirmed, claimed]).when(approve({ opinion: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'opinion' });
    given(voucherKind, [...history, placed, confirmed, claimed, approved]).when(pay({ reference: '' })).thenThrows('FIELD_REQUIRED', { field: 'reference' });
    given(voucherKind, [...history, placed, confirmed, claimed, approved, paid]).when(pay()).thenThrows('CLAIM_NOT_APPROVED');
  });

  it('who: the provider named places and claims; its enterprise confirms; either cancels; the issuer decides (403 otherwise)', () => {
    given(voucherKind, history).when(place({}, otherProvider)).thenThrows('NOT_OWNER');
    given(voucherKind, history).when(place({}, smallCo)).thenThrows('ROLE_NOT_PERMITTED');
    given(voucherKind, [...history, placed]).when(confirm({}, anActor('ENTERPRISE', TIANHE, 'ent-other', '91440106MA59C3PL9X'))).thenThrows('NOT_OWNER');
    given(voucherKind, [...history, placed]).when(confirm({}, provider)).thenThrows('ROLE_NOT_PERMITTED');
    given(voucherKind, [...history, placed]).when(cancel({}, otherProvider)).thenThrows('NOT_OWNER');
    given(voucherKind, [...history, placed, confirmed]).when(claim({}, otherProvider)).thenThrows('NOT_OWNER');
    given(voucherKind, [...history, placed, confirmed, claimed]).when(approve({}, anActor('CITY_AUTHORITY', '440300'))).thenThrows('REGION_NOT_PERMITTED');
    given(voucherKind, [...history, placed, confirmed, claimed]).when(approve({}, provider)).thenThrows('ROLE_NOT_PERMITTED');
    given(voucherKind, [...history]).when(confirm({}, smallCo)).thenThrows('VOUCHER_ORDER_NOT_FOUND');
  });

  it('closes after the settlement date: unused quota and unclaimed reservations lapse to the budget; then nothing more but a void', () => {
    const close = commandWith('CloseVoucherProgramme', { programmeId: PROGRAMME_ID }, gzBureau, at('2027-04-01'));
    given(voucherKind, [...history, placed, confirmed]).when(close({}, gzBureau, at('2027-03-31'))).thenThrows('PROGRAMME_NOT_DUE_FOR_CLOSING');
    given(voucherKind, [...history, placed, confirmed]).when(close({}, provider)).thenThrows('ROLE_NOT_PERMITTED');
    const closed = given(voucherKind, [...history, placed, confirmed])
      .when(close())
      .then([
        {
          type: 'VoucherProgrammeClosed',
          data: { programmeId: PROGRAMME_ID, lapsedQuotas: [{ enterpriseId: SMALL, amountFen: 500_000 }], lapsedOrders: [{ orderId: ORDER_ID, amountFen: 1_500_000 }], closedAt: '2027-04-01T02:00:00.000Z' },
        },
      ]).state;
    expect(totals(closed)).toMatchObject({ unallocated: 30_000_000, granted: 0, reserved: 0, faults: [] });
    expect(closed.status === 'PUBLISHED' && closed.orders[ORDER_ID].status).toBe('LAPSED');
    const closedEvent: VoucherEvent = { type: 'VoucherProgrammeClosed', data: { programmeId: PROGRAMME_ID, lapsedQuotas: [], lapsedOrders: [], closedAt: '2027-04-01T02:00:00.000Z' } };
    given(voucherKind, [...history, placed, confirmed, claimed, approved, paid, closedEvent]).when(claim({}, provider, at('2027-04-02'))).thenThrows('PROGRAMME_CLOSED');
    given(voucherKind, [...history, closedEvent]).when(close()).thenThrows('PROGRAMME_CLOSED');
    given(voucherKind, [...history, placed, confirmed, claimed, approved, paid, closedEvent]).when(voidIt({}, gzBureau, at('2027-04-02'))).thenEmits(['VoucherPaymentVoided']);
  });
});
