import { chinaDateOf, type Actor } from '@sme/domain';
import { registerEnterprise, self } from './support/policies-demands';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors, applicationUpTo, openCall, operator } from './support/station-lifecycle';

const shenzhenAuditor: Actor = { id: 'sz-auditor', role: 'AUDITOR', orgId: 'SZ-AUDIT', regionCode: '440300' };

/** 个人信息查阅记录: every read of an application's contacts, an expert's profile or an enterprise's ties is logged, and auditors of the region read the log. */
describe('personal data reads (个人信息查阅记录)', () => {
  const { app, c, refused } = useSpecApp();
  const today = () => chinaDateOf(new Date());
  const log = async (auditor: Actor = actors.auditor, query = '') => okBody(await c.get(auditor, `/audit/personal-data-reads?on=${today()}${query}`));

  it('logs who was shown which record’s personal data; the auditors of its region read it', async () => {
    const applicationId = await applicationUpTo(app(), await openCall(app()), 1, 'DRAFT');
    okBody(await c.get(operator(1), `/applications/${applicationId}`));
    const enterprise = await registerEnterprise(c, 1501);
    okBody(await c.get(self(enterprise.uscc), `/enterprises/${enterprise.id}`));
    expect((await log(actors.auditor, `&recordId=${enterprise.id}`)).items).toEqual([]); // no ties recorded yet: no personal data shown
    okBody(await c.post(self(enterprise.uscc), `/enterprises/${enterprise.id}/ties`, { legalRepresentative: '郑洁', shareholders: [] }));
    okBody(await c.get(actors.tianhe, `/enterprises/${enterprise.id}`));

    const reads = (await log()).items;
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reader: expect.objectContaining({ id: operator(1).id, role: 'STATION_OPERATOR' }), record: { kind: 'application', id: applicationId, regionCode: '440106' }, fields: expect.arrayContaining(['form.operator.contact']), asOf: 'now' }),
        expect.objectContaining({ reader: expect.objectContaining({ id: actors.tianhe.id }), record: { kind: 'enterprise', id: enterprise.id, regionCode: '440106' }, fields: ['ties'] }),
      ]),
    );
    expect((await log(actors.auditor, `&readerId=${actors.tianhe.id}`)).items.every((r: { reader: { id: string } }) => r.reader.id === actors.tianhe.id)).toBe(true);
    // Another city's auditor sees none of them; no one but an auditor reads the log.
    expect((await log(shenzhenAuditor)).items).toEqual([]);
    await refused(() => c.get(actors.city, `/audit/personal-data-reads?on=${today()}`), 403, 'ROLE_NOT_PERMITTED');
    await refused(() => c.get(actors.auditor, '/audit/personal-data-reads?on=2026-02-30'), 400, 'VALIDATION_FAILED');
  });
});
