import { chinaDateOf, type Actor } from '@sme/domain';
import { VoucherClosing } from '../../apps/api/src/vouchers/voucher-closing.service';
import { tableInEveryFormat } from './support/exports';
import { deliveryBody, entryApplication, handoverBody, productBody, providerUser } from './support/library-bodies';
import { daysAgo, registerEnterprise, self } from './support/policies-demands';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors } from './support/station-lifecycle';
import { voucherTermsBody } from './support/voucher-bodies';

const today = () => chinaDateOf(new Date());
const dayOf = (daysFromNow: number) => chinaDateOf(new Date(Date.now() + daysFromNow * 24 * 60 * 60 * 1000));

/**
 * 服务券 in use over HTTP: programme → grant → order → delivery → claim → approval → payment (and its
 * clawback); every control refused with nothing written; a hundred confirmations racing for one quota.
 */
describe('voucher orders and settlement (服务券使用与兑付)', () => {
  const { app, c, refused } = useSpecApp();
  let programmeId: string;
  let provider: { id: string; user: Actor };
  let enterprise: { id: string; uscc: string; self: Actor };

  const admit = async (seed: number) => {
    const user = providerUser(seed);
    const { id } = okBody(await c.post(user, '/providers/entry-applications', entryApplication(seed)));
    okBody(await c.post(actors.hub, `/providers/${id}/entry-decision`, { admitted: true, opinion: '同意入库' }));
    return { id, user };
  };
  const granted = async (seed: number, programme = programmeId) => {
    const e = await registerEnterprise(c, seed);
    okBody(await c.post(actors.city, `/voucher-programmes/${programme}/grants`, { enterpriseId: e.id }));
    return { ...e, self: self(e.uscc) };
  };
  /** A market-price IP delivery of the provider to the enterprise, planned from today. */
  const aDelivery = async (by: { id: string; user: Actor }, enterpriseId: string, overrides: Record<string, unknown> = {}) =>
    okBody(await c.post(by.user, '/deliveries', deliveryBody(by.id, enterpriseId, today(), { fee: { kind: 'MARKET', amountFen: 5_000_000 }, ...overrides }))).id as string;
  const order = (by: { id: string; user: Actor }, enterpriseId: string, deliveryId: string, priceFen = 5_000_000, programme = programmeId) =>
    c.post(by.user, `/voucher-programmes/${programme}/orders`, { enterpriseId, providerId: by.id, deliveryId, priceFen });
  const programme = async (actor: Actor = actors.city) => okBody(await c.get(actor, `/voucher-programmes/${programmeId}`));
  const path = (orderId: string, step = '') => `/voucher-programmes/${programmeId}/orders/${orderId}${step}`;
  /** The provider starts the delivery and hands it over; the enterprise confirms it. */
  const deliverAndConfirm = async (by: { user: Actor }, enterpriseSelf: Actor, deliveryId: string) => {
    okBody(await c.post(by.user, `/deliveries/${deliveryId}/start`, { startedOn: today() }));
    okBody(await c.post(by.user, `/deliveries/${deliveryId}/handover`, handoverBody(today())));
    okBody(await c.post(enterpriseSelf, `/deliveries/${deliveryId}/confirmation`, {}));
  };
  /** An order on a new delivery, confirmed, the delivery done and confirmed, and the subsidy claimed: the order's id. */
  const aClaimedOrder = async (by: { id: string; user: Actor }, holder: { id: string; self: Actor }): Promise<string> => {
    const deliveryId = await aDelivery(by, holder.id);
    const orderId = okBody(await order(by, holder.id, deliveryId)).orderId;
    okBody(await c.post(holder.self, path(orderId, '/confirmation'), {}));
    await deliverAndConfirm(by, holder.self, deliveryId);
    okBody(await c.post(by.user, path(orderId, '/claim'), {}));
    return orderId;
  };

  beforeAll(async () => {
    programmeId = okBody(await c.post(actors.city, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody() })).id;
    provider = await admit(1401);
    enterprise = await granted(1402);
  });

  it('programme → grant → order → delivery → claim → approval → payment, the books balanced at each step', async () => {
    const deliveryId = await aDelivery(provider, enterprise.id);
    const answer = await order(provider, enterprise.id, deliveryId);
    const placed = okBody(answer);
    const orderId = placed.orderId;
    expect(answer.headers.location).toBe(path(orderId));
    expect(okBody(await c.get(enterprise.self, answer.headers.location))).toMatchObject({ orderId, status: 'PLACED', subsidyFen: 1_500_000 });
    let view = await programme();
    expect(view.orders).toEqual([expect.objectContaining({ orderId, status: 'PLACED', priceFen: 5_000_000, subsidyFen: 1_500_000, provider: expect.objectContaining({ providerId: provider.id }) })]);

    okBody(await c.post(enterprise.self, path(orderId, '/confirmation'), {}));
    view = await programme();
    expect(view.budget).toMatchObject({ grantedFen: 2_000_000, quotaUnusedFen: 500_000, reservedFen: 1_500_000 });

    // Not claimable before the enterprise confirms the delivery.
    await refused(() => c.post(provider.user, path(orderId, '/claim'), {}), 409, 'DELIVERY_NOT_CONFIRMED');
    await deliverAndConfirm(provider, enterprise.self, deliveryId);
    okBody(await c.post(provider.user, path(orderId, '/claim'), {}));
    // The claim pins the delivery's 档案: the revision it read and the documents handed over.
    const dossier = okBody(await c.get(provider.user, `/deliveries/${deliveryId}/dossier`));
    const ofDelivery = dossier.entries.filter((e: { streamId: string }) => e.streamId === `delivery-${deliveryId}`);
    expect((await programme()).orders[0].dossier).toEqual({ deliveryRevision: ofDelivery.length - 1, documents: dossier.documents.map((d: { sha256: string }) => d.sha256) });
    expect(dossier.documents.map((d: { sha256: string }) => d.sha256)).toEqual([handoverBody(today()).deliverables[0].sha256]);
    await refused(() => c.post(provider.user, path(orderId, '/claim'), {}), 409, 'ALREADY_CLAIMED');
    await refused(() => c.post(enterprise.self, path(orderId, '/claim/approval'), { opinion: '同意' }), 403);
    okBody(await c.post(actors.city, path(orderId, '/claim/approval'), { opinion: '服务档案齐全，同意兑付' }));
    okBody(await c.post(actors.city, path(orderId, '/payment'), { reference: 'GZCZ-2026-0001' }));
    view = await programme();
    expect(view.orders[0]).toMatchObject({ status: 'PAID', approval: { opinion: '服务档案齐全，同意兑付' }, payment: { amountFen: 1_500_000, reference: 'GZCZ-2026-0001' } });
    const b = view.budget;
    expect(b).toMatchObject({ fundedFen: 30_000_000, paidFen: 1_500_000, reservedFen: 0, claimableFen: 0 });
    expect(b.unallocatedFen + b.quotaUnusedFen + b.reservedFen + b.claimableFen + b.paidFen).toBe(b.fundedFen);

    // The provider and the enterprise each read their own orders; another enterprise none.
    expect((await programme(provider.user)).orders.map((o: { orderId: string }) => o.orderId)).toEqual([orderId]);
    expect((await programme(enterprise.self)).orders).toHaveLength(1);
    const stranger = await granted(1403);
    expect((await programme(stranger.self)).orders).toEqual([]);

    // A claim found false: the payment is voided and the money goes back to the budget, not the quota.
    await refused(() => c.post(actors.city, path(orderId, '/payment/voiding'), {}), 400, 'FIELD_REQUIRED');
    okBody(await c.post(actors.city, path(orderId, '/payment/voiding'), { reason: '核查发现服务未实际提供' }));
    view = await programme();
    expect(view.orders[0]).toMatchObject({ status: 'VOIDED', voiding: { reason: '核查发现服务未实际提供' } });
    expect(view.budget).toMatchObject({ paidFen: 0, clawedBackFen: 1_500_000 });
    expect(view.budget.unallocatedFen + view.budget.quotaUnusedFen).toBe(view.budget.fundedFen);
  });

  it('a cancelled order gives its reservation back; a rejected claim gives the subsidy back to the quota', async () => {
    const holder = await granted(1404);
    const first = okBody(await order(provider, holder.id, await aDelivery(provider, holder.id))).orderId;
    okBody(await c.post(holder.self, path(first, '/confirmation'), {}));
    await refused(() => c.post(holder.self, path(first, '/cancellation'), {}), 400, 'FIELD_REQUIRED');
    okBody(await c.post(holder.self, path(first, '/cancellation'), { reason: '企业调整计划' }));
    const quota = (view: { holders: { enterpriseId: string }[]; orders: { enterpriseId: string; status: string; subsidyFen: number }[] }) =>
      2_000_000 - view.orders.filter((o) => o.enterpriseId === holder.id && ['CONFIRMED', 'CLAIMED', 'APPROVED', 'PAID'].includes(o.status)).reduce((s, o) => s + o.subsidyFen, 0);
    expect(quota(await programme())).toBe(2_000_000);

    const second = await aClaimedOrder(provider, holder);
    okBody(await c.post(actors.city, path(second, '/claim/rejection'), { reason: '服务成果与合同约定不符' }));
    const view = await programme();
    expect(view.orders.find((o: { orderId: string }) => o.orderId === second)).toMatchObject({ status: 'REJECTED', rejection: { reason: '服务成果与合同约定不符' } });
    expect(quota(view)).toBe(2_000_000);
    await refused(() => c.post(actors.city, path(second, '/payment'), { reference: 'X-1' }), 409, 'CLAIM_NOT_APPROVED');
  });

  it('refuses every control with its reason, writing nothing', async () => {
    const holder = await granted(1405);
    const deliveryId = await aDelivery(provider, holder.id);
    // Related: the provider and the enterprise are one organisation (the same USCC).
    const twin = await admit(1406);
    const twinCo = await granted(1406);
    await refused(() => order(twin, twinCo.id, deliveryId), 409, 'PARTIES_RELATED');
    // Related as recorded: the enterprise names the provider among its shareholders; or both have one legal representative.
    const heldBy = await granted(1413);
    await refused(() => c.post(heldBy.self, `/enterprises/${heldBy.id}/ties`, { legalRepresentative: '周敏', shareholders: [{ name: '服务机构', uscc: '91440101MA5CKJ8Q70' }] }), 400, 'USCC_INVALID');
    okBody(await c.post(heldBy.self, `/enterprises/${heldBy.id}/ties`, { legalRepresentative: '周敏', shareholders: [{ name: '服务机构', uscc: provider.user.orgId }] }));
    expect(okBody(await c.get(heldBy.self, `/enterprises/${heldBy.id}`)).ties).toMatchObject({ legalRepresentative: '周敏', shareholders: [{ uscc: provider.user.orgId }] });
    const toHeldBy = await aDelivery(provider, heldBy.id);
    const shared = await refused(() => order(provider, heldBy.id, toHeldBy), 409, 'PARTIES_RELATED');
    expect(shared.message.en).toContain('shareholder');
    const tiedUser = providerUser(1414);
    const { id: tiedId } = okBody(await c.post(tiedUser, '/providers/entry-applications', { ...entryApplication(1414), ties: { legalRepresentative: '吴刚', shareholders: [] } }));
    okBody(await c.post(actors.hub, `/providers/${tiedId}/entry-decision`, { admitted: true, opinion: '同意入库' }));
    const tied = { id: tiedId, user: tiedUser };
    const sameHead = await granted(1415);
    okBody(await c.post(sameHead.self, `/enterprises/${sameHead.id}/ties`, { legalRepresentative: '吴刚', shareholders: [] }));
    const toSameHead = await aDelivery(tied, sameHead.id);
    const head = await refused(() => order(tied, sameHead.id, toSameHead), 409, 'PARTIES_RELATED');
    expect(head.message.zh).toContain('同一法定代表人');
    // A service the programme does not pay for; a period over twelve months; a free service; another price.
    const [talent, tooLong, free] = [
      await aDelivery(provider, holder.id, { domain: 'TALENT' }),
      await aDelivery(provider, holder.id, { plannedEnd: dayOf(400) }),
      await aDelivery(provider, holder.id, { fee: { kind: 'FREE', amountFen: 0 } }),
    ];
    await refused(() => order(provider, holder.id, talent), 409, 'SERVICE_NOT_ELIGIBLE');
    await refused(() => order(provider, holder.id, tooLong), 409, 'SERVICE_PERIOD_TOO_LONG');
    await refused(() => order(provider, holder.id, free), 409, 'SERVICE_FREE');
    await refused(() => order(provider, holder.id, deliveryId, 6_000_000), 409, 'PRICE_DIFFERS');
    // Another provider cannot order for this provider's delivery, nor in its name.
    const other = await admit(1407);
    await refused(() => order(other, holder.id, deliveryId), 409, 'DELIVERY_NOT_PROVIDERS');
    await refused(() => c.post(other.user, `/voucher-programmes/${programmeId}/orders`, { enterpriseId: holder.id, providerId: provider.id, deliveryId, priceFen: 5_000_000 }), 403, 'NOT_OWNER');
    // An enterprise without the voucher.
    const without = await registerEnterprise(c, 1408);
    const toWithout = await aDelivery(provider, without.id);
    await refused(() => order(provider, without.id, toWithout), 409, 'VOUCHER_NOT_GRANTED');
    // A provider no longer in the 库.
    const leaving = await admit(1409);
    const leavingDelivery = await aDelivery(leaving, holder.id);
    okBody(await c.post(leaving.user, `/providers/${leaving.id}/withdrawal`, { reason: '业务调整' }));
    await refused(() => order(leaving, holder.id, leavingDelivery), 409, 'PROVIDER_NOT_IN_POOL');
    // The quota exceeded: ¥15,000 reserved of ¥20,000; the next ¥15,000 does not fit.
    const first = okBody(await order(provider, holder.id, deliveryId)).orderId;
    okBody(await c.post(holder.self, path(first, '/confirmation'), {}));
    const next = okBody(await order(provider, holder.id, await aDelivery(provider, holder.id))).orderId;
    await refused(() => c.post(holder.self, path(next, '/confirmation'), {}), 409, 'QUOTA_EXCEEDED');
    // One live order per delivery.
    await refused(() => order(provider, holder.id, deliveryId), 409, 'DELIVERY_ALREADY_ORDERED');
    // The programme's validity: a programme whose order window closed ten days ago.
    const past = okBody(
      await c.post(actors.city, '/voucher-programmes', {
        regionCode: '440100',
        ...voucherTermsBody({ applyFrom: dayOf(-40), applyUntil: dayOf(-30), validFrom: dayOf(-40), validUntil: dayOf(-10), settleBy: dayOf(60) }),
        occurredAt: daysAgo(35),
      }),
    ).id;
    okBody(await c.post(actors.city, `/voucher-programmes/${past}/grants`, { enterpriseId: holder.id, occurredAt: daysAgo(34) }));
    await refused(() => order(provider, holder.id, deliveryId, 5_000_000, past), 409, 'OUTSIDE_VALIDITY');
  });

  it('a programme may name catalogue products: a delivery following one is eligible whatever its domain', async () => {
    const productId = okBody(await c.post(provider.user, '/products', productBody(provider.id, { fee: { kind: 'MARKET', amount: 50_000 } }))).id;
    await refused(
      () => c.post(actors.city, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody({ domains: ['FINANCE'], products: ['a0000000-0000-4000-8000-00000000dead'] }) }),
      409,
      'PRODUCT_NOT_ON_SHOW',
    );
    const financeOnly = okBody(await c.post(actors.city, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody({ domains: ['FINANCE'], products: [productId] }) })).id;
    expect(okBody(await c.get(actors.city, `/voucher-programmes/${financeOnly}`)).terms.products).toEqual([productId]);
    const holder = await granted(1416, financeOnly);
    const following = await aDelivery(provider, holder.id, { productId });
    const plain = await aDelivery(provider, holder.id);
    await refused(() => order(provider, holder.id, plain, 5_000_000, financeOnly), 409, 'SERVICE_NOT_ELIGIBLE');
    okBody(await order(provider, holder.id, following, 5_000_000, financeOnly));
  });

  it('a hundred confirmations racing for one quota: exactly the affordable ones are accepted', async () => {
    const racer = await granted(1410);
    // ¥10,000 orders with ¥3,000 subsidy each: a ¥20,000 quota affords six.
    const orderIds: string[] = [];
    for (let n = 0; n < 100; n += 1) {
      const deliveryId = await aDelivery(provider, racer.id, { fee: { kind: 'MARKET', amountFen: 1_000_000 } });
      orderIds.push(okBody(await order(provider, racer.id, deliveryId, 1_000_000)).orderId);
    }
    const answers = await Promise.all(orderIds.map((id) => c.post(racer.self, path(id, '/confirmation'), {})));
    expect(answers.filter((a) => a.status < 300)).toHaveLength(6);
    expect(answers.filter((a) => a.status >= 300).map((a) => `${a.status} ${a.body.code}`)).toEqual(Array(94).fill('409 QUOTA_EXCEEDED'));
    const view = await programme();
    const mine = view.orders.filter((o: { enterpriseId: string }) => o.enterpriseId === racer.id);
    expect(mine.filter((o: { status: string }) => o.status === 'CONFIRMED')).toHaveLength(6);
    const b = view.budget;
    expect(b.unallocatedFen + b.quotaUnusedFen + b.reservedFen + b.claimableFen + b.paidFen).toBe(b.fundedFen);
  });

  it('reports: the dashboard, an enterprise’s statement and a provider’s settlement, as JSON, CSV and XLSX alike', async () => {
    const dashboard = okBody(await c.get(actors.city, `/voucher-programmes/${programmeId}/dashboard`));
    const view = await programme();
    expect(dashboard.committedFen).toBe(view.budget.reservedFen + view.budget.claimableFen + view.budget.paidFen);
    expect(dashboard.total.orders).toBe(view.orders.filter((o: { status: string }) => ['CONFIRMED', 'CLAIMED', 'APPROVED', 'PAID'].includes(o.status)).length);
    expect(dashboard.byProvider).toEqual([expect.objectContaining({ code: provider.id, orderValuePerYuan: expect.any(Number) })]);
    expect(dashboard.byDistrict.map((r: { code: string; name: string }) => [r.code, r.name])).toEqual([['440106', '天河区']]);

    const download = (path: string, actor: Actor = actors.city) => c.download(actor, path);
    const table = await tableInEveryFormat(download, `/voucher-programmes/${programmeId}/dashboard/table`, '服务券看板');
    expect(table.rows[0]).toMatchObject({ dimension: 'TOTAL', orders: dashboard.total.orders, committedFen: dashboard.total.committedFen });

    const statementPath = `/voucher-programmes/${programmeId}/statements/enterprises/${enterprise.id}`;
    const statement = await tableInEveryFormat((path) => download(path, enterprise.self), statementPath, '服务券对账单');
    expect(statement.rows.map((r: { movement: string }) => r.movement)).toEqual(['GRANTED', 'RESERVED', 'CLAIMED', 'PAID', 'VOIDED']);
    expect(statement.rows.at(-1)).toMatchObject({ availableFen: 500_000, paidFen: 0 });

    const settlementPath = `/voucher-programmes/${programmeId}/statements/providers/${provider.id}`;
    const settlement = await tableInEveryFormat((path) => download(path, provider.user), settlementPath, '服务券结算单');
    expect(settlement.rows.find((r: { status: string }) => r.status === 'VOIDED')).toMatchObject({ reference: 'GZCZ-2026-0001', clawedBackFen: 1_500_000 });

    // Each report to its party and to those who oversee the programme only.
    const other = await granted(1411);
    await refused(() => c.get(other.self, `/voucher-programmes/${programmeId}/statements/enterprises/${enterprise.id}`), 403, 'VOUCHER_REPORT_FORBIDDEN');
    await refused(() => c.get(providerUser(1499), `/voucher-programmes/${programmeId}/statements/providers/${provider.id}`), 403, 'VOUCHER_REPORT_FORBIDDEN');
    await refused(() => c.get(enterprise.self, `/voucher-programmes/${programmeId}/dashboard`), 403, 'VOUCHER_REPORT_FORBIDDEN');
    await refused(() => c.get(actors.city, `/voucher-programmes/${programmeId}/dashboard/table?format=pdf`), 400);
  });

  it('a voided claim is a ground for the provider’s removal from the 库 (弄虚作假), which bars its re-entry', async () => {
    const cheat = await admit(1417);
    const served = await granted(1418);
    const orderId = await aClaimedOrder(cheat, served);
    okBody(await c.post(actors.city, path(orderId, '/claim/approval'), { opinion: '同意兑付' }));
    okBody(await c.post(actors.city, path(orderId, '/payment'), { reference: 'GZCZ-2026-0099' }));
    okBody(await c.post(actors.city, path(orderId, '/payment/voiding'), { reason: '核查发现服务成果系伪造' }));
    const later = await aDelivery(cheat, served.id);
    const removal = {
      grounds: ['FALSIFIED_MATERIALS'],
      evidence: [{ description: `服务券订单${orderId}兑付追回：核查发现服务成果系伪造` }],
      opinion: '虚假申请服务券补贴，予以出库',
    };
    okBody(await c.post(actors.city, `/providers/${cheat.id}/removal`, removal));
    expect(okBody(await c.get(actors.city, `/providers/${cheat.id}`)).status).toBe('REMOVED');
    await refused(() => c.post(cheat.user, '/providers/entry-applications', entryApplication(1417)), 409, 'REENTRY_BARRED');
    await refused(() => order(cheat, served.id, later), 409, 'PROVIDER_NOT_IN_POOL');
  });

  it('closes a programme after its settlement date, by the issuer or by the ledger’s sweep: unused quota lapses to the budget', async () => {
    const past = (days: number) => voucherTermsBody({ applyFrom: dayOf(-days), applyUntil: dayOf(-days + 5), validFrom: dayOf(-days), validUntil: dayOf(-days + 10), settleBy: dayOf(-days + 20) });
    const publishPast = async () => okBody(await c.post(actors.city, '/voucher-programmes', { regionCode: '440100', ...past(40), occurredAt: daysAgo(40) })).id as string;
    const [byHand, bySweep] = [await publishPast(), await publishPast()];
    const holder = await registerEnterprise(c, 1419);
    for (const id of [byHand, bySweep]) okBody(await c.post(actors.city, `/voucher-programmes/${id}/grants`, { enterpriseId: holder.id, occurredAt: daysAgo(38) }));
    await refused(() => c.post(actors.city, `/voucher-programmes/${programmeId}/closure`, {}), 409, 'PROGRAMME_NOT_DUE_FOR_CLOSING');
    await refused(() => c.post(self(holder.uscc), `/voucher-programmes/${byHand}/closure`, {}), 403);
    okBody(await c.post(actors.city, `/voucher-programmes/${byHand}/closure`, {}));
    const closed = await c.get(actors.city, `/voucher-programmes/${byHand}`);
    expect(okBody(closed)).toMatchObject({ closure: { lapsedQuotas: [{ enterpriseId: holder.id, amountFen: 2_000_000 }] }, budget: { lapsedFen: 2_000_000, quotaUnusedFen: 0, unallocatedFen: 30_000_000 } });
    await refused(() => c.post(actors.city, `/voucher-programmes/${byHand}/closure`, {}), 409, 'PROGRAMME_CLOSED');
    const run = await app().app.get(VoucherClosing).run();
    expect(run.closed).toContain(bySweep);
    expect(run.closed).not.toContain(byHand);
    expect(okBody(await c.get(actors.city, `/voucher-programmes/${bySweep}`)).budget).toMatchObject({ lapsedFen: 2_000_000, quotaUnusedFen: 0 });
  });
});
