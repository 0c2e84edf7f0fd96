import { chinaDateOf, type Actor } from '@sme/domain';
import { registerEnterprise, self } from './support/policies-demands';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors } from './support/station-lifecycle';
import { voucherTermsBody } from './support/voucher-bodies';

const year = Number(chinaDateOf(new Date()).slice(0, 4));
const shenzhenCity: Actor = { id: 'sz-official', role: 'CITY_AUTHORITY', orgId: 'SZ-MIIT', regionCode: '440300' };

/**
 * 服务券 programmes over HTTP: the city publishes Guangzhou's; a 小微 enterprise applies and is granted its
 * quota; a 专精特新 one is granted on eligibility (免申即享); the budget's figures follow; every refusal
 * (window, eligibility, tier, budget, a cut below what is granted, the wrong authority or enterprise)
 * writes nothing.
 */
describe('voucher programmes (服务券)', () => {
  const { c, refused } = useSpecApp();
  let programmeId: string;
  let small: { id: string; uscc: string; self: Actor };
  let specialised: { id: string; uscc: string; self: Actor };
  let medium: { id: string; uscc: string; self: Actor };

  beforeAll(async () => {
    const register = async (seed: number, opts: Parameters<typeof registerEnterprise>[2] = {}) => {
      const e = await registerEnterprise(c, seed, opts);
      return { ...e, self: self(e.uscc) };
    };
    small = await register(1301);
    specialised = await register(1302, { size: 'MEDIUM', tag: [`${year - 1}-07-01`, `${year + 2}-06-30`] });
    medium = await register(1303, { size: 'MEDIUM' });
  });

  it('the city authority publishes a programme for its own city; its budget is all unallocated', async () => {
    await refused(() => c.post(shenzhenCity, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody() }), 403, 'REGION_NOT_PERMITTED');
    await refused(() => c.post(actors.hub, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody() }), 403);
    await refused(() => c.post(actors.city, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody({ rule: { ...voucherTermsBody().rule, sharePercent: 150 } }) }), 400);
    await refused(() => c.post(actors.city, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody({ settleBy: `${year}-06-01` }) }), 400, 'DATES_OUT_OF_ORDER');
    programmeId = okBody(await c.post(actors.city, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody({ budgetFen: 12_000_000 }) })).id;
    const programme = okBody(await c.get(actors.city, `/voucher-programmes/${programmeId}`));
    expect(programme).toMatchObject({ issuer: { role: 'CITY_AUTHORITY', regionCode: '440100' }, version: 1, budget: { fundedFen: 12_000_000, grantedFen: 0, unallocatedFen: 12_000_000 }, holders: [] });
  });

  it('a 小微 enterprise applies for itself and the city grants its tier’s quota', async () => {
    await refused(() => c.post(medium.self, `/voucher-programmes/${programmeId}/applications`, { enterpriseId: small.id }), 403, 'NOT_OWNER');
    okBody(await c.post(small.self, `/voucher-programmes/${programmeId}/applications`, { enterpriseId: small.id }));
    await refused(() => c.post(small.self, `/voucher-programmes/${programmeId}/applications`, { enterpriseId: small.id }), 409, 'ALREADY_APPLIED');
    await refused(() => c.post(medium.self, `/voucher-programmes/${programmeId}/applications`, { enterpriseId: medium.id }), 409, 'NO_QUOTA_FOR_TIER');
    await refused(() => c.post(shenzhenCity, `/voucher-programmes/${programmeId}/applications/${small.id}/approval`, {}), 403, 'REGION_NOT_PERMITTED');
    okBody(await c.post(actors.city, `/voucher-programmes/${programmeId}/applications/${small.id}/approval`, {}));
    const programme = okBody(await c.get(actors.city, `/voucher-programmes/${programmeId}`));
    expect(programme.budget).toMatchObject({ fundedFen: 12_000_000, grantedFen: 2_000_000, unallocatedFen: 10_000_000 });
    expect(programme.holders).toEqual([expect.objectContaining({ enterpriseId: small.id, tier: 'SMALL_MICRO', status: 'GRANTED', grant: expect.objectContaining({ quotaFen: 2_000_000, way: 'APPLIED' }) })]);
  });

  it('免申即享: a 专精特新 enterprise is granted on eligibility; what the budget cannot cover is refused', async () => {
    okBody(await c.post(actors.city, `/voucher-programmes/${programmeId}/grants`, { enterpriseId: specialised.id }));
    // ¥100,000 granted of ¥100,000 left: nothing remains for the next.
    const after = okBody(await c.get(actors.city, `/voucher-programmes/${programmeId}`));
    expect(after.budget).toMatchObject({ fundedFen: 12_000_000, grantedFen: 12_000_000, unallocatedFen: 0 });
    const another = await registerEnterprise(c, 1304);
    await refused(() => c.post(actors.city, `/voucher-programmes/${programmeId}/grants`, { enterpriseId: another.id }), 409, 'BUDGET_EXCEEDED');
    await refused(
      () => c.post(actors.city, `/voucher-programmes/${programmeId}/amendments`, { ...voucherTermsBody({ budgetFen: 10_000_000 }), reason: '压减预算' }),
      409,
      'BUDGET_COMMITTED',
    );
    okBody(await c.post(actors.city, `/voucher-programmes/${programmeId}/amendments`, { ...voucherTermsBody({ budgetFen: 14_000_000 }), reason: '追加预算' }));
    okBody(await c.post(actors.city, `/voucher-programmes/${programmeId}/grants`, { enterpriseId: another.id }));
    const amended = okBody(await c.get(actors.city, `/voucher-programmes/${programmeId}`));
    expect(amended).toMatchObject({ version: 2, amendments: [{ version: 2, reason: '追加预算', budgetFen: 14_000_000 }], budget: { fundedFen: 14_000_000, grantedFen: 14_000_000, unallocatedFen: 0 } });
  });

  it('refuses an application outside the window and an enterprise the programme does not cover', async () => {
    const next = okBody(
      await c.post(actors.city, '/voucher-programmes', {
        regionCode: '440100',
        ...voucherTermsBody({ applyFrom: `${year + 1}-01-01`, applyUntil: `${year + 1}-06-30`, validFrom: `${year + 1}-01-01`, validUntil: `${year + 1}-12-31`, settleBy: `${year + 2}-03-31` }),
      }),
    ).id;
    await refused(() => c.post(medium.self, `/voucher-programmes/${next}/applications`, { enterpriseId: medium.id }), 409, 'APPLICATION_WINDOW_CLOSED');
    const haizhuOnly = okBody(await c.post(actors.city, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody({ eligibility: { regionCodes: ['440105'] } }) })).id;
    await refused(() => c.post(medium.self, `/voucher-programmes/${haizhuOnly}/applications`, { enterpriseId: medium.id }), 409, 'NOT_ELIGIBLE');
  });

  it('grants racing for the last of a budget: exactly those it can cover are written', async () => {
    const tight = okBody(await c.post(actors.city, '/voucher-programmes', { regionCode: '440100', ...voucherTermsBody({ budgetFen: 6_500_000 }) })).id;
    const racers = [];
    for (let n = 0; n < 8; n += 1) racers.push(await registerEnterprise(c, 1310 + n));
    const answers = await Promise.all(racers.map((e) => c.post(actors.city, `/voucher-programmes/${tight}/grants`, { enterpriseId: e.id })));
    expect(answers.filter((a) => a.status < 300)).toHaveLength(3); // ¥65,000 holds three ¥20,000 quotas
    expect(answers.filter((a) => a.status >= 300).every((a) => a.status === 409)).toBe(true);
    const programme = okBody(await c.get(actors.city, `/voucher-programmes/${tight}`));
    expect(programme.budget).toMatchObject({ fundedFen: 6_500_000, grantedFen: 6_000_000, unallocatedFen: 500_000 });
    expect(programme.holders).toHaveLength(3);
  });

  it('an enterprise reads the terms and its own standing only; the city lists its programmes', async () => {
    const seen = okBody(await c.get(small.self, `/voucher-programmes/${programmeId}`));
    expect(seen.holders.map((h: { enterpriseId: string }) => h.enterpriseId)).toEqual([small.id]);
    expect(seen.terms).toMatchObject({ budgetFen: 14_000_000 });
    const now = okBody(await c.get(actors.auditor, `/voucher-programmes/${programmeId}`));
    const before = okBody(await c.get(actors.auditor, `/voucher-programmes/${programmeId}?asOf=${encodeURIComponent(now.amendments[0].amendedAt)}`));
    expect([before.version, now.version]).toEqual([2, 2]);
    const first = okBody(await c.get(actors.auditor, `/voucher-programmes/${programmeId}?asOf=${encodeURIComponent(now.publishedAt)}`));
    expect(first).toMatchObject({ version: 1, holders: [] });
    await refused(() => c.get(actors.city, `/voucher-programmes/${programmeId}?asOf=${encodeURIComponent(now.publishedAt)}`), 403, 'AS_OF_AUDITOR_ONLY');
    const listed = okBody(await c.get(actors.city, '/voucher-programmes'));
    expect(listed.items.map((p: { id: string }) => p.id)).toContain(programmeId);
    await refused(() => c.get(shenzhenCity, `/voucher-programmes/${programmeId}`), 403, 'VOUCHER_PROGRAMME_READ_FORBIDDEN');
    await refused(() => c.get(shenzhenCity, '/voucher-programmes?cityCode=440100'), 403, 'REGION_NOT_PERMITTED');
  });
});
