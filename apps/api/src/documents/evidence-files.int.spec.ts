import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { MongoClient } from 'mongodb';
import { ContentTooLarge, DigestMismatch, FileSystemEvidenceFiles, type EvidenceFiles } from './evidence-files';
import { GridFsEvidenceFiles } from './gridfs-evidence-files';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const from = (bytes: Buffer) => Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]);

interface Adapter {
  files: EvidenceFiles;
  /** Uploads left behind: temporary files or chunks of no finished file. */
  leftovers(): Promise<number>;
  close(): Promise<void>;
}

/** The contract every adapter of the evidence files meets. */
function describeEvidenceFiles(name: string, open: () => Promise<Adapter>) {
  describe(`Evidence files: ${name}`, () => {
    let adapter: Adapter;
    beforeEach(async () => {
      adapter = await open();
    });
    afterEach(() => adapter.close());

    it('stores a file under its digest, once, and opens it whole with its size', async () => {
      const content = randomBytes(300_000);
      const digest = sha256(content);
      expect(await adapter.files.has(digest)).toBe(false);
      expect(await adapter.files.open(digest)).toBeUndefined();
      expect(await adapter.files.put(digest, from(content), 1_000_000)).toBe('stored');
      expect(await adapter.files.has(digest)).toBe(true);
      const opened = (await adapter.files.open(digest))!;
      expect(opened.size).toBe(content.length);
      expect((await buffer(opened.content)).equals(content)).toBe(true);
      expect(await adapter.files.put(digest, from(content), 1_000_000)).toBe('exists');
      expect(await adapter.leftovers()).toBe(0);
    });

    it('refuses content whose digest differs, even for a file it holds, and keeps nothing of it', async () => {
      const content = randomBytes(5000);
      const claimed = sha256(randomBytes(10));
      await expect(adapter.files.put(claimed, from(content), 1_000_000)).rejects.toEqual(new DigestMismatch(sha256(content)));
      expect(await adapter.files.has(claimed)).toBe(false);
      const held = randomBytes(2000);
      await adapter.files.put(sha256(held), from(held), 1_000_000);
      await expect(adapter.files.put(sha256(held), from(content), 1_000_000)).rejects.toBeInstanceOf(DigestMismatch);
      expect((await buffer((await adapter.files.open(sha256(held)))!.content)).equals(held)).toBe(true);
      expect(await adapter.leftovers()).toBe(0);
    });

    it('stops content past the limit, and keeps nothing of it', async () => {
      const content = randomBytes(50_000);
      await expect(adapter.files.put(sha256(content), from(content), 20_000)).rejects.toBeInstanceOf(ContentTooLarge);
      expect(await adapter.files.has(sha256(content))).toBe(false);
      expect(await adapter.leftovers()).toBe(0);
    });
  });
}

describeEvidenceFiles('the file system (embedded)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'evidence-'));
  const parts = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((n, entry) => n + (entry.isDirectory() ? parts(join(dir, entry.name)) : entry.name.endsWith('.part') ? 1 : 0), 0);
  return { files: new FileSystemEvidenceFiles(root), leftovers: async () => parts(root), close: async () => rmSync(root, { recursive: true, force: true }) };
});

describe('Evidence files on the file system, content stopped early', () => {
  // Stopped before its temporary file was even open, the write still creates the file afterwards: the
  // store waits for it to close before removing it. One try in about a hundred hits that moment.
  it('keeps no temporary file however early an upload past the limit is stopped', async () => {
    const root = mkdtempSync(join(tmpdir(), 'evidence-early-'));
    try {
      const files = new FileSystemEvidenceFiles(root);
      for (let attempt = 0; attempt < 300; attempt += 1) {
        const content = randomBytes(50_000);
        await expect(files.put(sha256(content), from(content), 20_000)).rejects.toBeInstanceOf(ContentTooLarge);
      }
      const entries = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? entries(join(dir, entry.name)) : [entry.name]));
      expect(entries(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

const mongodbUrl = process.env.MONGODB_URL?.trim();
if (mongodbUrl) {
  describeEvidenceFiles('GridFS (MONGODB_URL)', async () => {
    const database = `evidence_${randomBytes(4).toString('hex')}`;
    const url = new URL(mongodbUrl);
    url.pathname = `/${database}`;
    const files = await GridFsEvidenceFiles.connect(url.toString());
    const client = await new MongoClient(mongodbUrl).connect();
    const db = client.db(database);
    return {
      files,
      leftovers: async () => {
        const finished = (await db.collection('evidence.files').find({}).toArray()).map((f) => f._id.toString());
        const parts = await db.collection('evidence.files').countDocuments({ filename: /\.part$/ });
        const orphans = (await db.collection('evidence.chunks').find({}, { projection: { files_id: 1 } }).toArray()).filter((c) => !finished.includes(c.files_id.toString())).length;
        return parts + orphans;
      },
      close: async () => {
        await db.dropDatabase();
        await client.close();
        await files.close();
      },
    };
  });
} else {
  describe('Evidence files: GridFS', () => {
    it.skip('runs with MONGODB_URL set (FerretDB or MongoDB)', () => undefined);
  });
}
