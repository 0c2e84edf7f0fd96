import { actors, uscc } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';
import type { World } from './world';

const ok = <T = { id: string }>(res: { status: number; body: unknown }): T => {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
};

const registration = (code: string) => ({
  uscc: code,
  name: `路由测试企业${code.slice(-6)}有限公司`,
  industryCode: 'SOFTWARE_IT',
  regionCode: '440106',
  foundedOn: '2015-04-20',
  figures: { year: 2023, employees: 45, revenue: 1800, assets: 2600 },
});

/** An enterprise of 天河区, registered by its district authority, holding a SPECIALISED tag. */
const enterprise = (w: World): Promise<string> =>
  w.once('tagged-enterprise', async () => {
    const id = ok(await w.c.post(actors.tianhe, '/enterprises', { ...registration(uscc(880_001)), occurredAt: '2024-03-01T10:00:00+08:00' })).id;
    ok(await w.c.post(actors.tianhe, `/enterprises/${id}/tags`, { tag: 'SPECIALISED', issuedBy: '广东省工业和信息化厅', validFrom: '2023-01-01', validUntil: '2099-12-31' }));
    return id;
  });

/** 中小企业数据库: registration, figures, profile and tags, each by the district authority of 天河区. */
export const enterpriseFixtures: Fixtures = {
  'enterprise.RegisterEnterprise': async () => ({ path: '/enterprises', body: registration(uscc(880_002)), actor: actors.tianhe }),
  'enterprise.ReportEnterpriseFigures': async (w) => ({
    path: `/enterprises/${await enterprise(w)}/figures`,
    body: { year: 2024, employees: 120, revenue: 3200, assets: 4000 },
    actor: actors.tianhe,
  }),
  'enterprise.UpdateEnterpriseProfile': async (w) => ({ path: `/enterprises/${await enterprise(w)}/profile`, body: { name: '路由测试新名称有限公司' }, actor: actors.tianhe }),
  'enterprise.GrantEnterpriseTag': async (w) => ({
    path: `/enterprises/${await enterprise(w)}/tags`,
    body: { tag: 'HIGH_TECH', issuedBy: '广东省高新技术企业认定管理工作领导小组', validFrom: '2024-01-01', validUntil: '2026-12-31' },
    actor: actors.tianhe,
  }),
  'enterprise.RecordEnterpriseTies': async (w) => ({ path: `/enterprises/${await enterprise(w)}/ties`, body: { legalRepresentative: '张伟', shareholders: [] }, actor: actors.tianhe }),
  'enterprise.RevokeEnterpriseTag': async (w) => ({
    path: `/enterprises/${await enterprise(w)}/tags/SPECIALISED/revocation`,
    body: { reason: '发现申报材料弄虚作假' },
    actor: actors.tianhe,
  }),
};
