import type { EventStore } from '@sme/event-store';
import type { DocumentCollection, DocumentStore, StoredDocument } from '../document-store/document-store.port';

/** The store as a rebuild that read the log up to `last` saw it (events after it came later). */
export function readingUpTo(events: EventStore, last: number): EventStore {
  return new Proxy(events, {
    get(target, key) {
      if (key === 'readAll') {
        return async (options: Parameters<EventStore['readAll']>[0]) => (await target.readAll(options)).filter((event) => Number(event.position) <= last);
      }
      if (key === 'headPosition') return async () => BigInt(Math.min(Number(await target.headPosition()), last));
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The store, counting the events its reads of the log return (`readAll`, `readStreamsWithPrefix`). */
export function countingEventsRead(events: EventStore): { events: EventStore; read: () => number } {
  let read = 0;
  const counting = new Proxy(events, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      if (key !== 'readAll' && key !== 'readStreamsWithPrefix') return value.bind(target);
      return async (...args: unknown[]) => {
        const page = (await value.apply(target, args)) as unknown[];
        read += page.length;
        return page;
      };
    },
  });
  return { events: counting, read: () => read };
}

type PutMany = DocumentCollection<StoredDocument>['putManyIfNewer'];

/**
 * The document store with each collection's `putManyIfNewer` replaced by what `intercept` makes of it
 * (given the collection's name and its own method); everything else passes through.
 */
export function interceptBulkWrites(docs: DocumentStore, intercept: (collectionName: string, putMany: PutMany) => PutMany): DocumentStore {
  const passThrough = <T extends object>(target: T, key: string | symbol): unknown => {
    const value: unknown = Reflect.get(target, key);
    return typeof value === 'function' ? value.bind(target) : value;
  };
  return new Proxy(docs, {
    get(target, key) {
      if (key !== 'collection') return passThrough(target, key);
      return (collectionName: string) => {
        const collection = target.collection(collectionName);
        const putMany = intercept(collectionName, collection.putManyIfNewer.bind(collection));
        return new Proxy(collection, { get: (inner, innerKey) => (innerKey === 'putManyIfNewer' ? putMany : passThrough(inner, innerKey)) });
      };
    },
  });
}

/** The document store with the writes of documents into one collection held while `hold()` is on; `held` settles when one waits. */
export function holdWrites(docs: DocumentStore, name: string) {
  let gate: Promise<void> | null = null;
  let open = () => {};
  let arrived = () => {};
  let waiting = false;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  const wrapped = interceptBulkWrites(docs, (collectionName, putMany) =>
    collectionName !== name
      ? putMany
      : async (many) => {
          if (gate) {
            waiting = true;
            arrived();
            await gate;
          }
          return putMany(many);
        },
  );
  return {
    docs: wrapped,
    held,
    hold: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release: () => {
      gate = null;
      waiting = false;
      open();
    },
    /** True while a write waits. */
    holding: () => waiting,
  };
}
