import type { DocumentCollection, DocumentStore, StoredDocument } from './document-store.port';

interface LeaseDocument extends StoredDocument {
  holder: string;
  /** Milliseconds since the epoch after which another may take the lease. */
  expiresAt: number;
}

/** The collection leases are kept in, beside the read models. */
export const LEASE_COLLECTION = 'leases';

/**
 * A lease in the document store: of all the processes sharing the store, one holds it at a time, for
 * `ttlMs` after it last took or renewed it. Taking and renewing are a compare-and-set on the lease's
 * version (`_position`, putIfNewer), so two processes never both succeed. A holder that stops renewing
 * (a crash) loses it once it expires; one that stops cleanly gives it up at once.
 */
export class Lease {
  private readonly leases: DocumentCollection<LeaseDocument>;

  constructor(
    docs: DocumentStore,
    readonly name: string,
    readonly holder: string,
    private readonly ttlMs: number,
  ) {
    this.leases = docs.collection<LeaseDocument>(LEASE_COLLECTION);
  }

  /** Takes or renews the lease at `now`: true when this holder has it until now + ttl. */
  async acquire(now: number): Promise<boolean> {
    const found = await this.leases.findOne({ _id: this.name });
    if (found && found.holder !== this.holder && found.expiresAt > now) return false;
    const outcome = await this.leases.putIfNewer({ _id: this.name, _position: (found?._position ?? 0) + 1, holder: this.holder, expiresAt: now + this.ttlMs });
    return outcome === 'written';
  }

  /** Gives the lease up, if this holder has it, so another may take it without waiting for it to expire. */
  async release(): Promise<void> {
    const found = await this.leases.findOne({ _id: this.name });
    if (found?.holder === this.holder) await this.leases.putIfNewer({ ...found, _position: found._position + 1, expiresAt: 0 });
  }
}
