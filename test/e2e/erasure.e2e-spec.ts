import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '@sme/domain';
import { EVENT_LEDGER, verifyChain, type EventStore, type RecordedEvent } from '@sme/event-store';
import { toKafkaCloudEvent } from '@sme/messaging';
import { entryApplication, providerUser } from './support/library-bodies';
import { actors, client } from './support/station-lifecycle';
import { startTestApp, type TestApp } from './support/test-app';

const admin = (id: string): Actor => ({ id, role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440100' });
const asking = admin('admin-1');
const deciding = admin('admin-2');
const NAME = '欧阳明远';

/**
 * Crypto-shredding over HTTP: an expert's name is kept only as ciphertext, in the store, the audit
 * package and on Kafka; erased on an administrator's request and a second one's approval, it reads
 * 已删除 in the record, its replay and the read models, while every hash still verifies.
 */
describe('Erasing personal data (个人信息删除)', () => {
  let t: TestApp;
  let ledger: EventStore;
  let kept: RecordedEvent[];
  const expertId = 'gz-expert-erased';
  let providerId: string;
  const fileHolds = (text: string) => readFileSync(join(t.dataDir, 'events.sqlite')).includes(Buffer.from(text, 'utf8')) || readFileSync(join(t.dataDir, 'events.sqlite-wal')).includes(Buffer.from(text, 'utf8'));
  // Snapshots are kept after every event here: the expert's folded state, name included, is in the snapshot file
  // (V8's serialisation writes a string with Chinese characters as UTF-16).
  const snapshotsHold = (text: string) =>
    [t.config.snapshots.file, `${t.config.snapshots.file}-wal`].some((file) => existsSync(file) && ['utf8', 'utf16le'].some((encoding) => readFileSync(file).includes(Buffer.from(text, encoding as BufferEncoding))));
  const kafkaValues = (events: RecordedEvent[]) => events.map((event) => toKafkaCloudEvent(event, 'sme.')!.value).join('\n');

  beforeAll(async () => {
    t = await startTestApp({ env: { SNAPSHOT_EVERY: '1' } });
    ledger = t.app.get<EventStore>(EVENT_LEDGER);
    const c = client(t);
    const registered = await c.post(actors.hub, '/experts', {
      expertId,
      name: NAME,
      specialties: [{ domain: 'IP', detail: '专利布局' }],
      organisation: { id: 'GZ-UNIV-1', name: '广东某大学' },
      regionCode: '440106',
      title: '教授',
      occurredAt: '2026-03-02T10:00:00+08:00',
    });
    expect(registered.status).toBe(201);
    kept = await ledger.readStream(`expert-${expertId}`);
  });
  afterAll(() => t.close());

  it('keeps the name only as ciphertext: in the store’s file, the events as kept, and what Kafka carries', async () => {
    expect(JSON.stringify(kept[0].data)).not.toContain(NAME);
    expect((kept[0].data as { name: string }).name).toMatch(/^enc:v1:a256gcm:/);
    expect(fileHolds(NAME)).toBe(false);
    expect(kafkaValues(kept)).not.toContain(NAME);
    expect(snapshotsHold(NAME)).toBe(true);
    // The ledger's own reads open it.
    expect((await client(t).get(actors.hub, `/experts/${expertId}`)).body.name).toBe(NAME);
    expect((await client(t).get(actors.hub, '/experts?limit=200')).body.items.map((e: { name: string }) => e.name)).toContain(NAME);
  });

  it('names the record’s persons for the request, and refuses a request it cannot carry out', async () => {
    const c = client(t);
    expect((await c.get(asking, `/erasures/subjects/expert/${expertId}`)).body.subjects).toEqual([{ subject: `expert-${expertId}#`, path: '', erased: false }]);
    const refused = async (actor: Actor, body: object, status: number, code: string) => {
      const head = await t.head();
      const res = await c.post(actor, '/erasures', body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(await t.head()).toBe(head);
    };
    await refused(actors.hub, { kind: 'expert', id: expertId, reason: '本人申请' }, 403, 'ROLE_NOT_PERMITTED');
    await refused(asking, { kind: 'expert', id: 'nobody', reason: '本人申请' }, 404, 'RECORD_NOT_FOUND');
    await refused(asking, { kind: 'expert', id: expertId, subjects: ['organisation'], reason: '本人申请' }, 409, 'SUBJECT_NOT_IN_RECORD');
    await refused(asking, { kind: 'station', id: expertId, reason: '本人申请' }, 400, 'VALIDATION_FAILED');
    await refused(asking, { kind: 'expert', id: expertId, reason: ' ' }, 400, 'VALIDATION_FAILED');
    const provider = await c.post(providerUser(61), '/providers/entry-applications', entryApplication(61));
    expect(provider.status).toBe(201);
    providerId = provider.body.id;
    await refused(asking, { kind: 'provider', id: providerId, subjects: ['ties'], reason: '本人申请' }, 409, 'SUBJECT_NOT_IN_RECORD');
  });

  it('erases on a second administrator’s approval: 已删除 in the record, its replay and the read models; the chains verify', async () => {
    const c = client(t);
    const requested = await c.post(asking, '/erasures', { kind: 'expert', id: expertId, reason: '本人申请删除（个人信息保护法第四十七条）' });
    expect(requested.status).toBe(201);
    const erasureId = requested.body.id as string;
    expect((await c.post(asking, `/erasures/${erasureId}/approval`, { opinion: '同意' })).body.code).toBe('ERASURE_SELF_DECISION');
    expect((await c.get(actors.hub, `/experts/${expertId}`)).body.name).toBe(NAME);

    const approved = await c.post(deciding, `/erasures/${erasureId}/approval`, { opinion: '核实为本人申请，同意删除' });
    expect(approved.status).toBe(200);
    const erasure = (await c.get(actors.auditor, `/erasures/${erasureId}`)).body;
    expect(erasure).toMatchObject({ status: 'ERASED', streamId: `expert-${expertId}`, requestedBy: 'admin-1', decision: { approved: true, by: 'admin-2' }, erased: { subjects: [`expert-${expertId}#`] } });

    expect((await c.get(actors.hub, `/experts/${expertId}`)).body.name).toBe('已删除');
    // The record's snapshot went with the keys: its state is folded again from the sealed events.
    expect(snapshotsHold(NAME)).toBe(false);
    expect((await c.get(actors.auditor, `/experts/${expertId}?asOf=2026-03-31`)).body.name).toBe('已删除');
    const listed = (await c.get(actors.hub, '/experts?limit=200')).body.items.map((e: { name: string }) => e.name);
    expect(listed).toContain('已删除');
    expect(listed).not.toContain(NAME);
    expect((await c.get(actors.auditor, `/streams/expert-${expertId}/events`)).body.events[0].data.name).toBe('已删除');

    // The auditor's envelope as kept: the ciphertext the hash covers, recomputable outside.
    const asKept = (await c.get(actors.auditor, `/streams/expert-${expertId}/events?form=kept`)).body.events[0];
    expect(asKept.data.name).toBe((kept[0].data as { name: string }).name);
    expect(verifyChain([{ ...kept[0], data: asKept.data, hash: asKept.hash }]).ok).toBe(true);
    const asRead = (await c.get(actors.auditor, `/streams/expert-${expertId}/events`)).body.events[0];
    expect(verifyChain([{ ...kept[0], data: asRead.data, hash: asRead.hash }]).ok).toBe(false);
    // The events as kept did not change: the same ciphertext, the same hashes; every chain and checkpoint verifies.
    const after = await ledger.readStream(`expert-${expertId}`);
    expect(after.map((e) => [e.hash, e.data])).toEqual(kept.map((e) => [e.hash, e.data]));
    const verified = (await c.get(actors.auditor, '/audit/verify')).body;
    expect(verified.ok).toBe(true);
    // A replay of the topic gives the same ciphertext, and no key opens it any more.
    expect(kafkaValues(after)).toBe(kafkaValues(kept));
    expect((await c.get(asking, `/erasures/subjects/expert/${expertId}`)).body.subjects).toEqual([{ subject: `expert-${expertId}#`, path: '', erased: true }]);
  });

  it('keeps personal data out of the audit package, whose events are as kept and verify outside', async () => {
    const pack = await client(t).get(actors.auditor, `/audit/dossiers/provider/${providerId}?format=package`);
    expect(pack.status).toBe(200);
    const text = JSON.stringify(pack.body);
    expect(text).not.toContain(entryApplication(61).contact.name);
    expect(text).toContain('enc:v1:');
    expect(pack.body.verification.streams.every((s: { ok: boolean }) => s.ok)).toBe(true);
  });
});
