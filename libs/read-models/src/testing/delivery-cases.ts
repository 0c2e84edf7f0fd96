import type { RecordKind } from '@sme/domain/shared/record-kind';
import type { RecordedEvent } from '@sme/event-store';
import type { StoredDocument } from '../document-store/document-store.port';
import { documentIdOf, type Projection } from '../projector/projection';
import { givenEvents, type EventLog } from './projection-gwt';

/** Another record of the kind under test: an id every kind's decider takes (a UUID) and no spec gives its own record. */
const ANOTHER_RECORD_ID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

/** How to write one record's history and its first two events, and where the events from elsewhere a view must not take for its own come from. */
export interface DeliveryCases<R extends { log: EventLog }> {
  /** A record's history: `of()` the record under test, `of(id, log)` another of its kind in the same log. */
  of(id?: string, log?: EventLog): R;
  /** The record's first two events, written in turn. */
  firstTwo(record: R): [RecordedEvent, RecordedEvent];
  /** Why redelivering `second` must change nothing, when there is more to say. */
  againBecause?: string;
  /** What replaying `first` over the view must not undo. */
  olderBecause: string;
  /** Another record kind, on whose stream under the same record id `second` is written again. */
  anotherKind: Pick<RecordKind, 'streamId'>;
}

/**
 * The cases every projection answers the same way, whatever its view: redelivery, replay of an older
 * event, events of other records and other kinds, and an unknown event type. Each stays its own test;
 * the record's history is written inside the block, so it is the block's own. Another record's event is
 * its first; the other kind's event is `second` itself on that kind's stream, a type the projection
 * handles: only the stream tells it apart.
 */
export function describeDelivery<V extends StoredDocument, R extends { log: EventLog }>(projection: Projection<V>, cases: DeliveryCases<R>): void {
  describe('delivery', () => {
    const subject = cases.of();
    const { log } = subject;
    const [first, second] = cases.firstTwo(subject);
    /** The kind's name, as the stream prefix has it: 'station'. */
    const record = projection.streamPrefix.replace(/-$/, '');
    const recordId = documentIdOf(projection, first);
    /** `second`'s actor and time on another stream, with another type if given. */
    const writeAgain = (streamId: string, type = second.type) =>
      log.append(streamId, { type, data: second.data }, { actor: second.metadata.actor, occurredAt: second.metadata.occurredAt });
    it(`an event delivered again changes nothing${cases.againBecause ? ` (${cases.againBecause})` : ''}`, () => {
      givenEvents(projection, [first, second]).when(second).thenUnchanged();
    });

    it(`an event older than the view changes nothing (${cases.olderBecause})`, () => {
      givenEvents(projection, [first, second]).when(first).thenUnchanged();
    });

    it(`another ${record}’s events leave the view alone`, () => {
      const [another] = cases.firstTwo(cases.of(ANOTHER_RECORD_ID, log));
      givenEvents(projection, [first]).when(another).thenUnchanged();
    });

    it('another kind’s events leave the view alone, even under the same id', () => {
      if (recordId === undefined) throw new Error(`${first.streamId} is not a ${projection.streamPrefix}… stream`);
      givenEvents(projection, [first, second]).when(writeAgain(cases.anotherKind.streamId(recordId))).thenUnchanged();
    });

    it('an event type it does not know is refused, not dropped', () => {
      givenEvents(projection, [first, second]).when(writeAgain(second.streamId, 'NoSuchEventType')).thenThrows(/Unhandled case/);
    });
  });
}

/**
 * Each event, named by its type, makes no view when the view never saw its record's first event: a view
 * starts only there. `build` writes the record's history and returns the later events, one case each.
 */
export function describeNoViewWithoutStart<V extends StoredDocument>(
  projection: Projection<V>,
  title: string,
  build: () => Record<string, RecordedEvent>,
): void {
  describe(title, () => {
    it.each(Object.entries(build()))('%s', (type, event) => {
      expect(event.type).toBe(type);
      givenEvents(projection, []).when(event).thenNoView();
    });
  });
}
