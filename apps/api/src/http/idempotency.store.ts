import { createHash, randomUUID } from 'node:crypto';
import type { DocumentCollection, DocumentStore, StoredDocument } from '@sme/read-models';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type Reservation =
  | { state: 'reserved'; held: HeldKey }
  | { state: 'in-progress' }
  | { state: 'completed'; response: StoredResponse }
  | { state: 'mismatch' };

/** One key's document; `_position` counts its versions, so each change is a compare-and-set (putIfNewer). */
interface KeyDocument extends StoredDocument {
  fingerprint: string;
  /** Null while the request runs. */
  status: number | null;
  body: unknown;
  headers: Record<string, string>;
  createdAt: string;
  owner: string;
}

/** A key as this process reserved it: what `complete` needs, without reading the key again. */
export type HeldKey = Readonly<KeyDocument>;

/** The collection of the document store the keys are kept in, beside the read models. */
export const IDEMPOTENCY_COLLECTION = 'idempotency_keys';

/**
 * Remembers the first answer to each (principal, Idempotency-Key) so a retry gets it again and
 * writes nothing. The keys are kept in the document store, so every API process on the same stores
 * (MongoDB in production) gives one answer per key.
 *
 * A key is reserved before the command runs; each change is a compare-and-set on the key's version,
 * so of two processes reserving it at once one wins. A key lives `ttlMs` (then it may be used afresh).
 * A key left in progress by another process (`owner`) — one that crashed mid-request, or one still
 * running it — is taken over by the retry, which runs the command again: its event ids derive from
 * the key, so what the other attempt wrote is not written twice and both answer alike.
 */
export class IdempotencyStore {
  private readonly keys: DocumentCollection<KeyDocument>;
  private indexed = false;

  constructor(
    docs: DocumentStore,
    private readonly options: { ttlMs: number; owner: string } = { ttlMs: 24 * 3600_000, owner: randomUUID() },
  ) {
    this.keys = docs.collection<KeyDocument>(IDEMPOTENCY_COLLECTION);
  }

  async reserve(scope: string, fingerprint: string, now: Date): Promise<Reservation> {
    const _id = idOf(scope);
    const fresh = (version: number): KeyDocument => ({ _id, _position: version, fingerprint, status: null, body: null, headers: {}, createdAt: now.toISOString(), owner: this.options.owner });
    const hold = async (document: KeyDocument): Promise<Reservation | undefined> =>
      (await this.keys.putIfNewer(document)) === 'written' ? { state: 'reserved', held: document } : undefined;
    // Most keys are new: reserve at once, one write; a key already there leaves this write stale.
    const reserved = await hold(fresh(1));
    if (reserved) return reserved;
    for (;;) {
      const found = await this.keys.findOne({ _id });
      // Absent, or expired (the key starts afresh): reserve it, unless another process just did.
      if (!found || now.getTime() - Date.parse(found.createdAt) > this.options.ttlMs) {
        const renewed = await hold(fresh((found?._position ?? 0) + 1));
        if (renewed) return renewed;
        continue;
      }
      if (found.fingerprint !== fingerprint) return { state: 'mismatch' };
      if (found.status === null) {
        if (found.owner === this.options.owner) return { state: 'in-progress' };
        // Another process's: this retry takes it over and runs it again.
        const taken = await hold({ ...found, owner: this.options.owner, _position: found._position + 1 });
        if (taken) return taken;
        continue;
      }
      return { state: 'completed', response: { fingerprint, status: found.status, body: found.body ?? undefined, headers: found.headers } };
    }
  }

  /**
   * Keeps the answer of the request that holds the key: the next version of the key as reserved, so
   * nothing is read again. When another process has taken the key over meanwhile, its version is
   * newer and this write is stale: the answer kept is the one of the attempt that holds the key.
   */
  async complete(held: HeldKey, status: number, body: unknown, headers: Record<string, string>): Promise<void> {
    await this.keys.putIfNewer({ ...held, status, body: body ?? null, headers, _position: held._position + 1 });
  }

  /**
   * Deletes the keys past their time to live (created before `now` − ttl), answers and all, and returns
   * how many. Such a key is already free to be used afresh; deleting it keeps the collection (and the
   * embedded store's copy in memory) to the keys alive. A key renewed meanwhile is newer and stays.
   */
  async sweep(now: Date): Promise<number> {
    if (!this.indexed) {
      await this.keys.ensureIndexes([{ keys: { createdAt: 1 } }]);
      this.indexed = true;
    }
    return this.keys.deleteMany({ createdAt: { $lt: new Date(now.getTime() - this.options.ttlMs).toISOString() } });
  }

  /** Forgets a key still in progress (its request failed with a server fault): a retry runs it for real. */
  async release(scope: string): Promise<void> {
    const _id = idOf(scope);
    const found = await this.keys.findOne({ _id });
    if (found && found.status === null && found.owner === this.options.owner) await this.keys.delete(_id);
  }
}

/** A key's document id: the scope holds NUL separators, which some stores refuse in an id. */
const idOf = (scope: string) => createHash('sha256').update(scope).digest('hex');
