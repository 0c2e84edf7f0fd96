import { applicationKind } from '@sme/domain';
import { actors, applicationUpTo, openCall, operator } from './support/station-lifecycle';
import type { TestApp } from './support/test-app';
import { useSpecApp } from './support/spec-app';

describe('The 服务站 designation lifecycle over HTTP', () => {
  const { app, c } = useSpecApp();
  let callId: string;

  beforeAll(async () => {
    callId = await openCall(app());
  });

  it('takes an application from draft to a designated, covenant-signed station, every step an event', async () => {
    const applicationId = await applicationUpTo(app(), callId, 1, 'APPROVED');
    const other = await applicationUpTo(app(), callId, 2, 'SUBMITTED', '440105');

    expect((await c.post(actors.city, `/calls/${callId}/close`, { occurredAt: '2019-08-30T10:00:00+08:00' })).status).toBe(200);
    const publication = await c.post(actors.city, `/calls/${callId}/publish`, { occurredAt: '2019-09-10T10:00:00+08:00' });
    expect(publication.status).toBe(200);

    const application = (await c.get(actors.auditor, `/applications/${applicationId}`)).body;
    expect(application.stage).toBe('DESIGNATED');
    expect(application.history.map((h: { stage: string }) => h.stage)).toEqual([
      'DRAFT', 'SUBMITTED', 'DISTRICT_PASSED', 'PANEL_FORMED', 'SCORED', 'RECOMMENDED', 'APPROVED', 'DESIGNATED',
    ]);
    expect(application.averageScore).toBe(81);
    const { stationId, plaqueNumber } = application.station;
    expect(plaqueNumber).toBe('440100-2019-001');

    const call = (await c.get(actors.city, `/calls/${callId}`)).body;
    expect(call.status).toBe('PUBLISHED');
    expect(call.applicationsByStage).toEqual({ DESIGNATED: 1, SUBMITTED: 1 });
    expect(call.progress).toEqual({ target: 100, designated: 1, activeStations: 1 });

    const op = operator(1);
    const signed = await c.post(op, `/stations/${stationId}/covenant`, { covenantVersion: '穗2019版', occurredAt: '2019-09-20T10:00:00+08:00' });
    expect(signed.status).toBe(200);
    expect(signed.headers.etag).toBe('"1"');

    const station = (await c.get(op, `/stations/${stationId}`)).body;
    expect(station).toMatchObject({ status: 'ACTIVE', plaqueNumber, districtCode: '440106', covenants: [{ covenantVersion: '穗2019版' }] });

    const registry = (await c.get(actors.city, '/stations?districtCode=440106&status=ACTIVE')).body;
    expect(registry.total).toBe(1);
    expect((await c.get(actors.city, '/stations?districtCode=440105')).body.total).toBe(0);

    // 主动公开: the published list without a token, its public fields only.
    const published = await app().http.get('/public/stations?cityCode=440100');
    expect(published.status).toBe(200);
    expect(published.body.items).toEqual([{ id: stationId, plaqueNumber, name: station.name, cityCode: '440100', districtCode: '440106', districtName: '天河区', address: station.address, operatorName: station.operator.name, designatedAt: station.designatedAt }]);
    expect(JSON.stringify(published.body)).not.toContain(station.operator.uscc);
    expect((await app().http.get('/stations?cityCode=440100')).status).toBe(401);

    const list = (await c.get(actors.city, `/applications?callId=${callId}&stage=SUBMITTED`)).body;
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([other]);
  });

  it('revokes a station on the hub’s proposal and the city’s decision; the operator can then do nothing', async () => {
    const { stationId, op } = await designatedStation(app(), 10);
    const proposal = await c.post(actors.hub, `/stations/${stationId}/revocation-proposals`, {
      grounds: ['LOW_SATISFACTION'],
      evidence: [{ description: '满意度回访 41%' }],
      opinion: '建议撤销',
      occurredAt: '2020-11-16T10:00:00+08:00',
    });
    expect(proposal.status).toBe(201);
    // The answer names the proposal the city decides on, and where to read it.
    const { proposalId } = proposal.body;
    const events = (await c.get(actors.auditor, `/streams/station-${stationId}/events`)).body.events;
    expect(events.at(-1).data.proposalId).toBe(proposalId);
    expect(proposal.headers.location).toBe(`/stations/${stationId}/revocation-proposals/${proposalId}`);
    expect((await c.get(actors.city, proposal.headers.location)).body).toMatchObject({ proposalId, grounds: ['LOW_SATISFACTION'] });
    expect((await c.get(actors.city, `/stations/${stationId}/revocation-proposals/${stationId}`)).status).toBe(404);

    const decided = await c.post(actors.city, `/stations/${stationId}/revocation-decision`, {
      proposalId,
      approved: true,
      opinion: '同意撤销称号和授牌',
      occurredAt: '2020-12-08T10:00:00+08:00',
    });
    expect(decided.status).toBe(200);
    const station = (await c.get(actors.auditor, `/stations/${stationId}`)).body;
    expect(station.status).toBe('REVOKED');
    expect(station.revocations).toMatchObject([{ proposalId, grounds: ['LOW_SATISFACTION'], outcome: 'APPROVED' }]);

    const refused = await c.post(op, `/stations/${stationId}/withdrawal`, { reason: '退出', occurredAt: '2021-01-01T10:00:00+08:00' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('STATION_NOT_ACTIVE');

    // An auditor replays the station as it stood before the revocation.
    const before = await c.get(actors.auditor, `/stations/${stationId}?asOf=2020-06-30T00:00:00%2B08:00`);
    expect(before.status).toBe(200);
    expect(before.body.status).toBe('ACTIVE');
    const notYet = await c.get(actors.auditor, `/stations/${stationId}?asOf=2019-01-01T00:00:00%2B08:00`);
    expect(notYet.status).toBe(404);
    const forbidden = await c.get(actors.city, `/stations/${stationId}?asOf=2020-06-30T00:00:00%2B08:00`);
    expect(forbidden.status).toBe(403);
  });

  it('lets an operator withdraw its station with a reason', async () => {
    const { stationId, op } = await designatedStation(app(), 20);
    const withdrawn = await c.post(op, `/stations/${stationId}/withdrawal`, { reason: '业务调整', occurredAt: '2021-03-01T10:00:00+08:00' });
    expect(withdrawn.status).toBe(200);
    expect((await c.get(op, `/stations/${stationId}`)).body).toMatchObject({ status: 'WITHDRAWN', withdrawal: { reason: '业务调整' } });
  });

  it('gives auditors whole envelopes with a hash chain they can verify', async () => {
    const applicationId = await applicationUpTo(app(), await openCall(app()), 30, 'SUBMITTED');
    const res = await c.get(actors.auditor, `/streams/${applicationKind.streamId(applicationId)}/events`);
    expect(res.status).toBe(200);
    const [drafted, submitted] = res.body.events;
    expect(drafted).toMatchObject({
      type: 'ApplicationDrafted',
      schemaVersion: 1,
      streamId: `application-${applicationId}`,
      revision: 0,
      occurredAt: '2019-06-03T02:00:00.000Z',
      previousHash: null,
      metadata: { actor: { id: 'operator-30', role: 'STATION_OPERATOR' }, legalBasis: '穗工信函〔2019〕1100号' },
    });
    expect(drafted.metadata.correlationId).toEqual(expect.any(String));
    expect(Date.parse(drafted.recordedAt)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(submitted.previousHash).toBe(drafted.hash);
    expect(BigInt(submitted.position)).toBeGreaterThan(BigInt(drafted.position));

    const verify = await c.get(actors.auditor, '/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true });
    expect(verify.body.eventsChecked).toBeGreaterThan(2);

    expect((await c.get(actors.city, '/audit/verify')).status).toBe(403);
    expect((await c.get(actors.city, `/streams/${applicationKind.streamId(applicationId)}/events`)).status).toBe(403);
  });

  async function designatedStation(app: TestApp, seed: number) {
    // Each station needs its own call: a call publishes its list once.
    const ownCall = await openCall(app);
    const applicationId = await applicationUpTo(app, ownCall, seed, 'APPROVED');
    await c.post(actors.city, `/calls/${ownCall}/close`, { occurredAt: '2019-08-30T10:00:00+08:00' });
    const published = await c.post(actors.city, `/calls/${ownCall}/publish`, { occurredAt: '2019-09-10T10:00:00+08:00' });
    expect(published.status).toBe(200);
    const stationId = (await c.get(actors.city, `/applications/${applicationId}`)).body.station.stationId as string;
    return { stationId, op: operator(seed) };
  }
});
