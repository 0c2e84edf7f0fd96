import type { Fixtures } from './fixtures';
import { ADMINS } from './world';

/** 个人信息删除: one ADMIN asks to erase the provider's contact; another decides. */
export const erasureFixtures: Fixtures = {
  'erasure.RequestErasure': async (w) => ({ path: '/erasures', body: { kind: 'provider', id: (await w.provider()).id, reason: '本人申请删除' }, actor: ADMINS.asking }),
  'erasure.ApproveErasure': async (w) => ({ path: `/erasures/${await w.erasure()}/approval`, body: { opinion: '同意' }, actor: ADMINS.deciding }),
  'erasure.RefuseErasure': async (w) => ({ path: `/erasures/${await w.erasure()}/refusal`, body: { reason: '依法须保存' }, actor: ADMINS.deciding }),
};
