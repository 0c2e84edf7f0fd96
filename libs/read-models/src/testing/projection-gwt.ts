import type { Actor, Decider, DomainCommand, DomainEvent } from '@sme/domain/shared/decider';
import { decideAuthorized, type RecordKind } from '@sme/domain/shared/record-kind';
import { at } from '@sme/domain/shared/testing';
import { canonicalJson, deepFreeze, type EventMetadata, type RecordedEvent } from '@sme/event-store';
import type { StoredDocument } from '../document-store/document-store.port';
import { applyOnce, documentIdOf, type Projection } from '../projector/projection';

/** What an act adds to an event's envelope besides who and when. */
export type ActNotes = Partial<Pick<EventMetadata, 'reason' | 'legalBasis'>>;

/**
 * A test's event store, in memory: events get the next global position and their stream's next
 * revision, and their data comes back as the store gives it (parsed from canonical JSON).
 */
export function eventLog() {
  let position = 0n;
  const streams = new Map<string, RecordedEvent[]>();

  /** Appends a plain `{ type, data }`: for what no decider writes (an unknown type, another kind's event). */
  function append(streamId: string, event: DomainEvent, metadata: Pick<EventMetadata, 'actor' | 'occurredAt'> & ActNotes): RecordedEvent {
    const history = streams.get(streamId) ?? [];
    position += 1n;
    const recorded: RecordedEvent = {
      id: `${streamId}/${history.length}`,
      type: event.type,
      schemaVersion: 1,
      streamId,
      revision: BigInt(history.length),
      position,
      data: JSON.parse(canonicalJson(event.data)) as Record<string, unknown>,
      // Stored a second after the act, so that server time cannot pass for business time.
      metadata: { recordedAt: new Date(Date.parse(metadata.occurredAt) + 1000).toISOString(), correlationId: streamId, causationId: null, ...metadata },
      hash: '',
      previousHash: null,
    };
    streams.set(streamId, [...history, recorded]);
    return recorded;
  }

  /**
   * One record's stream, written only through its decider (behind its kind's access gate when given a
   * kind), so a spec cannot feed a projection an event the domain never writes.
   */
  function stream<C extends DomainCommand, S, E extends DomainEvent>(subject: Decider<C, S, E> | RecordKind<C, S, E>, streamId: string) {
    const decider: Decider<C, S, E> = 'access' in subject ? subject.decider : subject;
    const decide = (command: C, state: S): E[] => ('access' in subject ? decideAuthorized(subject, command, state) : decider.decide(command, state));
    let state = decider.initialState();

    function record(command: C, notes: ActNotes = {}): RecordedEvent[] {
      const occurredAt = command.metadata.now.toISOString();
      const last = streams.get(streamId)?.at(-1);
      if (last && Date.parse(occurredAt) < Date.parse(last.metadata.occurredAt)) {
        throw new Error(`${command.type} at ${occurredAt} is before ${streamId}'s last event (${last.metadata.occurredAt}); handleCommand refuses it`);
      }
      const written = decide(command, state).map((event) => append(streamId, event, { actor: command.metadata.actor, occurredAt, ...notes }));
      state = written.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as unknown as E), state);
      return written;
    }

    return {
      record,
      /** The one event the command writes. */
      recordOne(command: C, notes: ActNotes = {}): RecordedEvent {
        const written = record(command, notes);
        if (written.length !== 1) throw new Error(`${command.type} wrote ${written.length} events, not one`);
        return written[0];
      },
    };
  }

  return { append, stream };
}

export type EventLog = ReturnType<typeof eventLog>;

/** The data of a command of type `T`, without the record's id (`Id`). */
export type CommandData<C extends DomainCommand, T extends C['type'], Id extends string> = Omit<Extract<C, { type: T }>['data'], Id>;

/**
 * `act(type, data, actor, when)` on one record's stream (see `stream`): the one event a command writes,
 * its data given without the record's id, which `ids` puts in, by `actor` at `when` (with its offset).
 */
export function actOn<C extends DomainCommand, S, E extends DomainEvent, Id extends string>(
  log: EventLog,
  subject: Decider<C, S, E> | RecordKind<C, S, E>,
  streamId: string,
  ids: Record<Id, string>,
) {
  const stream = log.stream(subject, streamId);
  return <T extends C['type']>(type: T, data: CommandData<C, T, Id>, actor: Actor, when: string, notes?: ActNotes): RecordedEvent =>
    stream.recordOne({ type, data: { ...data, ...ids }, metadata: at(when, actor) } as unknown as C, notes);
}

/** The business time of a fixture event: the one instant its data carries. */
function occurredAtOf(event: DomainEvent): string {
  const instant = Object.entries(event.data).find(([key]) => key.endsWith('At'))?.[1];
  if (typeof instant !== 'string') throw new Error(`${event.type} carries no instant`);
  return instant;
}

/**
 * Records a record's fixture events (written out in a fixtures file, not decided) on its stream in
 * turn: each with the record's id put in its data (`ids`), at the instant its data carries, by `by` or
 * else `defaultActor`.
 */
export function fixtureRecorder<E extends DomainEvent>(log: EventLog, streamId: string, ids: Record<string, string>, defaultActor: Actor) {
  return (event: E, by: Actor = defaultActor): RecordedEvent =>
    log.append(streamId, { type: event.type, data: { ...event.data, ...ids } }, { actor: by, occurredAt: occurredAtOf(event) });
}

/** A view without what `stampOf` puts on it. */
type Unstamped<V> = Omit<V, '_position' | 'revision' | 'updatedAt'>;

/** What every event a projection handles must leave on the view: where it stands in the log. */
const stampOf = (event: RecordedEvent) => ({
  _position: Number(event.position),
  revision: Number(event.revision),
  updatedAt: event.metadata.occurredAt,
});

/**
 * givenEvents(projection, history).when(event).then(view) / .thenUnchanged() / .thenNoView() / .thenThrows().
 *
 * Events reach the view as the projector delivers them: only those of the view's own stream (the
 * projection's prefix and the same record id), each through `applyOnce`, so a redelivery is judged
 * by the real rule. The view given is frozen, so a projection that edits it in place fails.
 * `then` compares the whole view strictly, with the event's position, revision and business time
 * stamped on it: a field the event should change and does not, or changes and should not, fails.
 * `then((before) => …)` trusts `before`, which the line under test may have built: give each event
 * type one case whose history holds no event of that type.
 */
export function givenEvents<V extends StoredDocument>(projection: Projection<V>, history: readonly RecordedEvent[] = []) {
  const idOfView = (first: RecordedEvent | undefined): string => {
    const id = first && documentIdOf(projection, first);
    if (id === undefined) throw new Error(`A ${projection.name} view needs a first event of a ${projection.streamPrefix}… stream`);
    return id;
  };
  const deliverTo = (documentId: string) => (doc: V | undefined, event: RecordedEvent) =>
    documentIdOf(projection, event) === documentId ? applyOnce(projection, doc, event) : doc;

  const given = (documentId: string) => deepFreeze(history.reduce<V | undefined>(deliverTo(documentId), undefined));

  return {
    when(event: RecordedEvent) {
      const documentId = idOfView(history[0] ?? event);
      const before = given(documentId);
      const after = () => deliverTo(documentId)(before, event);

      return {
        /** The whole view after the event (a function receives the view before it). */
        then(expected: Unstamped<V> | ((before: V) => Unstamped<V>)): V {
          const want = typeof expected === 'function' ? expected(required(before)) : expected;
          const view = required(after());
          expect(view).toStrictEqual({ ...want, ...stampOf(event) });
          expect(view._id).toBe(documentId);
          expect(JSON.parse(JSON.stringify(view))).toStrictEqual(view);
          return view;
        },
        /** The same view, not even rewritten. */
        thenUnchanged(): void {
          required(before);
          expect(after()).toBe(before);
        },
        thenNoView(): void {
          expect(after()).toBeUndefined();
        },
        thenThrows(message: RegExp): void {
          expect(after).toThrow(message);
        },
      };
    },
  };
}

function required<V>(view: V | undefined): V {
  if (view === undefined) throw new Error('Expected a view, there is none');
  return view;
}
