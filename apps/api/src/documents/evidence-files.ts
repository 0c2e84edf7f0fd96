import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** The port of the evidence files: content-addressed by SHA-256, written once, never changed. */
export interface EvidenceFiles {
  /** Where the files are, for logs. */
  readonly description: string;
  has(sha256: string): Promise<boolean>;
  /**
   * Stores `content` under `sha256` after hashing it as it arrives: `stored`, or `exists` when the file
   * is there already. Refuses (and keeps nothing) when the content's digest differs or it passes `maxBytes`.
   */
  put(sha256: string, content: Readable, maxBytes: number): Promise<'stored' | 'exists'>;
  /** The file and its size, or undefined. */
  open(sha256: string): Promise<{ content: Readable; size: number } | undefined>;
  /** Lets go of a connection, where the adapter holds one. */
  close?(): Promise<void>;
}

export const EVIDENCE_FILES = Symbol('EVIDENCE_FILES');

export class DigestMismatch extends Error {
  constructor(readonly actual: string) {
    super(`the content's SHA-256 is ${actual}`);
  }
}

export class ContentTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the content is over ${maxBytes} bytes`);
  }
}

/** Counts and hashes what flows through; stops the flow past the limit. */
export class Digesting extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(new ContentTooLarge(this.maxBytes));
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/**
 * The embedded adapter: one file per digest under `root` (`ab/abcdef…`), written to a temporary name
 * beside it and renamed into place once its digest is checked, so a reader never sees a partial file.
 */
export class FileSystemEvidenceFiles implements EvidenceFiles {
  constructor(private readonly root: string) {}

  get description() {
    return `files under ${this.root}`;
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return existsSync(this.pathOf(sha256));
  }

  async put(sha256: string, content: Readable, maxBytes: number): Promise<'stored' | 'exists'> {
    const target = this.pathOf(sha256);
    const exists = existsSync(target);
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.part`;
    const digesting = new Digesting(maxBytes);
    const written = createWriteStream(temporary, { flags: 'wx' });
    try {
      // Read it all even when the file exists: the digest of what was sent is checked either way.
      await pipeline(content, digesting, written);
      const actual = digesting.hash.digest('hex');
      if (actual !== sha256) throw new DigestMismatch(actual);
      if (exists) return 'exists';
      renameSync(temporary, target);
      return 'stored';
    } finally {
      // A stream stopped before its file was open still opens (creates) it, then closes: remove it after that.
      if (!written.closed) await once(written, 'close').catch(() => undefined);
      rmSync(temporary, { force: true });
    }
  }

  async open(sha256: string): Promise<{ content: Readable; size: number } | undefined> {
    const path = this.pathOf(sha256);
    if (!existsSync(path)) return undefined;
    return { content: createReadStream(path), size: statSync(path).size };
  }
}
