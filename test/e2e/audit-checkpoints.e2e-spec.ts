import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeEventHash } from '@sme/event-store';
import type { Actor } from '@sme/domain';
import { actors, callBody, client } from './support/station-lifecycle';
import { startTestApp, type TestApp } from './support/test-app';
import { Notary } from '../../apps/api/src/audit/notary';

const admin: Actor = { id: 'admin-1', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440100' };

type Row = { position: number; event_id: string; stream_id: string; revision: number; type: string; schema_version: number; data: string; metadata: string; hash: string; previous_hash: string | null };

/**
 * Someone with the database file rewrites the log and computes every stream's chain again, as the
 * per-stream check alone cannot tell: `change` gets the rows in log order and returns the new ones.
 */
function rewrite(dataDir: string, change: (rows: Row[]) => Row[]): void {
  const db = new Database(join(dataDir, 'events.sqlite'));
  try {
    const rows = change(db.prepare<[], Row>('SELECT * FROM event_log ORDER BY position').all());
    const last = new Map<string, { revision: number; hash: string }>();
    const rechained = rows.map((row) => {
      const previous = last.get(row.stream_id);
      const revision = previous ? previous.revision + 1 : 0;
      const event = { id: row.event_id, type: row.type, schemaVersion: row.schema_version, streamId: row.stream_id, revision: BigInt(revision), data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) };
      const hash = computeEventHash(event, previous?.hash ?? null);
      last.set(row.stream_id, { revision, hash });
      return { ...row, revision, hash, previous_hash: previous?.hash ?? null };
    });
    db.transaction(() => {
      db.prepare('DELETE FROM event_log').run();
      const insert = db.prepare('INSERT INTO event_log (position, event_id, stream_id, revision, type, schema_version, data, metadata, hash, previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const r of rechained) insert.run(r.position, r.event_id, r.stream_id, r.revision, r.type, r.schema_version, r.data, r.metadata, r.hash, r.previous_hash);
    })();
  } finally {
    db.close();
  }
}

/** Three calls (three streams), one closed: a log to sign. */
async function someHistory(t: TestApp): Promise<void> {
  const c = client(t);
  for (const n of [1, 2, 3]) {
    const res = await c.post(actors.city, '/calls', { ...callBody, title: `${callBody.title}（第${n}批）` });
    expect(res.status).toBe(201);
    if (n === 2) expect((await c.post(actors.city, `/calls/${res.body.id}/close`, {})).status).toBe(200);
  }
}

describe('Signed checkpoints (存证检查点) and the log rewritten behind the API', () => {
  it('signs a checkpoint on demand, exports it, and verifies the untouched log against it', async () => {
    const t = await startTestApp();
    try {
      await someHistory(t);
      const c = client(t);
      const signed = await c.post(actors.auditor, '/audit/checkpoints', {});
      expect(signed.status).toBe(201);
      expect(signed.body).toMatchObject({ position: expect.stringMatching(/^\d+$/), globalHash: expect.stringMatching(/^[0-9a-f]{64}$/), signatureAlgorithm: 'ed25519', trigger: 'ON_DEMAND' });
      const key = (await c.get(actors.auditor, '/audit/signing-key')).body;
      expect(signed.body.keyId).toBe(key.keyId);
      // The file copy, line by line, and the stored list agree with the answer.
      const exported = readFileSync(join(t.dataDir, 'audit-checkpoints.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
      expect(exported).toEqual([signed.body]);
      expect((await c.get(actors.auditor, '/audit/checkpoints')).body).toMatchObject({ total: 1, items: [{ position: signed.body.position, globalHash: signed.body.globalHash }] });

      const verified = (await c.get(actors.auditor, '/audit/verify')).body;
      expect(verified).toMatchObject({ ok: true, checkpoints: { checked: 1, latest: { position: signed.body.position }, failures: [] } });
      expect((await c.post(actors.auditor, '/audit/verify', { checkpoints: exported })).body).toMatchObject({ ok: true, results: [{ ok: true }] });
      // The schedule signs only when the log has moved past the last checkpoint's own event.
      const notary = t.app.get(Notary);
      expect(await notary.run()).toBeNull();
      await someHistory(t);
      expect(await notary.run()).toMatchObject({ trigger: 'SCHEDULE', events: signed.body.events + 1 + 4 });
      expect(await notary.run()).toBeNull();
      // Only auditors and ADMIN sign or list them.
      expect((await c.post(actors.city, '/audit/checkpoints', {})).status).toBe(403);
      expect((await c.post(admin, '/audit/checkpoints', {})).status).toBe(201);
    } finally {
      await t.close();
    }
  });

  it('verifies incrementally: after the first run only what was appended since; a full run reads it all again and finds a change behind it', async () => {
    const t = await startTestApp();
    try {
      const c = client(t);
      await someHistory(t);
      const first = (await c.get(actors.auditor, '/audit/verify')).body;
      expect(first).toMatchObject({ ok: true, mode: 'full', from: '0' });
      await someHistory(t);
      const next = (await c.get(actors.auditor, '/audit/verify')).body;
      expect(next).toMatchObject({ ok: true, mode: 'incremental', from: first.position, eventsChecked: 4, eventsVerified: first.eventsVerified + 4 });
      // A change behind the verified position, made with the API running: the full run finds it.
      const db = new Database(join(t.dataDir, 'events.sqlite'));
      db.prepare("UPDATE event_log SET data = replace(data, '第1批', '第8批') WHERE position = 1").run();
      db.close();
      expect((await c.get(actors.auditor, '/audit/verify')).body).toMatchObject({ ok: true, mode: 'incremental', eventsChecked: 0 });
      const full = (await c.get(actors.auditor, '/audit/verify?full=true')).body;
      expect(full).toMatchObject({ ok: false, mode: 'full', firstBroken: { position: '1', problem: 'HASH_MISMATCH' } });
      expect((await c.get(actors.auditor, '/audit/verify?full=maybe')).status).toBe(400);
    } finally {
      await t.close();
    }
  });

  it.each([
    ['an event rewritten, every hash after it computed again', (rows: Row[]) => rows.map((r) => (r.data.includes('第1批') ? { ...r, data: r.data.replace('第1批', '第9批') } : r)), 'STATE_MISMATCH'],
    ['two events of different streams swapped', (rows: Row[]) => rows.map((r, i) => (i === 1 ? { ...rows[2], position: r.position } : i === 2 ? { ...rows[1], position: r.position } : r)), 'STATE_MISMATCH'],
    ['an event removed from the middle', (rows: Row[]) => rows.filter((_, i) => i !== 2), 'STATE_MISMATCH'],
  ] as const)('finds %s, though every stream’s chain verifies', async (_what, change, problem) => {
    const t = await startTestApp();
    const c = client(t);
    await someHistory(t);
    expect((await c.post(actors.auditor, '/audit/checkpoints', {})).status).toBe(201);
    await t.close({ keepData: true });
    rewrite(t.dataDir, change);
    const again = await startTestApp({ dataDir: t.dataDir });
    try {
      const verified = (await client(again).get(actors.auditor, '/audit/verify')).body;
      expect(verified.firstBroken).toBeUndefined();
      expect(verified).toMatchObject({ ok: false, checkpoints: { checked: 1, failures: [{ ok: false, problem }] } });
    } finally {
      await again.close();
    }
  });

  it('finds the tail deleted — the checkpoint’s own event with it — against the copy kept outside', async () => {
    const t = await startTestApp();
    const c = client(t);
    await someHistory(t);
    const kept = (await c.post(actors.auditor, '/audit/checkpoints', {})).body;
    await t.close({ keepData: true });
    rewrite(t.dataDir, (rows) => rows.slice(0, -3));
    const again = await startTestApp({ dataDir: t.dataDir });
    try {
      const a = client(again);
      // Inside the ledger nothing is left to compare with: the stored checkpoint went with the tail.
      expect((await a.get(actors.auditor, '/audit/verify')).body).toMatchObject({ ok: true, checkpoints: { checked: 0 } });
      const outside = (await a.post(actors.auditor, '/audit/verify', { checkpoints: [kept] })).body;
      expect(outside).toMatchObject({ ok: false, results: [{ ok: false, problem: 'LOG_ENDS_BEFORE_CHECKPOINT' }] });
      // A copy altered to match is refused on its signature.
      const forged = (await a.post(actors.auditor, '/audit/verify', { checkpoints: [{ ...kept, position: String(Number(kept.position) - 3), events: kept.events - 3 }] })).body;
      expect(forged).toMatchObject({ ok: false, results: [{ problem: 'SIGNATURE_INVALID' }] });
      expect((await a.post(actors.auditor, '/audit/verify', { checkpoints: [{ ...kept, globalHash: 'xyz' }] })).status).toBe(400);
    } finally {
      await again.close();
    }
  });

  it('under the 国密 profile (LEDGER_CRYPTO_PROFILE=gm): SM3 chains, SM2 checkpoints, verified the same way', async () => {
    const t = await startTestApp({ env: { LEDGER_CRYPTO_PROFILE: 'gm' } });
    try {
      await someHistory(t);
      const c = client(t);
      const signed = (await c.post(actors.auditor, '/audit/checkpoints', {})).body;
      expect(signed).toMatchObject({ hashAlgorithm: 'sm3', signatureAlgorithm: 'sm2' });
      expect((await c.get(actors.auditor, '/audit/signing-key')).body).toMatchObject({ algorithm: 'sm2', keyId: signed.keyId });
      const events = (await c.get(actors.auditor, '/audit/verify')).body;
      expect(events).toMatchObject({ ok: true, checkpoints: { checked: 1, failures: [] } });
      expect((await c.post(actors.auditor, '/audit/verify', { checkpoints: [signed] })).body).toMatchObject({ ok: true });
      const forged = { ...signed, events: signed.events + 1 };
      expect((await c.post(actors.auditor, '/audit/verify', { checkpoints: [forged] })).body).toMatchObject({ ok: false, results: [{ problem: 'SIGNATURE_INVALID' }] });
    } finally {
      await t.close();
    }
  });
});
