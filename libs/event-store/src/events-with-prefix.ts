import type { EventStore, RecordedEvent } from './event-store.port';

/**
 * The events of the streams whose id starts with `prefix`, at or before `upTo`, page by page (at most
 * `pageSize` each): each stream's events in revision order, the streams in no promised order. From the
 * store's own `readStreamsWithPrefix` when it has one (stream after stream); else from `readAll` with
 * `streamPrefix` (global order), up to `upTo`.
 */
export async function* eventsWithPrefix(store: EventStore, prefix: string, upTo: bigint, pageSize: number): AsyncGenerator<RecordedEvent[]> {
  if (store.readStreamsWithPrefix) {
    let after: { streamId: string; revision: bigint } | undefined;
    for (;;) {
      const page = await store.readStreamsWithPrefix(prefix, { upTo, after, maxCount: pageSize });
      if (page.length === 0) return;
      yield page;
      const last = page[page.length - 1];
      after = { streamId: last.streamId, revision: last.revision };
    }
  }
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize, streamPrefix: prefix });
    const upToHere = page.filter((event) => event.position <= upTo);
    if (upToHere.length > 0) yield upToHere;
    if (page.length === 0 || upToHere.length < page.length) return;
    after = page[page.length - 1].position;
  }
}
