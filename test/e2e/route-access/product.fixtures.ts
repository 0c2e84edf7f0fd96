import type { Fixtures } from './fixtures';
import { caseBody, productBody } from '../support/library-bodies';

/** 服务产品和案例库: the provider publishes, revises and retires its own products and cases. */
export const productFixtures: Fixtures = {
  'product.PublishProduct': async (w) => {
    const provider = await w.provider();
    return { path: '/products', body: productBody(provider.id), actor: provider.user };
  },
  'product.ReviseProduct': async (w) => ({ path: `/products/${await w.product()}/revisions`, body: { changes: { timeLimit: { workingDays: 5 } } }, actor: (await w.provider()).user }),
  'product.RetireProduct': async (w) => ({ path: `/products/${await w.product()}/retirement`, body: { reason: '不再提供' }, actor: (await w.provider()).user }),
  'case.PublishCase': async (w) => {
    const provider = await w.provider();
    return { path: '/cases', body: caseBody(provider.id), actor: provider.user };
  },
  'case.RetireCase': async (w) => ({ path: `/cases/${await w.serviceCase()}/retirement`, body: { reason: '企业要求撤下' }, actor: (await w.provider()).user }),
};
