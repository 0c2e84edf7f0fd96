import { actors } from '../support/station-lifecycle';
import { voucherTermsBody } from '../support/voucher-bodies';
import type { Fixtures } from './fixtures';
import type { World } from './world';

const ok = (res: { status: number; body: { id?: string } }) => {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
};

/** Guangzhou's programme of the year, published by the city authority. */
const programme = (w: World) => w.once('voucher-programme', async () => ok(await w.c.post(actors.city, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody() })));

/** An order of the world's provider for its delivery to the world's enterprise, granted the programme's voucher. */
const anOrder = (w: World) =>
  w.once('voucher-order', async () => {
    const [id, enterprise, provider, delivery] = [await programme(w), await w.enterprise(), await w.provider(), await w.delivery()];
    ok(await w.c.post(actors.city, `/voucher-programmes/${id}/grants`, { enterpriseId: enterprise.id }));
    const placed = await w.c.post(provider.user, `/voucher-programmes/${id}/orders`, { enterpriseId: enterprise.id, providerId: provider.id, deliveryId: delivery.id, priceFen: 150_000 });
    ok(placed);
    return { path: `/voucher-programmes/${id}/orders/${(placed.body as { orderId: string }).orderId}`, enterprise, provider };
  });

/** 服务券: the city publishes, amends and decides; the enterprise applies for itself and confirms its orders; the provider places and claims its own. */
export const voucherFixtures: Fixtures = {
  'voucher.PublishVoucherProgramme': async () => ({ path: '/voucher-programmes', body: { regionCode: '440100', ...voucherTermsBody() }, actor: actors.city }),
  'voucher.AmendVoucherProgramme': async (w) => ({ path: `/voucher-programmes/${await programme(w)}/amendments`, body: { ...voucherTermsBody({ budgetFen: 40_000_000 }), reason: '追加预算' }, actor: actors.city }),
  'voucher.ApplyForVoucher': async (w) => {
    const enterprise = await w.enterprise();
    return { path: `/voucher-programmes/${await programme(w)}/applications`, body: { enterpriseId: enterprise.id }, actor: enterprise.self };
  },
  'voucher.ApproveVoucherApplication': async (w) => ({ path: `/voucher-programmes/${await programme(w)}/applications/${(await w.enterprise()).id}/approval`, body: {}, actor: actors.city }),
  'voucher.RefuseVoucherApplication': async (w) => ({ path: `/voucher-programmes/${await programme(w)}/applications/${(await w.enterprise()).id}/refusal`, body: { reason: '材料不实' }, actor: actors.city }),
  'voucher.PlaceVoucherOrder': async (w) => {
    const [provider, enterprise, delivery] = [await w.provider(), await w.enterprise(), await w.delivery()];
    return { path: `/voucher-programmes/${await programme(w)}/orders`, body: { enterpriseId: enterprise.id, providerId: provider.id, deliveryId: delivery.id, priceFen: 150_000 }, actor: provider.user };
  },
  'voucher.ConfirmVoucherOrder': async (w) => {
    const o = await anOrder(w);
    return { path: `${o.path}/confirmation`, body: {}, actor: o.enterprise.self };
  },
  'voucher.CancelVoucherOrder': async (w) => {
    const o = await anOrder(w);
    return { path: `${o.path}/cancellation`, body: { reason: '改期' }, actor: o.provider.user };
  },
  'voucher.ClaimVoucherSubsidy': async (w) => {
    const o = await anOrder(w);
    return { path: `${o.path}/claim`, body: {}, actor: o.provider.user };
  },
  'voucher.ApproveVoucherClaim': async (w) => ({ path: `${(await anOrder(w)).path}/claim/approval`, body: { opinion: '同意' }, actor: actors.city }),
  'voucher.RejectVoucherClaim': async (w) => ({ path: `${(await anOrder(w)).path}/claim/rejection`, body: { reason: '不符' }, actor: actors.city }),
  'voucher.RecordVoucherPayment': async (w) => ({ path: `${(await anOrder(w)).path}/payment`, body: { reference: 'GZCZ-1' }, actor: actors.city }),
  'voucher.VoidVoucherPayment': async (w) => ({ path: `${(await anOrder(w)).path}/payment/voiding`, body: { reason: '虚假' }, actor: actors.city }),
  'voucher.CloseVoucherProgramme': async (w) => ({ path: `/voucher-programmes/${await programme(w)}/closure`, body: {}, actor: actors.city }),
  'voucher.GrantVoucherOnEligibility': async (w) => ({ path: `/voucher-programmes/${await programme(w)}/grants`, body: { enterpriseId: (await w.enterprise()).id }, actor: actors.city }),
};
