import { streamPrefixOf, type RecordKind } from '@sme/domain/shared/record-kind';
import type { RecordedEvent } from '@sme/event-store';
import type { IndexSpec, StoredDocument } from '../document-store/document-store.port';

/**
 * A projection: a pure function from a record's events to one stored document per record.
 * `version` is the code version: change it whenever `apply` changes what it produces, and the
 * projection is rebuilt (blue-green) at the next start.
 */
export interface Projection<V extends StoredDocument = StoredDocument> {
  name: string;
  version: number;
  /** Events of streams starting with this prefix feed the projection; the id after it is the document id. */
  streamPrefix: string;
  apply(view: V | undefined, event: RecordedEvent): V | undefined;
  /** The indexes its queries need, created when its collection is. */
  indexes: readonly IndexSpec[];
}

/** A projection of one record kind's streams, one document per record: `project` folds the record's events. */
export function kindProjection<V>(definition: {
  name: string;
  version: number;
  kind: Pick<RecordKind, 'streamId'>;
  project: (view: V | undefined, event: RecordedEvent) => V | undefined;
  indexes: readonly IndexSpec[];
}): Projection<V & StoredDocument> {
  const { name, version, kind, project, indexes } = definition;
  return { name, version, streamPrefix: streamPrefixOf(kind), apply: (view, event) => project(view, event) as (V & StoredDocument) | undefined, indexes };
}

export function documentIdOf(projection: Projection, event: RecordedEvent): string | undefined {
  return event.streamId.startsWith(projection.streamPrefix) ? event.streamId.slice(projection.streamPrefix.length) : undefined;
}

/**
 * One event delivered to one record's stored document, as the projector applies it. An event at or
 * below the position the document already holds is a redelivery and changes nothing; so does an event
 * the projection makes nothing of.
 */
export function applyOnce<V extends StoredDocument>(projection: Projection<V>, doc: V | undefined, event: RecordedEvent): V | undefined {
  if (doc && doc._position >= Number(event.position)) return doc;
  return projection.apply(doc, event) ?? doc;
}

/** A record's document from those of its own events (in stream order) that `keep` takes, applied as the projector applies them. */
export function foldRecord<V extends StoredDocument>(projection: Projection<V>, events: readonly RecordedEvent[], keep: (event: RecordedEvent) => boolean): V | undefined {
  let doc: V | undefined;
  for (const event of events) if (keep(event)) doc = applyOnce(projection, doc, event);
  return doc;
}
