import type { Actor } from '@sme/domain';
import { okBody } from './refusals';
import { actors, client, uscc } from './station-lifecycle';

/** Fixtures of the 基础信息库 and 服务需求库 suite: enterprises of 天河区 and 海珠区 and a Guangzhou policy. */
export const TIANHE = '440106';
export const HAIZHU = '440105';

/** An enterprise acting for itself: its orgId is its USCC. */
export const self = (code: string, region = TIANHE): Actor => ({ id: `ent-${code}`, role: 'ENTERPRISE', orgId: code, regionCode: region });
export const admin: Actor = { id: 'admin-1', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440100' };
export const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();

/** 软件和信息技术服务业 under 工信部联企业〔2011〕300号: 45 persons / 1800 万元 小型, 5 / 30 微型, 150 / 5000 中型. */
export const FIGURES = {
  SMALL: { year: 2023, employees: 45, revenue: 1800, assets: 2600 },
  MICRO: { year: 2023, employees: 5, revenue: 30, assets: 40 },
  MEDIUM: { year: 2023, employees: 150, revenue: 5000, assets: 6000 },
};

export const policyBody = (overrides: Record<string, unknown> = {}) => ({
  level: 'MUNICIPAL',
  regionCode: '440100',
  title: '广州市支持专精特新中小企业发展若干措施',
  issuer: '广州市工业和信息化局',
  documentNumber: '穗工信规字〔2025〕3号',
  effectiveFrom: '2025-01-01',
  effectiveUntil: '2025-12-31',
  summary: '对天河区软件和信息技术服务业的专精特新中小微企业给予奖励',
  eligibility: { industries: ['SOFTWARE_IT'], sizeClasses: ['SMALL', 'MICRO'], tags: ['SPECIALISED'], tagsMode: 'ANY', regionCodes: [TIANHE] },
  occurredAt: '2024-12-20T10:00:00+08:00',
  ...overrides,
});

/** The body of POST /enterprises for the `seed`-th enterprise of a district (天河区 unless told). */
export function enterpriseBody(seed: number, opts: { region?: string; industry?: string; size?: keyof typeof FIGURES } = {}) {
  const region = opts.region ?? TIANHE;
  return {
    uscc: uscc(seed, region),
    name: `企业${seed}`,
    industryCode: opts.industry ?? 'SOFTWARE_IT',
    regionCode: region,
    foundedOn: '2015-04-20',
    figures: FIGURES[opts.size ?? 'SMALL'],
    occurredAt: '2024-03-01T10:00:00+08:00',
  };
}

/** Registered through POST /enterprises by the district's authority; optionally one SPECIALISED grant. */
export async function registerEnterprise(
  c: ReturnType<typeof client>,
  seed: number,
  opts: { region?: string; industry?: string; size?: keyof typeof FIGURES; tag?: [string, string] } = {},
): Promise<{ id: string; uscc: string }> {
  const registrar = (opts.region ?? TIANHE) === TIANHE ? actors.tianhe : actors.haizhu;
  const body = enterpriseBody(seed, opts);
  const { id } = okBody<{ id: string }>(await c.post(registrar, '/enterprises', body));
  if (opts.tag) {
    const [validFrom, validUntil] = opts.tag;
    okBody(await c.post(actors.city, `/enterprises/${id}/tags`, { tag: 'SPECIALISED', issuedBy: '广东省工业和信息化厅', validFrom, validUntil }));
  }
  return { id, uscc: body.uscc };
}
