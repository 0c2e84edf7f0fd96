import type { Actor } from '@sme/domain';
import { actors, applicationUpTo, callBody, form, openCall, operator } from './support/station-lifecycle';
import { useSpecApp } from './support/spec-app';

/** Every refusal: the right status, a stable code, Chinese and English, the field — and nothing written. */
describe('Bad input and forbidden actors', () => {
  const { app, c, refused } = useSpecApp();
  let callId: string;

  beforeAll(async () => {
    callId = await openCall(app());
  });

  it('400 names each bad field, in both languages', async () => {
    const body = await refused(() => c.post(actors.city, '/calls', { ...callBody, targetStationCount: 'many', cityCode: '4401' }), 400, 'VALIDATION_FAILED');
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['targetStationCount', 'cityCode']));
    for (const e of body.errors) expect(e.message.zh).toContain(e.field);
  });

  it('400 for a region code that is not GB/T 2260-shaped, in a list filter as in a body', async () => {
    const body = await refused(() => c.get(actors.city, '/stations?cityCode=000000'), 400, 'VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['cityCode']);
    await refused(() => c.get(actors.city, '/stations?districtCode=000106'), 400, 'VALIDATION_FAILED');
    expect((await c.get(actors.city, '/stations?cityCode=440100&districtCode=440106')).status).toBe(200);
  });

  it('400 for a field nobody asked for (whitelist)', async () => {
    const body = await refused(() => c.post(actors.city, '/calls', { ...callBody, approvedBy: 'me' }), 400, 'VALIDATION_FAILED');
    expect(body.errors[0]).toMatchObject({ field: 'approvedBy', rule: 'whitelistValidation' });
  });

  it('400 for nested form fields, with their path', async () => {
    const bad = form(1);
    (bad.station as any).head.email = 'not-an-email';
    const body = await refused(() => c.post(operator(1), '/applications', { callId, form: bad, occurredAt: '2019-06-03T10:00:00+08:00' }), 400, 'VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string }) => e.field)).toContain('form.station.head.email');
  });

  it('400 for a business time in the future', async () => {
    const future = new Date(Date.now() + 3600_000).toISOString();
    const body = await refused(() => c.post(actors.city, '/calls', { ...callBody, occurredAt: future }), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'occurredAt', rule: 'notInFuture' })]);
  });

  it('400 for a USCC whose check character is wrong (GB 32100-2015)', async () => {
    const bad = form(2);
    const last = bad.operator.uscc.at(-1) === '0' ? '1' : '0';
    bad.operator.uscc = bad.operator.uscc.slice(0, 17) + last;
    const body = await refused(() => c.post(operator(2), '/applications', { callId, form: bad, occurredAt: '2019-06-03T10:00:00+08:00' }), 400, 'USCC_INVALID');
    expect(body.errors[0].field).toBe('form.operator.uscc');
  });

  it('400 for an operator that is not a 法人单位 (a 个体工商户, category 92)', async () => {
    const soleTrader = '92440106MA5D0E7F8G';
    const bad = { ...form(9), operator: { ...form(9).operator, uscc: soleTrader } };
    const actor: Actor = { id: 'sole-trader', role: 'STATION_OPERATOR', orgId: soleTrader, regionCode: '440106' };
    const body = await refused(() => c.post(actor, '/applications', { callId, form: bad, occurredAt: '2019-06-03T10:00:00+08:00' }), 400, 'NOT_LEGAL_PERSON');
    expect(body.errors[0].field).toBe('form.operator.uscc');
  });

  it('400 for an operator registered on or after the cut-off, naming the field', async () => {
    const late = form(3);
    late.operator.registrationDate = '2018-01-01';
    await refused(() => c.post(operator(3), '/applications', { callId, form: late, occurredAt: '2019-06-03T10:00:00+08:00' }), 400, 'OPERATOR_REGISTERED_TOO_LATE');
  });

  it('409 for a submission after the district deadline (逾期不予受理)', async () => {
    const id = await applicationUpTo(app(), callId, 4, 'DRAFT');
    await refused(() => c.post(operator(4), `/applications/${id}/submit`, { occurredAt: '2019-06-18T17:00:01+08:00' }), 409, 'APPLICATION_DEADLINE_PASSED');
  });

  it('409 for a step out of order', async () => {
    const id = await applicationUpTo(app(), callId, 5, 'SUBMITTED');
    const experts = actors.experts.map((e) => ({ expertId: e.id, name: e.id, organisation: e.orgId }));
    const res = await c.post(actors.hub, `/applications/${id}/expert-panel`, { experts, occurredAt: '2019-06-20T10:00:00+08:00' });
    expect(res.status).toBe(409);
  });

  it('401 without a token, or with a forged one', async () => {
    const none = await app().http.post('/calls').send(callBody);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('TOKEN_MISSING');
    const forged = await app().http.post('/calls').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc').send(callBody);
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('TOKEN_INVALID');
  });

  it('403 for a role that may not act', async () => {
    await refused(() => c.post(operator(6), '/calls', callBody), 403, 'ROLE_NOT_PERMITTED');
  });

  it('403 for a district reviewer of another district (天河 may not review 海珠)', async () => {
    const id = await applicationUpTo(app(), callId, 7, 'SUBMITTED', '440105');
    const res = await c.post(actors.tianhe, `/applications/${id}/district-review`, { passed: true, opinion: '同意', occurredAt: '2019-06-19T10:00:00+08:00' });
    expect(res.status).toBe(403);
    expect((await c.get(actors.auditor, `/applications/${id}`)).body.stage).toBe('SUBMITTED');
  });

  it('403 for another city’s bureau (深圳 may not close or publish 广州’s call)', async () => {
    const shenzhen: Actor = { id: 'sz-bureau', role: 'CITY_AUTHORITY', orgId: 'SZ-MIIT', regionCode: '440300' };
    const ownCall = await openCall(app());
    await refused(() => c.post(shenzhen, `/calls/${ownCall}/close`, { occurredAt: '2019-08-30T10:00:00+08:00' }), 403, 'REGION_NOT_PERMITTED');
    expect((await c.post(actors.city, `/calls/${ownCall}/close`, { occurredAt: '2019-08-30T10:00:00+08:00' })).status).toBe(200);
    await refused(() => c.post(shenzhen, `/calls/${ownCall}/publish`, { occurredAt: '2019-09-10T10:00:00+08:00' }), 403, 'REGION_NOT_PERMITTED');
  });

  it('403 for an operator filing for another organisation: its token binds it to its own', async () => {
    const body = { callId, form: form(12), occurredAt: '2019-06-03T10:00:00+08:00' };
    await refused(() => c.post(operator(11), '/applications', body), 403, 'NOT_OWNER');
    expect((await c.post(operator(12), '/applications', body)).status).toBe(201);
  });

  it('404 for a record that does not exist, 400 for an id that cannot exist', async () => {
    await refused(() => c.post(actors.city, '/calls/00000000-0000-4000-8000-000000000000/close', {}), 404, 'CALL_NOT_FOUND');
    await refused(() => c.post(actors.city, '/calls/not-a-uuid/close', {}), 400, 'ID_INVALID');
    expect((await c.get(actors.city, '/applications/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('409 for a business time earlier than the record’s first event (back-dating never reaches before the record)', async () => {
    const id = await applicationUpTo(app(), callId, 8, 'DRAFT');
    const body = await refused(() => c.post(operator(8), `/applications/${id}/submit`, { occurredAt: '2019-06-01T10:00:00+08:00', backdatingReason: '补录' }), 409, 'BACKDATING_BEFORE_RECORD');
    // Times in the messages read as China's clock, as they were sent.
    expect(body.message.zh).toContain('发生时间（2019-06-01T10:00:00+08:00）');
    expect(body.message.zh).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d{3})?Z/);
  });
});
