import fc from 'fast-check';
import { DomainError } from '../shared/domain-error';
import {
  balanceOf,
  cutBudget,
  emptyBooks,
  fundBudget,
  grantQuota,
  lapseQuota,
  ledgerFaults,
  makeClaimable,
  payClaim,
  postEntries,
  rejectClaim,
  releaseReservation,
  reserveSubsidy,
  totalsOf,
  voidPayment,
  type VoucherBooks,
} from './voucher-ledger';

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('not refused');
};

/** Beijing's tiers as the example: a 小微 quota of ¥20,000 and a 专精特新 one of ¥100,000, from a ¥1,000,000 budget. */
function booksOfTheExample(): VoucherBooks {
  let books = postEntries(emptyBooks(), fundBudget(emptyBooks(), 100_000_000));
  books = postEntries(books, grantQuota(books, 'e-small', 2_000_000));
  books = postEntries(books, grantQuota(books, 'e-srdi', 10_000_000));
  return books;
}

describe('voucher ledger (服务券 double entries)', () => {
  it('moves an order’s subsidy from the quota to reserved, claimable and paid, the books balancing at every step', () => {
    let books = booksOfTheExample();
    // 30 % of a ¥50,000 order, within the ¥20,000 quota.
    books = postEntries(books, reserveSubsidy(books, 'o-1', 'e-small', 1_500_000), { orderId: 'o-1', enterpriseId: 'e-small' });
    expect(balanceOf(books, 'GRANTED:e-small')).toBe(500_000);
    books = postEntries(books, makeClaimable(books, 'o-1'));
    books = postEntries(books, payClaim(books, 'o-1'));
    expect(totalsOf(books)).toEqual({ funded: 100_000_000, unallocated: 88_000_000, granted: 10_500_000, reserved: 0, claimable: 0, paid: 1_500_000 });
    expect(ledgerFaults(books)).toEqual([]);
    expect(refusal(() => payClaim(books, 'o-1'))).toBe('NOT_CLAIMABLE');
  });

  it('gives a cancelled order’s reservation and a rejected claim back to the quota, and claws a voided payment back to the budget', () => {
    let books = booksOfTheExample();
    books = postEntries(books, reserveSubsidy(books, 'o-1', 'e-small', 600_000), { orderId: 'o-1', enterpriseId: 'e-small' });
    books = postEntries(books, releaseReservation(books, 'o-1'));
    expect(balanceOf(books, 'GRANTED:e-small')).toBe(2_000_000);
    books = postEntries(books, reserveSubsidy(books, 'o-2', 'e-small', 700_000), { orderId: 'o-2', enterpriseId: 'e-small' });
    books = postEntries(books, makeClaimable(books, 'o-2'));
    books = postEntries(books, rejectClaim(books, 'o-2'));
    expect(balanceOf(books, 'GRANTED:e-small')).toBe(2_000_000);
    books = postEntries(books, reserveSubsidy(books, 'o-3', 'e-small', 800_000), { orderId: 'o-3', enterpriseId: 'e-small' });
    books = postEntries(books, makeClaimable(books, 'o-3'));
    books = postEntries(books, payClaim(books, 'o-3'));
    books = postEntries(books, voidPayment(books, 'o-3'));
    expect(totalsOf(books)).toMatchObject({ unallocated: 88_800_000, granted: 11_200_000, paid: 0 });
    books = postEntries(books, lapseQuota(books, 'e-small'));
    expect(balanceOf(books, 'GRANTED:e-small')).toBe(0);
    expect(ledgerFaults(books)).toEqual([]);
  });

  it('refuses what the books cannot cover, naming the shortfall', () => {
    const books = booksOfTheExample();
    expect(refusal(() => grantQuota(books, 'e-giant', 90_000_000))).toBe('BUDGET_EXCEEDED');
    expect(refusal(() => reserveSubsidy(books, 'o-1', 'e-small', 2_000_001))).toBe('QUOTA_EXCEEDED');
    expect(refusal(() => reserveSubsidy(books, 'o-1', 'e-nobody', 1))).toBe('QUOTA_EXCEEDED');
    expect(refusal(() => cutBudget(books, 88_000_001))).toBe('BUDGET_COMMITTED');
    expect(refusal(() => grantQuota(books, 'e-x', 0))).toBe('AMOUNT_INVALID');
    expect(refusal(() => grantQuota(books, 'e-x', 1.5))).toBe('AMOUNT_INVALID');
    expect(refusal(() => releaseReservation(books, 'o-unknown'))).toBe('ORDER_NOT_RESERVED');
    const reserved = postEntries(books, reserveSubsidy(books, 'o-1', 'e-small', 100), { orderId: 'o-1', enterpriseId: 'e-small' });
    expect(refusal(() => reserveSubsidy(reserved, 'o-1', 'e-small', 100))).toBe('ORDER_ALREADY_RESERVED');
    expect(refusal(() => payClaim(reserved, 'o-1'))).toBe('NOT_CLAIMABLE');
    expect(refusal(() => voidPayment(reserved, 'o-1'))).toBe('NOT_PAID');
  });

  it('accepts exactly the orders a quota can afford, one after another', () => {
    let books = booksOfTheExample();
    let accepted = 0;
    for (let n = 0; n < 100; n += 1) {
      try {
        books = postEntries(books, reserveSubsidy(books, `o-${n}`, 'e-small', 30_000), { orderId: `o-${n}`, enterpriseId: 'e-small' });
        accepted += 1;
      } catch (error) {
        expect((error as DomainError).code).toBe('QUOTA_EXCEEDED');
      }
    }
    expect(accepted).toBe(66); // ¥20,000 / ¥300, rounded down
    expect(balanceOf(books, 'GRANTED:e-small')).toBe(20_000);
  });

  it('balances after every step of any interleaving of grants, orders, cancellations, claims, payments, voids, lapses and budget changes', () => {
    // Budgets large against quotas, quotas against subsidies: most steps can be taken, so long chains occur.
    const enterprise = fc.constantFrom('e-1', 'e-2');
    const order = fc.constantFrom('o-1', 'o-2');
    const step = fc.oneof(
      { weight: 1, arbitrary: fc.record({ op: fc.constant('fund' as const), amount: fc.integer({ min: 1, max: 50_000_000 }) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('defund' as const), amount: fc.integer({ min: 1, max: 20_000_000 }) }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('grant' as const), enterprise, amount: fc.integer({ min: 1, max: 5_000_000 }) }) },
      { weight: 3, arbitrary: fc.record({ op: fc.constant('reserve' as const), order, enterprise, amount: fc.integer({ min: 1, max: 2_000_000 }) }) },
      { weight: 8, arbitrary: fc.record({ op: fc.constantFrom('release' as const, 'claimable' as const, 'reject' as const, 'pay' as const, 'void' as const), order }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('lapse' as const), enterprise }) },
    );
    const orderMovements = { release: releaseReservation, claimable: makeClaimable, reject: rejectClaim, pay: payClaim, void: voidPayment };
    const taken = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80 }), (steps) => {
        let books = emptyBooks();
        const granted = new Map<string, number>();
        for (const s of steps) {
          try {
            switch (s.op) {
              case 'fund':
                books = postEntries(books, fundBudget(books, s.amount));
                break;
              case 'defund':
                books = postEntries(books, cutBudget(books, s.amount));
                break;
              case 'grant':
                books = postEntries(books, grantQuota(books, s.enterprise, s.amount));
                granted.set(s.enterprise, (granted.get(s.enterprise) ?? 0) + s.amount);
                break;
              case 'reserve':
                books = postEntries(books, reserveSubsidy(books, s.order, s.enterprise, s.amount), { orderId: s.order, enterpriseId: s.enterprise });
                break;
              case 'release':
              case 'claimable':
              case 'reject':
              case 'pay':
              case 'void':
                books = postEntries(books, orderMovements[s.op](books, s.order));
                break;
              case 'lapse':
                books = postEntries(books, lapseQuota(books, s.enterprise));
                break;
            }
            taken.add(s.op);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          expect(ledgerFaults(books)).toEqual([]);
          // No enterprise ever holds, reserves or is paid more than it was granted.
          for (const [enterpriseId, total] of granted) {
            const orders = [...books.orders].filter(([, e]) => e === enterpriseId).map(([o]) => o);
            const used = orders.reduce((sum, o) => sum + balanceOf(books, `RESERVED:${o}`) + balanceOf(books, `CLAIMABLE:${o}`) + balanceOf(books, `PAID:${o}`), 0);
            expect(balanceOf(books, `GRANTED:${enterpriseId}`) + used).toBeLessThanOrEqual(total);
          }
        }
      }),
      { numRuns: 500 },
    );
    // Every movement was taken somewhere in the runs, not only refused.
    expect([...taken].sort()).toEqual(['claimable', 'defund', 'fund', 'grant', 'lapse', 'pay', 'reject', 'release', 'reserve', 'void']);
  });
});
