import type { EventStore } from '@sme/event-store';
import type { DocumentStore } from '../document-store/document-store.port';

/** The store as a rebuild that read the log up to `last` saw it (events after it came later). */
export function readingUpTo(events: EventStore, last: number): EventStore {
  return new Proxy(events, {
    get(target, key) {
      if (key === 'readAll') {
        return async (options: Parameters<EventStore['readAll']>[0]) => (await target.readAll(options)).filter((event) => Number(event.position) <= last);
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
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
  const bound = <T extends object>(target: T, key: string | symbol): unknown => {
    const value: unknown = Reflect.get(target, key);
    return typeof value === 'function' ? value.bind(target) : value;
  };
  const wrapped = new Proxy(docs, {
    get(target, key) {
      if (key !== 'collection') return bound(target, key);
      return (collectionName: string) => {
        const collection = target.collection(collectionName);
        if (collectionName !== name) return collection;
        return new Proxy(collection, {
          get(inner, innerKey) {
            if (innerKey !== 'putManyIfNewer') return bound(inner, innerKey);
            return async (...args: Parameters<typeof collection.putManyIfNewer>) => {
              if (gate) {
                waiting = true;
                arrived();
                await gate;
              }
              return collection.putManyIfNewer(...args);
            };
          },
        });
      };
    },
  });
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
