import { randomUUID } from 'node:crypto';
import type { DataKey } from './field-cipher';

/**
 * The key store of personal data, apart from the events: one key per data subject (a person named in
 * a record, `<streamId>#<path of the object naming them>`) at a time. Deleting a subject's keys erases
 * their data wherever its ciphertext lies — the store, a copy, a Kafka topic.
 */
export interface DataKeys {
  /** Each subject's current key, made when it has none (also after an erasure: new data, a new key). */
  currentKeys(subjects: readonly string[], newKey: () => Buffer): Promise<Map<string, DataKey>>;
  /** The keys still held, by key id; an erased or unknown id is absent. */
  keysById(ids: readonly string[]): Promise<Map<string, DataKey>>;
  /** The subjects that have (or had) keys, of one record (`<streamId>#…`). */
  subjectsOf(streamId: string): Promise<string[]>;
  /** The subjects of one record whose keys were erased (and have none since). */
  erasedOf(streamId: string): Promise<string[]>;
  /** Deletes every key of these subjects; returns the subjects that had one. */
  erase(subjects: readonly string[], at: Date): Promise<string[]>;
  /**
   * Changes whenever a key may have been erased since it was last asked: by this process, or by another
   * sharing the store. A value opened while it stays the same is still readable.
   */
  erasures(): string;
  close(): Promise<void>;
}

export const DATA_KEYS = Symbol('DATA_KEYS');

/** Keys in memory: for tests, and a ledger that keeps no personal data across restarts. */
export class InMemoryDataKeys implements DataKeys {
  private readonly keys = new Map<string, DataKey & { subject: string }>();
  private readonly current = new Map<string, string>();
  private readonly erased = new Set<string>();
  private erasing = 0;

  async currentKeys(subjects: readonly string[], newKey: () => Buffer): Promise<Map<string, DataKey>> {
    const found = new Map<string, DataKey>();
    for (const subject of subjects) {
      let id = this.current.get(subject);
      if (id === undefined) {
        id = randomUUID().replace(/-/g, '');
        this.keys.set(id, { id, key: newKey(), subject });
        this.current.set(subject, id);
      }
      const { key } = this.keys.get(id)!;
      found.set(subject, { id, key });
    }
    return found;
  }

  async keysById(ids: readonly string[]): Promise<Map<string, DataKey>> {
    const found = new Map<string, DataKey>();
    for (const id of ids) {
      const held = this.keys.get(id);
      if (held) found.set(id, { id, key: held.key });
    }
    return found;
  }

  async subjectsOf(streamId: string): Promise<string[]> {
    return [...new Set([...[...this.keys.values()].map((k) => k.subject), ...this.erased].filter((s) => s.startsWith(`${streamId}#`)))].sort();
  }

  async erasedOf(streamId: string): Promise<string[]> {
    return [...this.erased].filter((s) => s.startsWith(`${streamId}#`) && !this.current.has(s)).sort();
  }

  erasures(): string {
    return String(this.erasing);
  }

  async erase(subjects: readonly string[]): Promise<string[]> {
    this.erasing += 1;
    const erased = new Set<string>();
    for (const [id, held] of this.keys) {
      if (subjects.includes(held.subject)) {
        this.keys.delete(id);
        erased.add(held.subject);
      }
    }
    for (const subject of subjects) this.current.delete(subject);
    for (const subject of erased) this.erased.add(subject);
    return [...erased].sort();
  }

  async close(): Promise<void> {}
}
