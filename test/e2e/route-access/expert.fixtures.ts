import { actors } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';
import type { World } from './world';

const ok = <T = { id: string }>(res: { status: number; body: unknown }): T => {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
};

const profile = (expertId: string) => ({
  expertId,
  name: '路由测试专家',
  specialties: [{ domain: 'IP', detail: '专利布局' }],
  organisation: { id: '12440000455858371B', name: '广东某大学' },
  regionCode: '440106',
  title: '教授',
});

/** An expert of Guangzhou, registered by the hub, admitted and suspended by the city. */
const expert = (w: World): Promise<string> =>
  w.once('expert', async () => {
    const id = ok(await w.c.post(actors.hub, '/experts', { ...profile('route-expert-1'), occurredAt: '2019-05-06T10:00:00+08:00' })).id;
    ok(await w.c.post(actors.city, `/experts/${id}/admission`, { opinion: '同意入库', occurredAt: '2019-05-10T10:00:00+08:00' }));
    ok(await w.c.post(actors.city, `/experts/${id}/suspension`, { reason: '接受调查', occurredAt: '2019-06-10T10:00:00+08:00' }));
    return id;
  });

/** 服务专家库: the hub registers, the city admits, suspends, reinstates, removes and updates. */
export const expertFixtures: Fixtures = {
  'expert.RegisterExpert': async () => ({ path: '/experts', body: profile('route-expert-2'), actor: actors.hub }),
  'expert.AdmitExpert': async (w) => ({ path: `/experts/${await expert(w)}/admission`, body: { opinion: '同意入库' }, actor: actors.city }),
  'expert.SuspendExpert': async (w) => ({ path: `/experts/${await expert(w)}/suspension`, body: { reason: '评审中未申明利益关系' }, actor: actors.city }),
  'expert.ReinstateExpert': async (w) => ({ path: `/experts/${await expert(w)}/reinstatement`, body: { opinion: '调查结束' }, actor: actors.city }),
  'expert.RemoveExpert': async (w) => ({ path: `/experts/${await expert(w)}/removal`, body: { reason: '本人申请' }, actor: actors.city }),
  'expert.UpdateExpertProfile': async (w) => ({ path: `/experts/${await expert(w)}/profile`, body: { title: '研究员' }, actor: actors.city }),
};
