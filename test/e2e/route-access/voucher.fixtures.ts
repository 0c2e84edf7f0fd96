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

/** 服务券: the city publishes, amends and decides; the enterprise applies for itself. */
export const voucherFixtures: Fixtures = {
  'voucher.PublishVoucherProgramme': async () => ({ path: '/voucher-programmes', body: { regionCode: '440100', ...voucherTermsBody() }, actor: actors.city }),
  'voucher.AmendVoucherProgramme': async (w) => ({ path: `/voucher-programmes/${await programme(w)}/amendments`, body: { ...voucherTermsBody({ budgetFen: 40_000_000 }), reason: '追加预算' }, actor: actors.city }),
  'voucher.ApplyForVoucher': async (w) => {
    const enterprise = await w.enterprise();
    return { path: `/voucher-programmes/${await programme(w)}/applications`, body: { enterpriseId: enterprise.id }, actor: enterprise.self };
  },
  'voucher.ApproveVoucherApplication': async (w) => ({ path: `/voucher-programmes/${await programme(w)}/applications/${(await w.enterprise()).id}/approval`, body: {}, actor: actors.city }),
  'voucher.RefuseVoucherApplication': async (w) => ({ path: `/voucher-programmes/${await programme(w)}/applications/${(await w.enterprise()).id}/refusal`, body: { reason: '材料不实' }, actor: actors.city }),
  'voucher.GrantVoucherOnEligibility': async (w) => ({ path: `/voucher-programmes/${await programme(w)}/grants`, body: { enterpriseId: (await w.enterprise()).id }, actor: actors.city }),
};
