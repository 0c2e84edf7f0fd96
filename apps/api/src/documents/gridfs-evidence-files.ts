import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GridFSBucket, MongoClient, type Db } from 'mongodb';
import { DEFAULT_DATABASE_NAME, databaseNameFromUrl } from '@sme/read-models/document-store/mongo-document-store';
import { DigestMismatch, Digesting, type EvidenceFiles } from './evidence-files';

/**
 * The MongoDB adapter: the files in a GridFS bucket (`evidence`) of the database MONGODB_URL names,
 * so every API process sees the same files. A file is uploaded under a temporary name and renamed to
 * its digest once the digest is checked, so a reader never finds a partial or false file by its digest.
 */
export class GridFsEvidenceFiles implements EvidenceFiles {
  private readonly bucket: GridFSBucket;

  private constructor(
    private readonly db: Db,
    private readonly client: MongoClient,
  ) {
    this.bucket = new GridFSBucket(db, { bucketName: 'evidence' });
  }

  static async connect(url: string): Promise<GridFsEvidenceFiles> {
    const client = new MongoClient(url);
    await client.connect();
    return new GridFsEvidenceFiles(client.db(databaseNameFromUrl(url) ?? DEFAULT_DATABASE_NAME), client);
  }

  get description() {
    return `the GridFS bucket evidence of ${this.db.databaseName}`;
  }

  private async find(sha256: string) {
    const [file] = await this.bucket.find({ filename: sha256 }, { limit: 1 }).toArray();
    return file;
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.find(sha256)) !== undefined;
  }

  async put(sha256: string, content: Readable, maxBytes: number): Promise<'stored' | 'exists'> {
    const exists = await this.has(sha256);
    const digesting = new Digesting(maxBytes);
    const upload = this.bucket.openUploadStream(`${sha256}.${randomUUID()}.part`);
    try {
      // Read it all even when the file exists: the digest of what was sent is checked either way.
      await pipeline(content, digesting, upload);
      const actual = digesting.hash.digest('hex');
      if (actual !== sha256) throw new DigestMismatch(actual);
      if (exists) {
        await this.bucket.delete(upload.id);
        return 'exists';
      }
      await this.bucket.rename(upload.id, sha256);
      return 'stored';
    } catch (error) {
      // Unfinished: abort drops the chunks written so far; finished (a false digest): delete the file.
      if (upload.writableFinished) await this.bucket.delete(upload.id).catch(() => undefined);
      else await upload.abort().catch(() => undefined);
      throw error;
    }
  }

  async open(sha256: string): Promise<{ content: Readable; size: number } | undefined> {
    const file = await this.find(sha256);
    if (!file) return undefined;
    return { content: this.bucket.openDownloadStream(file._id), size: file.length };
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
