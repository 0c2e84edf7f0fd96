import { createHash } from 'node:crypto';
import { applicationKind } from '@sme/domain';
import { DOCUMENT_STORE, type DocumentStore, type StoredDocument } from '@sme/read-models';
import { principalOf } from '../../apps/api/src/http/idempotency.interceptor';
import { IDEMPOTENCY_COLLECTION } from '../../apps/api/src/http/idempotency.store';
import { IdempotencyKeySweep } from '../../apps/api/src/http/idempotency-sweep';
import { actors, applicationUpTo, callBody, openCall, operator } from './support/station-lifecycle';
import type { TestApp } from './support/test-app';
import { startSpecApp, type Client } from './support/spec-app';

describe('Idempotency-Key, If-Match and concurrent writers', () => {
  let t: TestApp;
  let c: Client;

  beforeAll(async () => ({ t, c } = await startSpecApp()));
  afterAll(() => t.close());

  it('a retried POST returns the first response and writes nothing', async () => {
    const headers = { 'Idempotency-Key': 'open-call-2019-once' };
    const first = await c.post(actors.city, '/calls', callBody, headers);
    expect(first.status).toBe(201);
    const head = await t.head();
    const retry = await c.post(actors.city, '/calls', callBody, headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await t.head()).toBe(head);
  });

  it('a retry whose first attempt wrote but died before answering gets that attempt’s answer, not a conflict', async () => {
    const headers = { 'Idempotency-Key': 'written-then-crashed' };
    const first = await c.post(actors.city, '/calls', callBody, headers);
    expect(first.status).toBe(201);
    // The crash: the key's record is gone (as if it was never completed), the events are in the log.
    const keyId = createHash('sha256').update(`${principalOf(actors.city)}\u0000written-then-crashed`).digest('hex');
    expect(await t.app.get<DocumentStore>(DOCUMENT_STORE).collection(IDEMPOTENCY_COLLECTION).delete(keyId)).toBe(true);
    const head = await t.head();
    const retry = await c.post(actors.city, '/calls', callBody, headers);
    expect({ status: retry.status, id: retry.body.id, revision: retry.body.revision }).toEqual({ status: 201, id: first.body.id, revision: first.body.revision });
    expect(await t.head()).toBe(head);
  });

  it('a key belongs to the whole principal: the same subject in another role or organisation is another caller', async () => {
    const headers = { 'Idempotency-Key': 'shared-key' };
    const first = await c.post(actors.city, '/calls', callBody, headers);
    expect(first.status).toBe(201);
    const sameSubjectElsewhere = { ...actors.city, orgId: 'ANOTHER-ORG' };
    const other = await c.post(sameSubjectElsewhere, '/calls', callBody, headers);
    expect(other.status).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('a refusal is replayed too, and a key reused for another request is refused', async () => {
    const headers = { 'Idempotency-Key': 'bad-call' };
    const first = await c.post(actors.city, '/calls', { ...callBody, cityCode: '440000' }, headers);
    expect(first.status).toBeGreaterThanOrEqual(400);
    const retry = await c.post(actors.city, '/calls', { ...callBody, cityCode: '440000' }, headers);
    expect(retry.status).toBe(first.status);
    expect(retry.body).toEqual(first.body);
    const reused = await c.post(actors.city, '/calls', callBody, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a key past IDEMPOTENCY_TTL_HOURS is deleted by the sweep, answer and all; a younger one stays and is still replayed', async () => {
    const keys = t.app.get<DocumentStore>(DOCUMENT_STORE).collection<StoredDocument & { createdAt: string }>(IDEMPOTENCY_COLLECTION);
    const idOf = (key: string) => createHash('sha256').update(`${principalOf(actors.city)}\u0000${key}`).digest('hex');
    for (const key of ['swept-old', 'swept-young']) expect((await c.post(actors.city, '/calls', callBody, { 'Idempotency-Key': key })).status).toBe(201);
    const old = await keys.findOne({ _id: idOf('swept-old') });
    await keys.put({ ...old!, createdAt: new Date(Date.now() - 25 * 3600_000).toISOString() }); // as if made 25 h ago

    expect(await t.app.get(IdempotencyKeySweep).sweepNow()).toBe(1);
    expect(await keys.findOne({ _id: idOf('swept-old') })).toBeNull();
    const replayed = await c.post(actors.city, '/calls', callBody, { 'Idempotency-Key': 'swept-young' });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
  });

  it('If-Match with a stale revision is a 409 conflict and writes nothing', async () => {
    const callId = await openCall(t);
    const id = await applicationUpTo(t, callId, 40, 'DRAFT');
    const stale = await c.post(operator(40), `/applications/${id}/submit`, { occurredAt: '2019-06-10T10:00:00+08:00' }, { 'If-Match': '"5"' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('REVISION_CONFLICT');
    const fresh = await c.post(operator(40), `/applications/${id}/submit`, { occurredAt: '2019-06-10T10:00:00+08:00' }, { 'If-Match': '"0"' });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.etag).toBe('"1"');
  });

  it('of two experts racing on one stale revision, exactly one wins', async () => {
    const callId = await openCall(t);
    const id = await applicationUpTo(t, callId, 41, 'PANEL_FORMED');
    const revision = (await c.get(actors.auditor, `/streams/${applicationKind.streamId(id)}/events`)).body.events.length - 1;
    const results = await Promise.all(
      actors.experts.slice(0, 2).map((expert) =>
        c.post(expert, `/applications/${id}/expert-scores`, { score: 90, opinion: '好', occurredAt: '2019-07-05T10:00:00+08:00' }, { 'If-Match': `"${revision}"` }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = (await c.get(actors.auditor, `/streams/${applicationKind.streamId(id)}/events`)).body.events;
    expect(events.filter((e: { type: string }) => e.type === 'ExpertScoreRecorded')).toHaveLength(1);
  });
});
