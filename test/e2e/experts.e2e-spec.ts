import { expertKind, type Actor } from '@sme/domain';
import { actors, applicationUpTo, ensurePanelExperts, openCall, uscc } from './support/station-lifecycle';
import { useSpecApp } from './support/spec-app';
import { okBody } from './support/refusals';

const UNIVERSITY = '12440000455858371B';
const FIRM = '91440106MA59C3PL24';
const shenzhenHub: Actor = { id: 'sz-hub-1', role: 'HUB', orgId: 'SZ-HUB', regionCode: '440300' };
const shenzhenCity: Actor = { id: 'sz-city-1', role: 'CITY_AUTHORITY', orgId: 'SZ-MIIT', regionCode: '440300' };
const selfExpert: Actor = { id: 'self-expert-1', role: 'EXPERT', orgId: FIRM, regionCode: '440105' };
const operatorUser: Actor = { id: 'op-x', role: 'STATION_OPERATOR', orgId: 'OP-X', regionCode: '440106' };
const guangdongAuditor: Actor = { id: 'gd-auditor-1', role: 'AUDITOR', orgId: 'GD-AUDIT', regionCode: '440000' };
const shenzhenAuditor: Actor = { id: 'sz-auditor-1', role: 'AUDITOR', orgId: 'SZ-AUDIT', regionCode: '440300' };

const profile = (overrides: Record<string, unknown> = {}) => ({
  name: '王志明',
  specialties: [{ domain: 'IP', detail: '专利布局' }, { domain: 'LEGAL' }],
  organisation: { id: UNIVERSITY, name: '广东某大学' },
  regionCode: '440106',
  title: '教授、专利代理师',
  occurredAt: '2019-05-06T10:00:00+08:00',
  ...overrides,
});

/** 服务专家库 over HTTP: the registry's acts, who may do them where, its list, and the panel that now relies on it. */
describe('Experts (服务专家库)', () => {
  const { app, c, refused } = useSpecApp();
  let callId: string;

  beforeAll(async () => {
    callId = await openCall(app());
    await ensurePanelExperts(app());
  });

  const ok = okBody;

  describe('registration', () => {
    it('the hub registers an expert of its city under the id it gives; every event carries actor, time and reason', async () => {
      const res = ok(await c.post(actors.hub, '/experts', { ...profile(), expertId: 'gz-expert-a', reason: '区科技局推荐' }));
      expect(res).toMatchObject({ id: 'gz-expert-a', streamId: 'expert-gz-expert-a', revision: 0, events: [{ type: 'ExpertRegistered' }] });

      const expert = ok(await c.get(actors.hub, '/experts/gz-expert-a'));
      expect(expert).toMatchObject({
        id: 'gz-expert-a',
        status: 'REGISTERED',
        organisation: { id: UNIVERSITY, name: '广东某大学' },
        regionCode: '440106',
        cityCode: '440100',
        registeredBy: 'HUB',
        availableForPanel: false,
      });

      const events = ok(await c.get(actors.auditor, '/streams/expert-gz-expert-a/events')).events;
      expect(events[0]).toMatchObject({
        type: 'ExpertRegistered',
        metadata: { actor: { id: actors.hub.id, role: 'HUB' }, occurredAt: '2019-05-06T02:00:00.000Z', reason: '区科技局推荐' },
      });
    });

    it('the hub may leave the id to be generated', async () => {
      const res = ok(await c.post(actors.hub, '/experts', profile({ name: '赵某某', regionCode: '440104', organisation: { id: 'GZ-ASSOC-7', name: '某行业协会' } })));
      expect(res.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(ok(await c.get(actors.auditor, `/experts/${res.id}`)).name).toBe('赵某某');
    });

    it('an expert registers themself: the id is their user id', async () => {
      const res = ok(await c.post(selfExpert, '/experts', profile({ name: '李芳', organisation: { id: FIRM, name: '某知识产权代理公司' }, regionCode: '440105' })));
      expect(res.id).toBe(selfExpert.id);
      expect(ok(await c.get(selfExpert, `/experts/${selfExpert.id}`))).toMatchObject({ registeredBy: 'SELF', status: 'REGISTERED' });
    });

    it('403: an expert registering someone else, a hub of another city, a role that may not register', async () => {
      await refused(() => c.post(selfExpert, '/experts', { ...profile(), expertId: 'someone-else' }), 403, 'NOT_SELF');
      await refused(() => c.post(shenzhenHub, '/experts', { ...profile(), expertId: 'gz-expert-z' }), 403, 'REGION_NOT_PERMITTED');
      await refused(() => c.post(actors.city, '/experts', { ...profile(), expertId: 'gz-expert-z' }), 403, 'ROLE_NOT_PERMITTED');
    });

    it('409: the same expert twice', async () => {
      await refused(() => c.post(actors.hub, '/experts', { ...profile(), expertId: 'gz-expert-a' }), 409, 'EXPERT_ALREADY_EXISTS');
    });

    it('400 names each bad field, nothing written', async () => {
      const body = await refused(
        () =>
          c.post(actors.hub, '/experts', {
            ...profile({ specialties: [{ domain: 'ASTROLOGY' }], regionCode: '4401', organisation: { name: '无代码单位' } }),
            expertId: 'has space',
          }),
        400,
        'VALIDATION_FAILED',
      );
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['expertId', 'specialties.0.domain', 'regionCode', 'organisation.id']),
      );
      await refused(() => c.post(actors.hub, '/experts', { ...profile(), expertId: 'gz-expert-y', specialties: [] }), 400, 'VALIDATION_FAILED');
      const badUscc = await refused(
        () => c.post(actors.hub, '/experts', { ...profile({ organisation: { id: `${UNIVERSITY.slice(0, 17)}0`, name: '错码单位' } }), expertId: 'gz-expert-y' }),
        400,
        'USCC_INVALID',
      );
      expect(badUscc.errors[0].field).toBe('organisation.id');
      await refused(() => c.post(actors.hub, '/experts/x/admission', { opinion: '同意', extra: 1 }), 400, 'VALIDATION_FAILED');
    });
  });

  describe('admission, suspension, reinstatement, removal', () => {
    it('the city admits; the expert becomes available', async () => {
      ok(await c.post(actors.city, '/experts/gz-expert-a/admission', { opinion: '资格审核通过，同意入库', occurredAt: '2019-05-10T10:00:00+08:00' }));
      expect(ok(await c.get(actors.city, '/experts/gz-expert-a'))).toMatchObject({ status: 'ADMITTED', admissionOpinion: '资格审核通过，同意入库', availableForPanel: true });
      await refused(() => c.post(actors.hub, '/experts/gz-expert-a/admission', { opinion: '再次同意' }), 409, 'EXPERT_ALREADY_ADMITTED');
    });

    it('403: the expert themself, or another city’s steward, may not admit, suspend or remove', async () => {
      await refused(() => c.post(selfExpert, `/experts/${selfExpert.id}/admission`, { opinion: '我同意' }), 403, 'ROLE_NOT_PERMITTED');
      await refused(() => c.post(shenzhenCity, '/experts/gz-expert-a/suspension', { reason: '跨市' }), 403, 'REGION_NOT_PERMITTED');
      await refused(() => c.post(shenzhenHub, '/experts/gz-expert-a/removal', { reason: '跨市' }), 403, 'REGION_NOT_PERMITTED');
    });

    it('400 without a reason for a suspension; 404 for an expert not registered; 400 for an id that cannot be one', async () => {
      const body = await refused(() => c.post(actors.hub, '/experts/gz-expert-a/suspension', { occurredAt: '2019-06-01T10:00:00+08:00' }), 400, 'FIELD_REQUIRED');
      expect(body.errors[0].field).toBe('reason');
      const past = await refused(() => c.post(actors.hub, '/experts/gz-expert-a/suspension', { reason: '违规', until: '2019-01-01', occurredAt: '2019-06-01T10:00:00+08:00' }), 400, 'SUSPENSION_END_IN_PAST');
      expect(past.errors[0].field).toBe('until');
      await refused(() => c.post(actors.hub, '/experts/nobody-here/suspension', { reason: '违规' }), 404, 'EXPERT_NOT_FOUND');
      expect((await c.get(actors.hub, `/experts/${'x'.repeat(129)}`)).body.code).toBe('ID_INVALID');
    });

    it('suspends with a reason until a date, reinstates, and removes: each an event with actor, time and reason', async () => {
      ok(await c.post(actors.hub, '/experts/gz-expert-a/suspension', { reason: '评审中未申明利益关系', until: '2019-12-31', occurredAt: '2019-06-01T10:00:00+08:00' }));
      await refused(() => c.post(actors.hub, '/experts/gz-expert-a/suspension', { reason: '再次', occurredAt: '2019-06-02T10:00:00+08:00' }), 409, 'EXPERT_ALREADY_SUSPENDED');
      ok(await c.post(actors.city, '/experts/gz-expert-a/reinstatement', { opinion: '已说明情况，恢复', occurredAt: '2019-06-05T10:00:00+08:00' }));
      await refused(() => c.post(actors.city, '/experts/gz-expert-a/reinstatement', { opinion: '恢复', occurredAt: '2019-06-06T10:00:00+08:00' }), 409, 'EXPERT_NOT_SUSPENDED');

      const expert = ok(await c.get(actors.auditor, '/experts/gz-expert-a'));
      expect(expert.suspension).toBeNull();
      expect(expert.suspensions).toEqual([
        expect.objectContaining({ reason: '评审中未申明利益关系', until: '2019-12-31', reinstatedAt: '2019-06-05T02:00:00.000Z', reinstatementOpinion: '已说明情况，恢复' }),
      ]);
      expect(expert.history.map((h: { event: string }) => h.event)).toEqual(['ExpertRegistered', 'ExpertAdmitted', 'ExpertSuspended', 'ExpertReinstated']);
      expect(expert.history[2]).toMatchObject({ by: actors.hub.id, byRole: 'HUB', at: '2019-06-01T02:00:00.000Z', reason: '评审中未申明利益关系' });
    });

    it('the expert or the hub updates the profile; a change of organisation is its own event', async () => {
      ok(await c.post(selfExpert, `/experts/${selfExpert.id}/profile`, { title: '高级知识产权师', organisation: { id: UNIVERSITY, name: '广东某大学' }, occurredAt: '2019-05-20T10:00:00+08:00' }));
      const events = ok(await c.get(actors.auditor, `/streams/${expertKind.streamId(selfExpert.id)}/events`)).events;
      expect(events.map((e: { type: string }) => e.type)).toEqual(['ExpertRegistered', 'ExpertProfileUpdated', 'ExpertOrganisationChanged']);
      const other: Actor = { ...selfExpert, id: 'another-expert' };
      await refused(() => c.post(other, `/experts/${selfExpert.id}/profile`, { title: '冒名' }), 403, 'NOT_SELF');
      await refused(() => c.post(selfExpert, `/experts/${selfExpert.id}/profile`, { title: '高级知识产权师' }), 400, 'EXPERT_PROFILE_UNCHANGED');
    });
  });

  describe('reading the registry', () => {
    it('an expert reads only their own record; hub and authorities their region', async () => {
      expect((await c.get(selfExpert, '/experts/gz-expert-a')).status).toBe(403);
      const own = ok(await c.get(selfExpert, '/experts?limit=200'));
      expect(own.items.map((e: { id: string }) => e.id)).toEqual([selfExpert.id]);

      const haizhu = ok(await c.get(actors.haizhu, '/experts'));
      expect(haizhu.items.map((e: { id: string }) => e.id)).toEqual([selfExpert.id]);
      expect((await c.get(actors.haizhu, '/experts/gz-expert-a')).status).toBe(403);
      expect((await c.get(actors.haizhu, '/experts?regionCode=440106')).status).toBe(403);

      expect(ok(await c.get(shenzhenHub, '/experts')).total).toBe(0);
      expect((await c.get(shenzhenHub, '/experts/gz-expert-a')).status).toBe(403);
      expect((await c.get(operatorUser, '/experts')).status).toBe(403);

      const all = ok(await c.get(actors.auditor, '/experts?limit=200'));
      expect(all.total).toBe(ok(await c.get(actors.hub, '/experts?limit=200')).total);
    });

    it('an auditor reads the experts of their region: a province’s its province, a city’s its city', async () => {
      const guangzhou = ok(await c.get(actors.hub, '/experts?limit=200')).total;
      expect(guangzhou).toBeGreaterThan(0);
      expect(ok(await c.get(guangdongAuditor, '/experts?limit=200')).total).toBe(guangzhou);
      expect(ok(await c.get(actors.auditor, '/experts/gz-expert-a')).id).toBe('gz-expert-a');
      expect(ok(await c.get(guangdongAuditor, '/experts/gz-expert-a')).id).toBe('gz-expert-a');

      expect(ok(await c.get(shenzhenAuditor, '/experts?limit=200')).total).toBe(0);
      await refused(() => c.get(shenzhenAuditor, '/experts/gz-expert-a'), 403, 'EXPERT_READ_FORBIDDEN');
      await refused(() => c.get(shenzhenAuditor, '/experts?cityCode=440100'), 403, 'REGION_NOT_PERMITTED');
      await refused(() => c.get(actors.auditor, '/experts?cityCode=440300'), 403, 'REGION_NOT_PERMITTED');
    });
  });

  describe('the panel takes only registered, admitted, unsuspended experts without a conflict of interest', () => {
    let applicationId: string;
    const panel = (ids: string[], extra: object = {}) =>
      c.post(actors.hub, `/applications/${applicationId}/expert-panel`, { experts: ids.map((expertId) => ({ expertId, ...extra })), occurredAt: '2019-07-01T10:00:00+08:00' });

    beforeAll(async () => {
      applicationId = await applicationUpTo(app(), callId, 41, 'DISTRICT_PASSED');
      // Suspended from June with no end; an insider whose registry organisation is the applicant's.
      ok(await c.post(actors.hub, '/experts', { ...profile({ name: '停用专家' }), expertId: 'gz-suspended' }));
      ok(await c.post(actors.city, '/experts/gz-suspended/admission', { opinion: '同意入库', occurredAt: '2019-05-10T10:00:00+08:00' }));
      ok(await c.post(actors.city, '/experts/gz-suspended/suspension', { reason: '连续三次无故缺席评审', occurredAt: '2019-06-10T10:00:00+08:00' }));
      ok(await c.post(actors.hub, '/experts', { ...profile({ name: '内部专家', organisation: { id: uscc(41), name: '测试园区运营公司41' } }), expertId: 'gz-insider' }));
      ok(await c.post(actors.city, '/experts/gz-insider/admission', { opinion: '同意入库', occurredAt: '2019-05-10T10:00:00+08:00' }));
    });

    it('409 EXPERT_NOT_AVAILABLE for a suspended expert, naming them; nothing written', async () => {
      const body = await refused(() => panel(['expert-1', 'expert-2', 'gz-suspended']), 409, 'EXPERT_NOT_AVAILABLE');
      expect(body.message.zh).toContain('停用专家');
      expect(body.errors[0].field).toBe('experts.2.expertId');
    });

    it('409 EXPERT_NOT_AVAILABLE for an expert registered but not admitted', async () => {
      await refused(() => panel(['expert-1', 'expert-2', selfExpert.id]), 409, 'EXPERT_NOT_AVAILABLE');
    });

    it('409 EXPERT_NOT_REGISTERED for an expert not in the registry', async () => {
      const body = await refused(() => panel(['expert-1', 'expert-2', 'ghost-expert']), 409, 'EXPERT_NOT_REGISTERED');
      expect(body.message.en).toContain('ghost-expert');
    });

    it('409 EXPERT_CONFLICT_OF_INTEREST on the registry’s organisation, whatever the request says of it', async () => {
      await refused(() => panel(['expert-1', 'expert-2', 'gz-insider'], { organisation: 'SOMEWHERE-ELSE' }), 409, 'EXPERT_CONFLICT_OF_INTEREST');
    });

    it('400 for a panel too small or an expert listed twice, nothing written', async () => {
      await refused(() => panel(['expert-1', 'expert-2']), 400, 'EXPERT_PANEL_TOO_SMALL');
      await refused(() => panel(['expert-1', 'expert-2', 'expert-1']), 400, 'DUPLICATE_EXPERT');
      await refused(() => panel(['expert-1', 'expert-2', '']), 400, 'VALIDATION_FAILED');
    });

    it('forms a panel of three admitted experts, recording the registry’s names and organisations', async () => {
      ok(await panel(['expert-1', 'expert-2', 'gz-expert-a'], { name: '请求里的名字' }));
      const application = ok(await c.get(actors.auditor, `/applications/${applicationId}`));
      expect(application.panel.map(({ expertId, name, organisation }: { expertId: string; name: string; organisation: string }) => ({ expertId, name, organisation }))).toEqual([
        { expertId: 'expert-1', name: '专家1', organisation: 'EXPERT-ORG-1' },
        { expertId: 'expert-2', name: '专家2', organisation: 'EXPERT-ORG-2' },
        { expertId: 'gz-expert-a', name: '王志明', organisation: UNIVERSITY },
      ]);
    });
  });

  describe('the list', () => {
    it('filters by status, region, city, specialty, organisation and name, with totals', async () => {
      const ids = async (query: string) => ok(await c.get(guangdongAuditor, `/experts?limit=200&${query}`)).items.map((e: { id: string }) => e.id).sort();
      expect(await ids('status=SUSPENDED')).toEqual(['gz-suspended']);
      expect(await ids('status=ADMITTED')).toEqual(['expert-1', 'expert-2', 'expert-3', 'gz-expert-a', 'gz-insider']);
      expect(await ids('status=REGISTERED')).toEqual(expect.arrayContaining([selfExpert.id]));
      expect(await ids('regionCode=440105')).toEqual([selfExpert.id]);
      expect(await ids('cityCode=440300')).toEqual([]);
      expect(await ids('specialty=IP&regionCode=440106')).toEqual(['gz-expert-a', 'gz-insider', 'gz-suspended']);
      expect(await ids(`organisation=${UNIVERSITY.toLowerCase()}`)).toEqual(['gz-expert-a', 'gz-suspended', selfExpert.id].sort());
      expect(await ids(`organisation=${encodeURIComponent('测试园区')}`)).toEqual(['gz-insider']);
      expect(await ids(`q=${encodeURIComponent('专家')}`)).toEqual(['expert-1', 'expert-2', 'expert-3', 'gz-insider', 'gz-suspended']);
    });

    it('removal takes an expert off the admitted list', async () => {
      ok(await c.post(actors.city, '/experts/gz-insider/removal', { reason: '本人申请退出', occurredAt: '2019-08-01T10:00:00+08:00' }));
      const removed = ok(await c.get(actors.auditor, '/experts?status=REMOVED'));
      expect(removed.items.map((e: { id: string }) => e.id)).toEqual(['gz-insider']);
      expect(removed.items[0]).toMatchObject({ removalReason: '本人申请退出', removedAt: '2019-08-01T02:00:00.000Z' });
    });

    it('pages with a cursor, sorted as asked', async () => {
      const all = ok(await c.get(actors.hub, '/experts?sort=name&limit=200')).items.map((e: { id: string }) => e.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/experts?sort=name&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { items: { id: string }[]; total: number; nextCursor: string | null } = ok(await c.get(actors.hub, query));
        expect(page.total).toBe(all.length);
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
      const bad = await c.get(actors.hub, '/experts?sort=salary');
      expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'SORT_INVALID' });
      const badStatus = await c.get(actors.hub, '/experts?status=RETIRED');
      expect(badStatus.body.errors.map((e: { field: string }) => e.field)).toEqual(['status']);
    });
  });
});
