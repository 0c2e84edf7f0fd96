import type { EventStore } from '@sme/event-store';
import type { StoredDocument } from '../document-store/document-store.port';
import type { Projection } from '../projector/projection';
import { documentIdOf } from '../projector/projection';

/**
 * A projection's documents as they stood at a past business time, replayed from the events (not
 * from today's documents): every event of the projection's streams whose occurredAt is not later
 * than `asOf`, in log order.
 */
export async function documentsAsOf<V extends StoredDocument>(
  events: EventStore,
  projection: Projection<V>,
  asOf: Date,
  pageSize = 2000,
): Promise<V[]> {
  const limit = asOf.getTime();
  const docs = new Map<string, V>();
  let after: bigint | undefined;
  for (;;) {
    const page = await events.readAll({ after, maxCount: pageSize });
    for (const event of page) {
      const id = documentIdOf(projection as Projection, event);
      if (id === undefined || Date.parse(event.metadata.occurredAt) > limit) continue;
      const next = projection.apply(docs.get(id), event);
      if (next) docs.set(id, next);
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1].position;
  }
  return [...docs.values()];
}
