import { createHash, randomUUID } from 'node:crypto';
import { materialKinds, usccCheckCharacter, type Actor, type ApplicationForm } from '@sme/domain';
import { aForm } from '@sme/domain/application/application.fixtures';
import type { TestApp } from './test-app';
import { DEMO_CALL } from '../../../apps/api/src/demo/demo-data';

/** Actors of the 2019 Guangzhou call, one per role. */
export const actors = {
  city: { id: 'city-1', role: 'CITY_AUTHORITY', orgId: 'GZ-MIIT', regionCode: '440100' } as Actor,
  hub: { id: 'hub-1', role: 'HUB', orgId: 'GZ-HUB', regionCode: '440100' } as Actor,
  tianhe: { id: 'tianhe-1', role: 'DISTRICT_AUTHORITY', orgId: 'TIANHE', regionCode: '440106' } as Actor,
  haizhu: { id: 'haizhu-1', role: 'DISTRICT_AUTHORITY', orgId: 'HAIZHU', regionCode: '440105' } as Actor,
  auditor: { id: 'auditor-1', role: 'AUDITOR', orgId: 'AUDIT', regionCode: '440100' } as Actor,
  experts: [1, 2, 3].map((n) => ({ id: `expert-${n}`, role: 'EXPERT', orgId: `EXPERT-ORG-${n}`, regionCode: '440100' }) as Actor),
};

export function uscc(seed: number, region = '440106'): string {
  const first17 = `91${region}MA5${String(seed).padStart(6, '0')}`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

export function operator(seed: number, region = '440106'): Actor {
  return { id: `operator-${seed}`, role: 'STATION_OPERATOR', orgId: uscc(seed, region), regionCode: region };
}

/** The demo's real 2019 Guangzhou call, as the body that opens it (the API gives the id). */
const { callId: _demoCallId, openedAt, ...demoCallFields } = DEMO_CALL;
export const callBody = { ...demoCallFields, occurredAt: openedAt };

/**
 * The domain's model application form (the Tianhe software park's), made the seed's own: the operator's
 * name and code, the district, the station's name and the material files.
 */
export function form(seed: number, district = '440106', overrides: Partial<ApplicationForm> = {}): ApplicationForm {
  const model = aForm();
  return {
    ...model,
    operator: { ...model.operator, name: `测试园区运营公司${seed}`, uscc: uscc(seed, district), registrationRegionCode: district },
    station: { ...model.station, name: `测试服务站${seed}`, districtCode: district },
    materials: materialKinds.codes.map((kind) => ({
      kind,
      fileName: `${kind}.pdf`,
      sha256: createHash('sha256').update(`${kind}${seed}`).digest('hex'),
    })),
    ...overrides,
  };
}

/** Thin client: POST/GET as an actor, returning supertest's response. */
export function client(t: TestApp) {
  const auth = async (actor: Actor) => `Bearer ${await t.token(actor)}`;
  return {
    post: async (actor: Actor, path: string, body: object = {}, headers: Record<string, string> = {}) =>
      t.http.post(path).set('Authorization', await auth(actor)).set(headers).send(body),
    get: async (actor: Actor, path: string) => t.http.get(path).set('Authorization', await auth(actor)),
    /** A GET whose body is a file: the response's body is its bytes, whatever the content type. */
    download: async (actor: Actor, path: string) =>
      t.http
        .get(path)
        .set('Authorization', await auth(actor))
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        }),
  };
}

const registries = new WeakMap<TestApp, Promise<void>>();

/**
 * Puts the three panel experts in the app's expert registry (registered by the hub, admitted by the
 * city, in May 2019), once per app; panels take only registered, admitted experts.
 */
export function ensurePanelExperts(t: TestApp): Promise<void> {
  let done = registries.get(t);
  if (!done) {
    done = (async () => {
      const c = client(t);
      for (const e of actors.experts) {
        const registered = await c.post(actors.hub, '/experts', {
          expertId: e.id,
          name: `专家${e.id.slice(-1)}`,
          specialties: [{ domain: 'MANAGEMENT_CONSULTING' }],
          organisation: { id: e.orgId, name: `${e.orgId} 单位` },
          regionCode: e.regionCode,
          title: '高级经济师',
          occurredAt: '2019-05-01T10:00:00+08:00',
        });
        if (registered.status >= 300 && registered.body.code !== 'EXPERT_ALREADY_EXISTS') throw new Error(`${registered.status} ${JSON.stringify(registered.body)}`);
        const admitted = await c.post(actors.city, `/experts/${e.id}/admission`, { opinion: '同意入库', occurredAt: '2019-05-02T10:00:00+08:00' });
        if (admitted.status >= 300 && admitted.body.code !== 'EXPERT_ALREADY_ADMITTED') throw new Error(`${admitted.status} ${JSON.stringify(admitted.body)}`);
      }
    })();
    registries.set(t, done);
  }
  return done;
}

/** Drives one application along the happy path up to `until`, returning its id. */
export async function applicationUpTo(
  t: TestApp,
  callId: string,
  seed: number,
  until: 'DRAFT' | 'SUBMITTED' | 'DISTRICT_PASSED' | 'PANEL_FORMED' | 'SCORED' | 'RECOMMENDED' | 'APPROVED',
  district = '440106',
): Promise<string> {
  const c = client(t);
  const steps = ['DRAFT', 'SUBMITTED', 'DISTRICT_PASSED', 'PANEL_FORMED', 'SCORED', 'RECOMMENDED', 'APPROVED'];
  const goes = (step: string) => steps.indexOf(step) <= steps.indexOf(until);
  const reviewer: Actor = { id: `district-${district}`, role: 'DISTRICT_AUTHORITY', orgId: `D-${district}`, regionCode: district };
  const ok = (res: { status: number; body: unknown }) => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const op = operator(seed, district);
  const { id } = ok(
    await c.post(op, '/applications', { callId, form: form(seed, district), occurredAt: '2019-06-03T10:00:00+08:00' }),
  );
  if (goes('SUBMITTED')) ok(await c.post(op, `/applications/${id}/submit`, { occurredAt: '2019-06-10T10:00:00+08:00' }));
  if (goes('DISTRICT_PASSED'))
    ok(await c.post(reviewer, `/applications/${id}/district-review`, { passed: true, opinion: '同意', occurredAt: '2019-06-19T10:00:00+08:00' }));
  if (goes('PANEL_FORMED')) {
    await ensurePanelExperts(t);
    const experts = actors.experts.map((e) => ({ expertId: e.id }));
    ok(await c.post(actors.hub, `/applications/${id}/expert-panel`, { experts, occurredAt: '2019-07-01T10:00:00+08:00' }));
  }
  if (goes('SCORED'))
    for (const [i, expert] of actors.experts.entries())
      ok(await c.post(expert, `/applications/${id}/expert-scores`, { score: 80 + i, opinion: '良好', occurredAt: '2019-07-05T10:00:00+08:00' }));
  if (goes('RECOMMENDED'))
    ok(await c.post(actors.hub, `/applications/${id}/recommendation`, { recommended: true, opinion: '推荐', occurredAt: '2019-07-20T10:00:00+08:00' }));
  if (goes('APPROVED'))
    ok(await c.post(actors.city, `/applications/${id}/decision`, { approved: true, opinion: '审定通过', occurredAt: '2019-08-15T10:00:00+08:00' }));
  return id;
}

export async function openCall(t: TestApp): Promise<string> {
  const res = await client(t).post(actors.city, '/calls', callBody);
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export const newKey = () => randomUUID();

/**
 * Stations of a call of their own: each seed's application driven to APPROVED, the call closed and its
 * list published (2019), the stations designated; each with its operator, in the seeds' order.
 */
export async function designatedStations(t: TestApp, seeds: readonly number[]): Promise<{ id: string; operator: Actor }[]> {
  const c = client(t);
  const ok = (res: { status: number; body: any }) => {
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const callId = await openCall(t);
  const applications: string[] = [];
  for (const seed of seeds) applications.push(await applicationUpTo(t, callId, seed, 'APPROVED'));
  ok(await c.post(actors.city, `/calls/${callId}/close`, { occurredAt: '2019-08-30T10:00:00+08:00' }));
  ok(await c.post(actors.city, `/calls/${callId}/publish`, { occurredAt: '2019-09-10T10:00:00+08:00' }));
  const stations: { id: string; operator: Actor }[] = [];
  for (const [i, id] of applications.entries()) stations.push({ id: ok(await c.get(actors.city, `/applications/${id}`)).station.stationId as string, operator: operator(seeds[i]) });
  return stations;
}
