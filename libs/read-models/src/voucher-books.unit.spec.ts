import fc from 'fast-check';
import { DomainError } from '@sme/domain/shared/domain-error';
import { at, gzBureau } from '@sme/domain/shared/testing';
import type { VoucherCommand } from '@sme/domain/voucher/voucher.commands';
import { anApplicant, anOrderFacts, claimFacts, PROGRAMME_ID, voucherProvider, voucherTerms } from '@sme/domain/voucher/voucher.fixtures';
import { voucherKind } from '@sme/domain/voucher/voucher.kind';
import { balanceOf, ledgerFaults, totalsOf } from '@sme/domain/voucher/voucher-ledger';
import type { VoucherState } from '@sme/domain/voucher/voucher.state';
import { enterpriseStatement } from './queries/voucher-reports';
import { eventLog } from './testing/projection-gwt';
import { projectVoucherProgramme, type VoucherProgrammeView } from './voucher.projection';

/**
 * The programme's books through its decider, against its read side: random interleavings of grants,
 * orders, confirmations, cancellations, claims, decisions, payments and voids, each refused or written
 * as the decider says. After every step the books balance (funded = unallocated + unused quota +
 * reserved + claimable + paid, no account below zero) and the programme's document shows exactly the
 * books' figures, and each enterprise's statement ends on its quota left.
 */
const ENTERPRISES = ['e0000000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002', 'e0000000-0000-4000-8000-000000000003'];
const ORDERS = Array.from({ length: 3 }, (_, n) => `c0000000-0000-4000-8000-00000000000${n}`);
const NOW = '2026-04-10T10:00:00+08:00';
const usccOf = (n: number) => `9144010${n}MA59C3PL2X`;

type Step =
  | { kind: 'grant'; e: number }
  | { kind: 'place'; o: number; e: number; priceFen: number }
  | { kind: 'confirm' | 'cancel' | 'claim' | 'approve' | 'reject' | 'pay' | 'void'; o: number }
  /** The order's next step along its way (confirm, claim, approve, pay, void), whatever it is now. */
  | { kind: 'advance'; o: number }
  /** After the settlement date: what is unused or unclaimed lapses, and the programme takes nothing more. */
  | { kind: 'close' };

const NEXT = { PLACED: 'confirm', CONFIRMED: 'claim', CLAIMED: 'approve', APPROVED: 'pay', PAID: 'void' } as const;

const step: fc.Arbitrary<Step> = fc.oneof(
  // Closing ends a run's books: rare, so that most runs reach every step before it.
  { arbitrary: fc.record({ kind: fc.constant('grant' as const), e: fc.nat(2) }), weight: 20 },
  { arbitrary: fc.record({ kind: fc.constant('place' as const), o: fc.nat(2), e: fc.nat(2), priceFen: fc.integer({ min: 1, max: 8_000_000 }) }), weight: 20 },
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), o: fc.nat(2) }), weight: 20 },
  { arbitrary: fc.record({ kind: fc.constant('close' as const) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constantFrom('confirm' as const, 'cancel' as const, 'claim' as const, 'approve' as const, 'reject' as const, 'pay' as const, 'void' as const), o: fc.nat(2) }), weight: 20 },
);

function commandOf(given: Step, state: VoucherState): VoucherCommand {
  const status = state.status === 'PUBLISHED' && given.kind === 'advance' ? state.orders[ORDERS[given.o]]?.status : undefined;
  const s: Step = given.kind === 'advance' ? { kind: status !== undefined && status in NEXT ? NEXT[status as keyof typeof NEXT] : 'confirm', o: given.o } : given;
  const metadata = at(NOW, gzBureau);
  const programmeId = PROGRAMME_ID;
  if (s.kind === 'close') return { type: 'CloseVoucherProgramme', data: { programmeId }, metadata: at('2027-04-02T10:00:00+08:00', gzBureau) };
  if (s.kind === 'grant') return { type: 'GrantVoucherOnEligibility', data: { programmeId, applicant: anApplicant(ENTERPRISES[s.e], usccOf(s.e)) }, metadata };
  const orderId = ORDERS[s.o];
  if (s.kind === 'place') {
    const enterpriseId = ENTERPRISES[s.e];
    const facts = { ...anOrderFacts(enterpriseId, { fee: { kind: 'MARKET', amountFen: s.priceFen } }), parties: { provider: { uscc: voucherProvider.uscc }, enterprise: { uscc: usccOf(s.e) } } };
    // Each placing of an order id is for a delivery of its own.
    const deliveryId = `d0000000-0000-4000-8000-${String(Math.abs(s.priceFen)).padStart(12, '0')}`;
    return { type: 'PlaceVoucherOrder', data: { programmeId, orderId, enterpriseId, provider: voucherProvider, deliveryId, priceFen: s.priceFen, facts }, metadata };
  }
  const ids = { programmeId, orderId };
  switch (s.kind) {
    case 'confirm':
      return { type: 'ConfirmVoucherOrder', data: ids, metadata };
    case 'cancel':
      return { type: 'CancelVoucherOrder', data: { ...ids, reason: '改期' }, metadata };
    case 'claim':
      return { type: 'ClaimVoucherSubsidy', data: { ...ids, facts: claimFacts() }, metadata };
    case 'approve':
      return { type: 'ApproveVoucherClaim', data: { ...ids, opinion: '同意' }, metadata };
    case 'reject':
      return { type: 'RejectVoucherClaim', data: { ...ids, reason: '不符' }, metadata };
    case 'pay':
      return { type: 'RecordVoucherPayment', data: { ...ids, reference: `R-${state.status}-${orderId}` }, metadata };
    default:
      return { type: 'VoidVoucherPayment', data: { ...ids, reason: '虚假' }, metadata };
  }
}

describe('voucher books through the decider and the read side (property)', () => {
  it('balance after every step of any interleaving, and the programme’s document shows the books', () => {
    const written = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80, size: 'large' }), (steps) => {
        const { decider } = voucherKind;
        const log = eventLog();
        const streamId = voucherKind.streamId(PROGRAMME_ID);
        // A ¥50,000 budget: two ¥20,000 quotas and not a third.
        const terms = { ...voucherTerms, budgetFen: 5_000_000 };
        let state = decider.initialState();
        let view: VoucherProgrammeView | undefined;
        const write = (command: VoucherCommand) => {
          let events;
          try {
            events = decider.decide(command, state);
          } catch (error) {
            if (error instanceof DomainError) return;
            throw error;
          }
          for (const event of events) {
            written.add(event.type);
            state = decider.evolve(state, event);
            view = projectVoucherProgramme(view, log.append(streamId, event, { actor: gzBureau, occurredAt: new Date(NOW).toISOString() }));
          }
        };
        write({ type: 'PublishVoucherProgramme', data: { programmeId: PROGRAMME_ID, issuer: { role: 'CITY_AUTHORITY', regionCode: '440100' }, terms }, metadata: at('2026-02-20T10:00:00+08:00', gzBureau) });
        for (const s of steps) {
          write(commandOf(s, state));
          if (state.status !== 'PUBLISHED' || view === undefined) throw new Error('the programme was not published');
          expect(ledgerFaults(state.books)).toEqual([]);
          const t = totalsOf(state.books);
          const b = view.budget;
          expect([b.fundedFen, b.unallocatedFen, b.quotaUnusedFen, b.reservedFen, b.claimableFen, b.paidFen]).toEqual([t.funded, t.unallocated, t.granted, t.reserved, t.claimable, t.paid]);
          // Closed: nothing is left unused or reserved.
          if (state.closedAt !== undefined) expect([t.granted, t.reserved]).toEqual([0, 0]);
          for (const enterpriseId of ENTERPRISES) {
            const last = enterpriseStatement(view, enterpriseId).at(-1);
            expect(last?.availableFen ?? 0).toBe(balanceOf(state.books, `GRANTED:${enterpriseId}`));
          }
        }
      }),
      { numRuns: 300 },
    );
    // The runs reached every step of the books, refusals aside.
    expect([...written].sort()).toEqual(Object.keys(voucherKind.schemaVersions).filter((type) => !['VoucherApplied', 'VoucherApplicationRefused', 'VoucherProgrammeAmended'].includes(type)).sort());
  });
});
