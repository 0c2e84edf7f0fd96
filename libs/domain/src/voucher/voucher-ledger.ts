import { conflict, invalid } from '../shared/domain-error';

/**
 * 服务券 money as double entries. Every movement takes an amount in 分 from one account and puts it in
 * another, so a programme's books always balance:
 *
 *   funded = unallocated + granted (unused quota) + reserved + claimable + paid
 *
 * FUNDING stands outside the programme (its balance is minus what was put in); every other account
 * is never negative. The way money goes, and back:
 *
 *   FUNDING → UNALLOCATED → GRANTED:<enterprise> → RESERVED:<order> → CLAIMABLE:<order> → PAID:<order>
 *   a cancelled order's reservation and a rejected claim go back to the enterprise's quota; a voided
 *   (clawed back) payment and a lapsed quota go back to UNALLOCATED; a budget cut leaves it for FUNDING.
 *
 * Pure: each movement reads the books and returns its postings, or refuses (409) naming the shortfall.
 */
export type VoucherAccount = 'FUNDING' | 'UNALLOCATED' | `GRANTED:${string}` | `RESERVED:${string}` | `CLAIMABLE:${string}` | `PAID:${string}`;

export interface Posting {
  from: VoucherAccount;
  to: VoucherAccount;
  amountFen: number;
}

export interface VoucherBooks {
  balances: ReadonlyMap<VoucherAccount, number>;
  /** Each order's enterprise: where its reservation goes back to. */
  orders: ReadonlyMap<string, string>;
}

export const emptyBooks = (): VoucherBooks => ({ balances: new Map(), orders: new Map() });

export const balanceOf = (books: VoucherBooks, account: VoucherAccount): number => books.balances.get(account) ?? 0;

/** The books after postings (and, for a reservation, the order's enterprise). */
export function postEntries(books: VoucherBooks, postings: readonly Posting[], order?: { orderId: string; enterpriseId: string }): VoucherBooks {
  const balances = new Map(books.balances);
  for (const { from, to, amountFen } of postings) {
    balances.set(from, (balances.get(from) ?? 0) - amountFen);
    balances.set(to, (balances.get(to) ?? 0) + amountFen);
  }
  const orders = order === undefined ? books.orders : new Map(books.orders).set(order.orderId, order.enterpriseId);
  return { balances, orders };
}

function requireAmount(amountFen: number, field: string): number {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw invalid('AMOUNT_INVALID', '金额须为正整数（分）', 'An amount is a whole number of 分 above zero', field);
  return amountFen;
}

const move = (from: VoucherAccount, to: VoucherAccount, amountFen: number): Posting[] => [{ from, to, amountFen }];

function enterpriseOf(books: VoucherBooks, orderId: string): string {
  const enterpriseId = books.orders.get(orderId);
  if (enterpriseId === undefined) throw conflict('ORDER_NOT_RESERVED', `订单${orderId}没有服务券预占`, `Order ${orderId} has no voucher reservation`, 'orderId');
  return enterpriseId;
}

type OrderStage = 'RESERVED' | 'CLAIMABLE' | 'PAID';

/**
 * A reserved order's whole balance at one stage moved on (`to` is given the order's enterprise); an
 * empty stage refuses with `nothing` (code, zh, en).
 */
function moveWholeOrder(
  books: VoucherBooks,
  orderId: string,
  stage: OrderStage,
  to: (enterpriseId: string) => VoucherAccount,
  nothing: readonly [code: string, zh: string, en: string],
): Posting[] {
  const enterpriseId = enterpriseOf(books, orderId);
  const from: VoucherAccount = `${stage}:${orderId}`;
  const amount = balanceOf(books, from);
  if (amount <= 0) throw conflict(nothing[0], nothing[1], nothing[2], 'orderId');
  return move(from, to(enterpriseId), amount);
}

/** The programme's budget is put in (or raised by an amendment). */
export const fundBudget = (books: VoucherBooks, amountFen: number): Posting[] => move('FUNDING', 'UNALLOCATED', requireAmount(amountFen, 'budgetFen'));

/** A budget cut by an amendment: only what is not granted can go. */
export function cutBudget(books: VoucherBooks, amountFen: number): Posting[] {
  const free = balanceOf(books, 'UNALLOCATED');
  if (requireAmount(amountFen, 'budgetFen') > free) {
    throw conflict('BUDGET_COMMITTED', `预算未分配余额${free}分，不足以核减${amountFen}分`, `Only ${free} 分 of the budget is unallocated; ${amountFen} cannot be cut`, 'budgetFen');
  }
  return move('UNALLOCATED', 'FUNDING', amountFen);
}

/** 发放: a quota for an enterprise, from what the budget has left. */
export function grantQuota(books: VoucherBooks, enterpriseId: string, quotaFen: number): Posting[] {
  const free = balanceOf(books, 'UNALLOCATED');
  if (requireAmount(quotaFen, 'quotaFen') > free) {
    throw conflict('BUDGET_EXCEEDED', `预算余额${free}分，不足以发放${quotaFen}分`, `The budget has ${free} 分 left, not enough for a quota of ${quotaFen}`, 'quotaFen');
  }
  return move('UNALLOCATED', `GRANTED:${enterpriseId}`, quotaFen);
}

/** An order's subsidy is reserved from the enterprise's quota; one reservation per order. */
export function reserveSubsidy(books: VoucherBooks, orderId: string, enterpriseId: string, subsidyFen: number): Posting[] {
  if (books.orders.has(orderId)) throw conflict('ORDER_ALREADY_RESERVED', `订单${orderId}已预占服务券`, `Order ${orderId} already has a reservation`, 'orderId');
  const quota = balanceOf(books, `GRANTED:${enterpriseId}`);
  if (requireAmount(subsidyFen, 'subsidyFen') > quota) {
    throw conflict('QUOTA_EXCEEDED', `企业服务券余额${quota}分，不足以抵扣${subsidyFen}分`, `The enterprise has ${quota} 分 of quota left, not enough for ${subsidyFen}`, 'subsidyFen');
  }
  return move(`GRANTED:${enterpriseId}`, `RESERVED:${orderId}`, subsidyFen);
}

/** A cancelled order gives its reservation back to the enterprise's quota. */
export const releaseReservation = (books: VoucherBooks, orderId: string): Posting[] =>
  moveWholeOrder(books, orderId, 'RESERVED', (enterpriseId) => `GRANTED:${enterpriseId}`, ['NOTHING_RESERVED', '该订单没有可退回的预占', 'The order has no reservation to give back']);

/** The provider's claim, once the enterprise has confirmed the delivery: the reservation becomes claimable. */
export const makeClaimable = (books: VoucherBooks, orderId: string): Posting[] =>
  moveWholeOrder(books, orderId, 'RESERVED', () => `CLAIMABLE:${orderId}`, ['NOTHING_RESERVED', '该订单没有预占，不能转为可结算', 'The order has no reservation to become claimable']);

/** A claim rejected for good: the subsidy goes back to the enterprise's quota. */
export const rejectClaim = (books: VoucherBooks, orderId: string): Posting[] =>
  moveWholeOrder(books, orderId, 'CLAIMABLE', (enterpriseId) => `GRANTED:${enterpriseId}`, ['NOT_CLAIMABLE', '该订单没有可结算的金额', 'The order has nothing claimable']);

/** 兑付: the claimable subsidy is paid; a second payment of one order finds nothing claimable. */
export const payClaim = (books: VoucherBooks, orderId: string): Posting[] =>
  moveWholeOrder(books, orderId, 'CLAIMABLE', () => `PAID:${orderId}`, [
    'NOT_CLAIMABLE',
    '该订单没有可结算的金额（已兑付或尚未确认）',
    'The order has nothing claimable (paid already, or not confirmed)',
  ]);

/** A payment found false is voided: the money is clawed back to the programme, not to the quota. */
export const voidPayment = (books: VoucherBooks, orderId: string): Posting[] =>
  moveWholeOrder(books, orderId, 'PAID', () => 'UNALLOCATED', ['NOT_PAID', '该订单没有已兑付的金额', 'The order has no payment to void']);

/** At the programme's close a reservation never claimed lapses back to the budget: the order can no longer be claimed. */
export function lapseReservation(books: VoucherBooks, orderId: string): Posting[] {
  const amount = balanceOf(books, `RESERVED:${orderId}`);
  return amount > 0 ? move(`RESERVED:${orderId}`, 'UNALLOCATED', amount) : [];
}

/** At the programme's end an enterprise's unused quota lapses back to the budget. */
export function lapseQuota(books: VoucherBooks, enterpriseId: string): Posting[] {
  const amount = balanceOf(books, `GRANTED:${enterpriseId}`);
  return amount > 0 ? move(`GRANTED:${enterpriseId}`, 'UNALLOCATED', amount) : [];
}

/** The books summed by kind of account: what a programme's dashboard shows and the equation reads. */
export interface VoucherTotals {
  funded: number;
  unallocated: number;
  granted: number;
  reserved: number;
  claimable: number;
  paid: number;
}

export function totalsOf(books: VoucherBooks): VoucherTotals {
  const totals: VoucherTotals = { funded: 0, unallocated: 0, granted: 0, reserved: 0, claimable: 0, paid: 0 };
  for (const [account, amount] of books.balances) {
    const kind = account.split(':')[0];
    if (kind === 'FUNDING') totals.funded -= amount;
    else if (kind === 'UNALLOCATED') totals.unallocated += amount;
    else if (kind === 'GRANTED') totals.granted += amount;
    else if (kind === 'RESERVED') totals.reserved += amount;
    else if (kind === 'CLAIMABLE') totals.claimable += amount;
    else totals.paid += amount;
  }
  return totals;
}

/** Where the books do not balance, or an account other than FUNDING is below zero; empty when they are sound. */
export function ledgerFaults(books: VoucherBooks): string[] {
  const t = totalsOf(books);
  const faults = [...books.balances].filter(([account, amount]) => account !== 'FUNDING' && amount < 0).map(([account, amount]) => `${account} is ${amount}`);
  const held = t.unallocated + t.granted + t.reserved + t.claimable + t.paid;
  if (held !== t.funded) faults.push(`funded ${t.funded} ≠ unallocated + granted + reserved + claimable + paid = ${held}`);
  return faults;
}
