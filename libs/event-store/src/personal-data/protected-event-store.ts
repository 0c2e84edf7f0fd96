import { ERASED } from '@sme/domain/shared/personal';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedAppend,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import type { DataKeys } from './data-keys';
import { FieldCipher, isSealed, keyIdOf } from './field-cipher';

/** The personal fields an event of a type on a stream holds: dot paths, `*` for each array item. */
export type PersonalFields = (streamId: string, type: string) => readonly string[];

type Json = Record<string, unknown> | unknown[];

/** A copy of event data (JSON through and through), made of plain objects of this realm. */
const jsonCopy = (data: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(data)) as Record<string, unknown>;

/** Each string at `path` in `data` with its concrete path (array indices filled in). */
function* leavesAt(data: unknown, path: readonly string[], at: string[] = []): Generator<{ holder: Json; key: string | number; path: string[] }> {
  if (data === null || typeof data !== 'object') return;
  const [head, ...rest] = path;
  const holder = data as Json;
  const keys: (string | number)[] = head === '*' ? (Array.isArray(holder) ? holder.map((_, i) => i) : []) : [head];
  for (const key of keys) {
    const value = (holder as Record<string | number, unknown>)[key];
    if (rest.length > 0) yield* leavesAt(value, rest, [...at, String(key)]);
    else if (typeof value === 'string') yield { holder, key, path: [...at, String(key)] };
  }
}

/**
 * The event store as the ledger's code sees it, over the store as kept: personal fields are sealed
 * (encrypted per data subject) on the way in, so the hash chain, every copy and every Kafka message
 * hold only ciphertext; they are opened on the way out, and read as 已删除 once the subject's key is
 * erased. Values recorded before (plaintext) are read as they are.
 */
export class ProtectedEventStore implements EventStore {
  constructor(
    /** The store as kept: what the hash chain covers, and what the relay publishes. */
    readonly kept: EventStore,
    private readonly personalFields: PersonalFields,
    private readonly keys: DataKeys,
    private readonly cipher: FieldCipher,
  ) {}

  get hashAlgorithm() {
    return this.kept.hashAlgorithm;
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.kept.append(streamId, await this.seal(streamId, events), expected);
  }

  async appendRecorded(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<RecordedAppend> {
    const sealed = await this.seal(streamId, events);
    if (!this.kept.appendRecorded) return { ...(await this.kept.append(streamId, sealed, expected)), events: undefined };
    const result = await this.kept.appendRecorded(streamId, sealed, expected);
    return { ...result, events: result.events && (await this.open(result.events)) };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.open(await this.kept.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.open(await this.kept.readAll(options));
  }

  headPosition(): Promise<bigint> {
    return this.kept.headPosition();
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    const inner = this.kept.subscribeToAll(options);
    const open = (event: RecordedEvent) => this.open([event]).then(([opened]) => opened);
    return {
      stop: () => inner.stop(),
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield await open(event);
      },
    };
  }

  close(): Promise<void> {
    return this.kept.close();
  }

  /** The data subjects a record's personal fields belong to (`<streamId>#<path of the object naming them>`). */
  subjectsOf(streamId: string): Promise<string[]> {
    return this.keys.subjectsOf(streamId);
  }

  private async seal(streamId: string, events: readonly EventToAppend[]): Promise<EventToAppend[]> {
    const found = events.map((event) => {
      const data = jsonCopy(event.data);
      const leaves = this.personalFields(streamId, event.type).flatMap((path) => [...leavesAt(data, path.split('.'))]);
      return { event, data, leaves: leaves.filter(({ holder, key }) => !isSealed((holder as Record<string | number, unknown>)[key])) };
    });
    const subjectOf = (path: string[]) => `${streamId}#${path.slice(0, -1).join('.')}`;
    const subjects = found.flatMap(({ leaves }) => leaves.map(({ path }) => subjectOf(path)));
    if (subjects.length === 0) return [...events];
    const keys = await this.keys.currentKeys(subjects, () => this.cipher.newKey());
    return found.map(({ event, data, leaves }) => {
      if (leaves.length === 0) return event;
      for (const { holder, key, path } of leaves) {
        const record = holder as Record<string | number, unknown>;
        record[key] = this.cipher.seal(record[key] as string, keys.get(subjectOf(path))!);
      }
      return { ...event, data };
    });
  }

  private async open(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const sealedIn = events.map((event) => {
      const leaves = this.personalFields(event.streamId, event.type).flatMap((path) => [...leavesAt(event.data, path.split('.'))]);
      return leaves.filter(({ holder, key }) => isSealed((holder as Record<string | number, unknown>)[key]));
    });
    const ids = sealedIn.flatMap((leaves) => leaves.map(({ holder, key }) => keyIdOf((holder as Record<string | number, unknown>)[key] as string)));
    if (ids.length === 0) return events;
    const keys = await this.keys.keysById(ids);
    return events.map((event, index) => {
      if (sealedIn[index].length === 0) return event;
      const data = jsonCopy(event.data);
      for (const { path } of sealedIn[index]) {
        const holder = path.slice(0, -1).reduce<unknown>((at, step) => (at as Record<string, unknown>)[step], data) as Record<string, unknown>;
        const sealed = holder[path[path.length - 1]] as string;
        const key = keys.get(keyIdOf(sealed));
        holder[path[path.length - 1]] = (key && this.cipher.open(sealed, key)) ?? ERASED;
      }
      return { ...event, data };
    });
  }
}
