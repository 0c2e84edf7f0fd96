import { ERASED } from '@sme/domain/shared/personal';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamsWithPrefixOptions,
  ReadStreamOptions,
  RecordedAppend,
  RecordedEvent,
  StreamAnchor,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import { deepFreeze } from '../deep-freeze';
import { readStreamAfter } from '../read-stream-after';
import type { DataKeys } from './data-keys';
import { FieldCipher, isSealed, keyIdOf, type DataKey } from './field-cipher';

/** How many values just sealed a ProtectedEventStore remembers for its subscriptions at most. */
export const JUST_SEALED_KEPT = 10_000;

/** An append's events sealed, the values sealed in each (by path), the ciphertexts made for each, and the key store's `erasures()` then. */
type Sealing = { sealed: EventToAppend[]; plain: Map<string, string>[]; ciphertexts: string[][]; erasures: string };

/** The personal fields an event of a type on a stream holds: dot paths, `*` for each array item. */
export type PersonalFields = (streamId: string, type: string) => readonly string[];

/** A personal field's dot path cut into its steps, kept: the paths are a fixed catalogue. */
const stepsOfPath = new Map<string, readonly string[]>();
function stepsOf(path: string): readonly string[] {
  let steps = stepsOfPath.get(path);
  if (steps === undefined) {
    steps = path.split('.');
    stepsOfPath.set(path, steps);
  }
  return steps;
}

/**
 * Each string at `steps` (from `depth` on) in `data`, with its concrete path (array indices filled
 * in), added to `found`. `at` holds the path walked so far; it is copied only for a string found.
 */
function stringsAt(data: unknown, steps: readonly string[], depth: number, at: string[], found: { path: string[]; value: string }[]): void {
  if (data === null || typeof data !== 'object') return;
  const step = steps[depth];
  const last = depth === steps.length - 1;
  const holder = data as Record<string | number, unknown>;
  const visit = (key: string | number) => {
    const value = holder[key];
    at.push(String(key));
    if (!last) stringsAt(value, steps, depth + 1, at, found);
    else if (typeof value === 'string') found.push({ path: [...at], value });
    at.pop();
  };
  if (step !== '*') visit(step);
  else if (Array.isArray(data)) for (let index = 0; index < data.length; index += 1) visit(index);
}

/**
 * The event store as the ledger's code sees it, over the store as kept: personal fields are sealed
 * (encrypted per data subject) on the way in, so the hash chain, every copy and every Kafka message
 * hold only ciphertext; they are opened on the way out, and read as 已删除 once the subject's key is
 * erased. Values recorded before (plaintext) are read as they are.
 */
export class ProtectedEventStore implements EventStore {
  /**
   * Events as opened for the subscriptions, each with the key store's `erasures()` when it was opened; for
   * one an append opened, also the ciphertexts it sealed, given up from `justSealed` when a subscription takes it.
   */
  private readonly openedForSubscriptions = new WeakMap<RecordedEvent, { opened: Promise<RecordedEvent>; erasures: string; sealed?: string[] }>();
  /**
   * What each ciphertext this process has just sealed stands for, and the key store's `erasures()` then:
   * a subscription delivering its own appends opens them from it, with no key looked up. A ciphertext is
   * unique (a fresh IV each), so it names exactly one sealed value. Each entry goes when it is used, when
   * its append fails, or when JUST_SEALED_KEPT newer ones came after it.
   */
  private readonly justSealed = new Map<string, { plain: string; erasures: string }>();

  /** The kept store's `readStreamsWithPrefix`, opened; absent when the kept store has none. */
  readonly readStreamsWithPrefix?: (prefix: string, options: ReadStreamsWithPrefixOptions) => Promise<RecordedEvent[]>;

  constructor(
    /** The store as kept: what the hash chain covers, and what the relay publishes. */
    readonly kept: EventStore,
    private readonly personalFields: PersonalFields,
    private readonly keys: DataKeys,
    private readonly cipher: FieldCipher,
  ) {
    const read = kept.readStreamsWithPrefix?.bind(kept);
    if (read) this.readStreamsWithPrefix = async (prefix, options) => this.open(await read(prefix, options));
  }

  get hashAlgorithm() {
    return this.kept.hashAlgorithm;
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const { sealed, ciphertexts } = await this.seal(streamId, events);
    try {
      return await this.kept.append(streamId, sealed, expected);
    } catch (error) {
      for (const ciphertext of ciphertexts.flat()) this.justSealed.delete(ciphertext);
      throw error;
    }
  }

  /**
   * The events as stored, opened: each field this append sealed is given back the value it sealed
   * (no key to look up, nothing to decrypt); a field sealed before it came (a copied ciphertext) is opened.
   */
  async appendRecorded(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<RecordedAppend> {
    const { sealed, plain, ciphertexts, erasures } = await this.seal(streamId, events);
    try {
      if (!this.kept.appendRecorded) return { ...(await this.kept.append(streamId, sealed, expected)), events: undefined };
      const result = await this.kept.appendRecorded(streamId, sealed, expected);
      if (!result.events) return { ...result, events: undefined };
      const opened = await this.open(result.events, plain);
      this.offerToSubscriptions(result.events, opened, erasures, ciphertexts);
      return { ...result, events: opened };
    } catch (error) {
      for (const ciphertext of ciphertexts.flat()) this.justSealed.delete(ciphertext);
      throw error;
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.open(await this.kept.readStream(streamId, options));
  }

  async readStreamAfter(streamId: string, anchor: StreamAnchor): Promise<RecordedEvent[] | undefined> {
    const events = await readStreamAfter(this.kept, streamId, anchor);
    return events && this.open(events);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.open(await this.kept.readAll(options));
  }

  headPosition(): Promise<bigint> {
    return this.kept.headPosition();
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    const inner = this.kept.subscribeToAll(options);
    const events = inner[Symbol.asyncIterator]();
    const open = (event: RecordedEvent) => (this.personalFields(event.streamId, event.type).length === 0 ? event : this.openShared(event));
    // A plain iterator over the inner one, not an async generator: an event without personal fields
    // passes through as it came.
    const iterator: AsyncIterator<RecordedEvent> = {
      next: async () => {
        const result = await events.next();
        return result.done ? result : { done: false, value: await open(result.value) };
      },
      return: async (value?: unknown) => (events.return ? events.return(value) : { done: true, value: undefined }),
    };
    const readUpTo = inner.readUpTo?.bind(inner);
    return { stop: () => inner.stop(), ...(readUpTo ? { readUpTo } : {}), [Symbol.asyncIterator]: () => iterator };
  }

  close(): Promise<void> {
    return this.kept.close();
  }

  /** The data subjects a record's personal fields belong to (`<streamId>#<path of the object naming them>`). */
  subjectsOf(streamId: string): Promise<string[]> {
    return this.keys.subjectsOf(streamId);
  }

  /**
   * The events an append has just opened for its caller, offered (frozen) to the subscriptions handed the same
   * stored events (the embedded store hands them what it has just written), so they need not walk and copy each
   * again. One a subscription has already opened (it was woken by the append itself) keeps that opening.
   */
  private offerToSubscriptions(stored: readonly RecordedEvent[], opened: readonly RecordedEvent[], erasures: string, sealed: string[][]): void {
    stored.forEach((event, index) => {
      if (opened[index] === event || this.openedForSubscriptions.has(event)) return;
      this.openedForSubscriptions.set(event, { opened: Promise.resolve(deepFreeze(opened[index])), erasures, sealed: sealed[index] });
    });
  }

  /** The values this process has just sealed into the event's fields, by path (taken: each is used once), while no key may have been erased since. */
  private justSealedIn(event: RecordedEvent, erasures: string): Map<string, string> {
    const found = new Map<string, string>();
    if (this.justSealed.size === 0) return found;
    for (const { path, value } of this.leavesOf(event.streamId, event.type, event.data)) {
      const sealed = this.justSealed.get(value);
      if (sealed === undefined) continue;
      this.justSealed.delete(value);
      if (sealed.erasures === erasures) found.set(path.join('.'), sealed.plain);
    }
    return found;
  }

  /** The events with their personal fields sealed, and what `Sealing` says; each ciphertext is remembered with its value (`justSealed`). */
  private async seal(streamId: string, events: readonly EventToAppend[]): Promise<Sealing> {
    const erasures = this.keys.erasures();
    const found = events.map((event) => ({ event, leaves: this.leavesOf(streamId, event.type, event.data).filter(({ value }) => !isSealed(value)) }));
    const plain = found.map(({ leaves }) => new Map(leaves.map(({ path, value }) => [path.join('.'), value])));
    const subjectOf = (path: readonly string[]) => `${streamId}#${path.slice(0, -1).join('.')}`;
    const subjects = found.flatMap(({ leaves }) => leaves.map(({ path }) => subjectOf(path)));
    const ciphertexts: string[][] = events.map(() => []);
    if (subjects.length === 0) return { sealed: [...events], plain, ciphertexts, erasures };
    const keys = await this.keys.currentKeys(subjects, () => this.cipher.newKey());
    const sealOne = (index: number, path: readonly string[], value: string) => {
      const ciphertext = this.cipher.seal(value, keys.get(subjectOf(path))!);
      ciphertexts[index].push(ciphertext);
      this.justSealed.set(ciphertext, { plain: value, erasures });
      return { path, value: ciphertext };
    };
    const sealed = found.map(({ event, leaves }, index) =>
      leaves.length === 0 ? event : { ...event, data: replaced(event.data, leaves.map(({ path, value }) => sealOne(index, path, value))) },
    );
    for (const oldest of this.justSealed.keys()) {
      if (this.justSealed.size <= JUST_SEALED_KEPT) break;
      this.justSealed.delete(oldest);
    }
    return { sealed, plain, ciphertexts, erasures };
  }

  /**
   * An event a subscription delivers, opened once for every subscription that is handed the same stored
   * event (the embedded store shares its pages and what it has just written among its subscriptions),
   * and opened again once a key may have been erased since.
   */
  private openShared(event: RecordedEvent): Promise<RecordedEvent> {
    const erasures = this.keys.erasures();
    const known = this.openedForSubscriptions.get(event);
    if (known?.sealed) {
      // The values this append sealed are in the opening (or, after an erasure, to be opened with their keys).
      for (const ciphertext of known.sealed) this.justSealed.delete(ciphertext);
      known.sealed = undefined;
    }
    if (known !== undefined && known.erasures === erasures) return known.opened;
    // Shared by every subscription handed the event, so frozen, as the stored events are.
    const opened = this.open([event], [this.justSealedIn(event, erasures)]).then(([one]) => deepFreeze(one));
    this.openedForSubscriptions.set(event, { opened, erasures });
    opened.catch(() => this.openedForSubscriptions.delete(event));
    return opened;
  }

  /** The events with their sealed fields opened (已删除 where the key is erased); `known[i]`: values of event i's fields already in the clear, by path. */
  private async open(events: RecordedEvent[], known: readonly Map<string, string>[] = []): Promise<RecordedEvent[]> {
    const sealedIn = events.map((event) => this.leavesOf(event.streamId, event.type, event.data).filter(({ value }) => isSealed(value)));
    const ids = sealedIn.flatMap((leaves, index) => leaves.filter(({ path }) => !known[index]?.has(path.join('.'))).map(({ value }) => keyIdOf(value)));
    if (sealedIn.every((leaves) => leaves.length === 0)) return events;
    const keys = ids.length === 0 ? new Map<string, DataKey>() : await this.keys.keysById(ids);
    return events.map((event, index) => {
      const leaves = sealedIn[index];
      if (leaves.length === 0) return event;
      const opened = leaves.map(({ path, value }) => {
        const plain = known[index]?.get(path.join('.'));
        if (plain !== undefined) return { path, value: plain };
        const key = keys.get(keyIdOf(value));
        return { path, value: (key && this.cipher.open(value, key)) ?? ERASED };
      });
      return { ...event, data: replaced(event.data, opened) };
    });
  }

  /** The personal strings of an event's data, each with its concrete path; none for a type without personal fields. */
  private leavesOf(streamId: string, type: string, data: Record<string, unknown>): { path: string[]; value: string }[] {
    const paths = this.personalFields(streamId, type);
    if (paths.length === 0) return [];
    const found: { path: string[]; value: string }[] = [];
    for (const path of paths) stringsAt(data, stepsOf(path), 0, [], found);
    return found;
  }
}

/**
 * The data with the strings at `paths` replaced, copying only the objects and arrays on their way
 * (copy-on-write): the data read from the store is never changed, and the rest is shared.
 */
function replaced(data: Record<string, unknown>, changes: readonly { path: readonly string[]; value: string }[]): Record<string, unknown> {
  const copies = new Set<unknown>();
  const copy = <T>(node: T): T => {
    const fresh = (Array.isArray(node) ? [...node] : { ...(node as object) }) as T;
    copies.add(fresh);
    return fresh;
  };
  const root = copy(data);
  for (const { path, value } of changes) {
    let node = root as Record<string, unknown>;
    for (const step of path.slice(0, -1)) {
      let child = node[step];
      if (!copies.has(child)) {
        child = copy(child);
        node[step] = child;
      }
      node = child as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return root;
}
