import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '@sme/domain';
import { actors, client, form, openCall, operator } from './support/station-lifecycle';
import { startTestApp, type TestApp } from './support/test-app';

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const haizhu: Actor = { id: 'haizhu-1', role: 'DISTRICT_AUTHORITY', orgId: 'HAIZHU', regionCode: '440105' };

async function put(t: TestApp, actor: Actor, digest: string, content: Buffer | string) {
  return t.http
    .put(`/documents/${digest}`)
    .set('Authorization', `Bearer ${await t.token(actor)}`)
    .set('Content-Type', 'application/octet-stream')
    .send(Buffer.from(content));
}

const mongodbUrl = process.env.MONGODB_URL?.trim();
/** The files under DATA_DIR, and (with MONGODB_URL: FerretDB in CI) in a GridFS bucket. */
const ownDatabase = (url: string) => Object.assign(new URL(url), { pathname: `/e2e_documents_${randomBytes(4).toString('hex')}` }).toString();
const STORES: [string, NodeJS.ProcessEnv][] = [['files under DATA_DIR', {}], ...(mongodbUrl ? [['GridFS', { EVIDENCE_FILES: 'gridfs', MONGODB_URL: ownDatabase(mongodbUrl) }] as [string, NodeJS.ProcessEnv]] : [])];

describe.each(STORES)('Evidence files (证明材料) in %s: uploaded by digest, opened under the record’s read rule', (_store, env) => {
  let t: TestApp;
  let applicationId: string;
  const op = operator(7);
  // The test form's materials are the digests of `<kind><seed>`: their content is that text.
  const formFile = 'APPLICATION_FORM7';
  beforeAll(async () => {
    t = await startTestApp({ env: { DOCUMENT_LIMIT: '1kb', ...env } });
    const callId = await openCall(t);
    const res = await client(t).post(op, '/applications', { callId, form: form(7), occurredAt: '2019-06-03T10:00:00+08:00' });
    expect(res.status).toBe(201);
    applicationId = res.body.id;
  });
  afterAll(() => t.close());

  it('stores a file whose content has the digest, once; refuses another content, a file over the limit and a reader’s upload', async () => {
    expect((await put(t, op, sha(formFile), formFile)).status).toBe(201);
    expect((await put(t, op, sha(formFile), formFile)).body).toEqual({ sha256: sha(formFile), stored: false });
    const wrong = await put(t, op, sha(formFile), 'something else');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'DIGEST_MISMATCH', errors: [{ field: 'sha256', rule: 'digest' }] });
    const big = Buffer.alloc(2048, 1);
    expect((await put(t, op, sha(big), big)).status).toBe(413);
    expect((await put(t, actors.auditor, sha('x'), 'x')).status).toBe(403);
    expect((await put(t, op, 'not-a-digest', 'x')).status).toBe(400);
  });

  it('opens a material for whoever may read the application, and for nobody else', async () => {
    const c = client(t);
    const path = `/documents/${sha(formFile)}?record=application-${applicationId}`;
    const opened = await c.download(actors.tianhe, path);
    expect(opened.status).toBe(200);
    expect(Buffer.from(opened.body).toString()).toBe(formFile);
    expect(opened.headers['content-disposition']).toBe("attachment; filename*=UTF-8''APPLICATION_FORM.pdf");
    expect((await c.download(op, path)).status).toBe(200);
    expect((await c.download(haizhu, path)).status).toBe(403);
    expect((await c.download(actors.tianhe, `/documents/${sha('unrelated')}?record=application-${applicationId}`)).body.toString()).toContain('DOCUMENT_NOT_IN_RECORD');
    const notUploaded = await c.download(actors.tianhe, `/documents/${sha('VENUE_PROOF7')}?record=application-${applicationId}`);
    expect(notUploaded.status).toBe(404);
    expect(notUploaded.body.toString()).toContain('DOCUMENT_FILE_MISSING');
    expect((await c.download(actors.tianhe, `/documents/${sha(formFile)}?record=call-${applicationId}`)).status).toBe(400);
    expect((await c.download(actors.tianhe, `/documents/${sha(formFile)}?record=application-00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('tells auditors which of the ledger’s documents have no file', async () => {
    const report = (await client(t).get(actors.auditor, '/audit/documents')).body as { referenced: number; stored: number; missing: { sha256: string; fileName: string }[] };
    expect(report.referenced).toBe(6);
    expect(report.stored).toBe(1);
    expect(report.missing.map((m) => m.sha256)).not.toContain(sha(formFile));
    expect(report.missing.map((m) => m.fileName)).toContain('VENUE_PROOF.pdf');
  });
});
