/* Why this file is long: the one contract every EventStore adapter must pass; its cases are read together, as a specification of the port. */
import { randomUUID } from 'node:crypto';
import {
  EventIdConflictError,
  WrongExpectedRevisionError,
  type CheckpointStore,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
} from '../event-store.port';
import { readStreamAfter } from '../read-stream-after';
import { eventsWithPrefix } from '../events-with-prefix';
import { computeEventHash, verifyAll } from '../hash-chain';
import {
  ids,
  isStrictlyIncreasing,
  iteratorOf,
  pullUntil,
  testEvent,
  uniqueStreamId,
  within,
} from './contract-helpers';

export interface ContractFixture {
  store: EventStore;
  checkpoints: CheckpointStore;
  /** Releases what the factory created (closes the store, removes temp files). */
  dispose(): Promise<void>;
}

export interface ContractOptions {
  /** When set, the whole suite is declared but skipped, with this reason in its title. */
  skipReason?: string;
  /** The factory hands out a store with no events at all (enables the empty-store cases). */
  startsEmpty?: boolean;
  /** Per test; default 15 s. */
  timeoutMs?: number;
  /** How long to wait for one event from a live subscription; default 5 s. */
  eventTimeoutMs?: number;
}

/**
 * The behaviour every EventStore adapter must have. Each case uses fresh random stream ids, so it can run
 * against a server shared with other runs; the cases that need an empty store run only when the factory
 * promises one.
 */
export function eventStoreContract(name: string, factory: () => Promise<ContractFixture>, options: ContractOptions = {}): void {
  const define = options.skipReason ? describe.skip : describe;
  const title = options.skipReason ? `${name} (skipped: ${options.skipReason})` : name;
  const timeout = options.timeoutMs ?? 15_000;
  const eventTimeoutMs = options.eventTimeoutMs ?? 5_000;

  define(title, () => {
    let fixture: ContractFixture;
    let store: EventStore;
    let checkpoints: CheckpointStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
      checkpoints = fixture.checkpoints;
    }, timeout);

    afterEach(async () => {
      await fixture?.dispose();
    }, timeout);

    describe('append and expected revision', () => {
      it('creates a stream with no_stream; a second no_stream append fails', async () => {
        const stream = uniqueStreamId('station');
        const first = await store.append(stream, [testEvent(), testEvent()], 'no_stream');
        expect(first.nextExpectedRevision).toBe(1n);
        expect(first.position).toBeGreaterThan(0n);

        const again = store.append(stream, [testEvent()], 'no_stream');
        await expect(again).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(again).rejects.toMatchObject({ streamId: stream, expected: 'no_stream', actual: 1n });
        expect(await store.readStream(stream)).toHaveLength(2);
      }, timeout);

      it('appends at the exact current revision and refuses any other', async () => {
        const stream = uniqueStreamId('station');
        const [a, b, c] = [testEvent(), testEvent(), testEvent()];
        await store.append(stream, [a], 'no_stream');
        expect((await store.append(stream, [b], 0n)).nextExpectedRevision).toBe(1n);

        await expect(store.append(stream, [c], 0n)).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', expected: 0n, actual: 1n });
        await expect(store.append(stream, [c], 5n)).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', expected: 5n, actual: 1n });
        expect(ids(await store.readStream(stream))).toEqual([a.id, b.id]);
      }, timeout);

      it('refuses an exact revision on a missing stream and treats -1n as no_stream', async () => {
        const stream = uniqueStreamId('station');
        await expect(store.append(stream, [testEvent()], 0n)).rejects.toMatchObject({ actual: 'no_stream' });
        expect((await store.append(stream, [testEvent()], -1n)).nextExpectedRevision).toBe(0n);
        await expect(store.append(stream, [testEvent()], -1n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      }, timeout);

      it('stream_exists fails on a missing stream and appends to an existing one', async () => {
        const stream = uniqueStreamId('station');
        const attempt = store.append(stream, [testEvent()], 'stream_exists');
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
        expect(await store.readStream(stream)).toEqual([]);

        await store.append(stream, [testEvent()], 'no_stream');
        expect((await store.append(stream, [testEvent()], 'stream_exists')).nextExpectedRevision).toBe(1n);
      }, timeout);

      it('any appends to a missing and to an existing stream', async () => {
        const stream = uniqueStreamId('station');
        expect((await store.append(stream, [testEvent()], 'any')).nextExpectedRevision).toBe(0n);
        expect((await store.append(stream, [testEvent(), testEvent()], 'any')).nextExpectedRevision).toBe(2n);
        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
      }, timeout);

      it('two concurrent writers with the same expected revision: exactly one succeeds', async () => {
        const stream = uniqueStreamId('station');
        await store.append(stream, [testEvent()], 'no_stream');
        const [a, b] = [testEvent('A'), testEvent('B')];

        const results = await Promise.allSettled([store.append(stream, [a], 0n), store.append(stream, [b], 0n)]);

        const won = results.filter((result) => result.status === 'fulfilled');
        const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(WrongExpectedRevisionError);
        const stored = await store.readStream(stream);
        expect(stored).toHaveLength(2);
        expect([a.id, b.id]).toContain(stored[1].id);
      }, timeout);

      it('two concurrent creators with no_stream: exactly one succeeds', async () => {
        const stream = uniqueStreamId('station');
        const results = await Promise.allSettled([
          store.append(stream, [testEvent()], 'no_stream'),
          store.append(stream, [testEvent()], 'no_stream'),
        ]);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        const lost = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
        expect(lost?.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(1);
      }, timeout);

      it('concurrent appends with any all succeed and keep the chain intact', async () => {
        const stream = uniqueStreamId('station');
        const batches = [0, 1, 2, 3].map(() => [testEvent()]);
        await Promise.all(batches.map((batch) => store.append(stream, batch, 'any')));
        const stored = await store.readStream(stream);
        expect(stored.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n]);
        expect(new Set(ids(stored))).toEqual(new Set(batches.flat().map((event) => event.id)));
        expect(await verifyAll(store, { includeStream: (id) => id === stream })).toMatchObject({ ok: true, eventsChecked: 4 });
      }, timeout);
    });

    describe('idempotent retries', () => {
      it('an append retried with the same event ids is not written twice', async () => {
        const stream = uniqueStreamId('station');
        const batch = [testEvent('Opened'), testEvent('Named')];
        const first = await store.append(stream, batch, 'no_stream');
        const head = await store.headPosition();

        expect(await store.append(stream, batch, 'no_stream')).toEqual(first);
        expect(await store.append(stream, batch, 'any')).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
        expect(await store.headPosition()).toBe(head);
      }, timeout);

      it('a retry at its original exact revision succeeds even after later appends', async () => {
        const stream = uniqueStreamId('station');
        await store.append(stream, [testEvent()], 'no_stream');
        const batch = [testEvent('Renamed')];
        const first = await store.append(stream, batch, 0n);
        await store.append(stream, [testEvent('Later')], 1n);
        const head = await store.headPosition();

        expect(await store.append(stream, batch, 0n)).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
        expect(await store.headPosition()).toBe(head);
      }, timeout);

      it('refuses a batch that reuses some stored ids for other events', async () => {
        const stream = uniqueStreamId('station');
        const stored = testEvent('Opened');
        await store.append(stream, [stored], 'no_stream');

        await expect(store.append(stream, [stored, testEvent('Other')], 'any')).rejects.toBeInstanceOf(EventIdConflictError);
        await expect(store.append(stream, [{ ...stored, type: 'Different' }], 'any')).rejects.toBeInstanceOf(EventIdConflictError);
        expect(ids(await store.readStream(stream))).toEqual([stored.id]);
      }, timeout);
    });

    describe('reading', () => {
      it('reads a stream forwards, backwards, from a revision and up to maxCount', async () => {
        const stream = uniqueStreamId('station');
        const events = [0, 1, 2, 3, 4].map((n) => testEvent('Counted', { n }));
        await store.append(stream, events.slice(0, 2), 'no_stream');
        await store.append(stream, events.slice(2), 1n);
        const all = ids(events);

        expect(ids(await store.readStream(stream))).toEqual(all);
        expect(ids(await store.readStream(stream, { direction: 'backwards' }))).toEqual([...all].reverse());
        expect(ids(await store.readStream(stream, { fromRevision: 2n }))).toEqual(all.slice(2));
        expect(ids(await store.readStream(stream, { direction: 'backwards', fromRevision: 2n }))).toEqual([all[2], all[1], all[0]]);
        expect(ids(await store.readStream(stream, { maxCount: 2 }))).toEqual(all.slice(0, 2));
        expect(ids(await store.readStream(stream, { fromRevision: 1n, maxCount: 2 }))).toEqual(all.slice(1, 3));
        expect(ids(await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))).toEqual([all[4]]);
        expect(await store.readStream(stream, { fromRevision: 5n })).toEqual([]);
        expect(await store.readStream(uniqueStreamId('missing'))).toEqual([]);
      }, timeout);

      it('reads what follows an event it still holds, and nothing when that event is not there as named', async () => {
        const stream = uniqueStreamId('station');
        const events = [0, 1, 2, 3].map((n) => testEvent('Counted', { n }));
        await store.append(stream, events, 'no_stream');
        const stored = await store.readStream(stream);
        const at = (n: number) => ({ revision: stored[n].revision, hash: stored[n].hash });
        // Through the adapter's own readStreamAfter when it has one, and through readStream alone.
        const readers: [string, EventStore][] = [
          ['the adapter', store],
          ['readStream alone', { readStream: (id: string, o?: ReadStreamOptions) => store.readStream(id, o) } as EventStore],
        ];
        for (const [, reader] of readers) {
          expect(await readStreamAfter(reader, stream, at(3))).toEqual([]);
          expect(ids((await readStreamAfter(reader, stream, at(1)))!)).toEqual(ids(events.slice(2)));
          expect(await readStreamAfter(reader, stream, at(0))).toEqual(stored.slice(1));
          expect(await readStreamAfter(reader, stream, { revision: 1n, hash: stored[2].hash })).toBeUndefined();
          expect(await readStreamAfter(reader, stream, { revision: 3n, hash: stored[2].hash })).toBeUndefined();
          expect(await readStreamAfter(reader, stream, { revision: 4n, hash: stored[3].hash })).toBeUndefined();
          expect(await readStreamAfter(reader, uniqueStreamId('missing'), at(0))).toBeUndefined();
        }
      }, timeout);

      it('returns what was appended: type, schema version, data, metadata, revision, position', async () => {
        const stream = uniqueStreamId('station');
        const event = {
          ...testEvent('StationNamed', {
            name: '广州市天河区中小企业服务站',
            address: { district: '天河区', lines: ['体育西路 1 号', null] },
            capacity: 12,
            ratio: 0.25,
            active: true,
          }),
          schemaVersion: 3,
        };
        event.metadata = { ...event.metadata, causationId: randomUUID(), reason: '年度复核', legalBasis: '穗工信函〔2019〕1100号' };
        const result = await store.append(stream, [event], 'no_stream');

        const [read] = await store.readStream(stream);
        expect(read).toMatchObject({
          id: event.id,
          type: 'StationNamed',
          schemaVersion: 3,
          streamId: stream,
          revision: 0n,
          position: result.position,
          data: event.data,
          metadata: event.metadata,
        });
        expect(read.metadata).toEqual(event.metadata);
        expect(read.data).toEqual(event.data);
      }, timeout);

      it('reads $all after a position, in global order across streams, with strictly increasing positions', async () => {
        const [s1, s2] = [uniqueStreamId('station'), uniqueStreamId('provider')];
        const mine = (event: RecordedEvent) => event.streamId === s1 || event.streamId === s2;
        const before = await store.headPosition();
        const [a, b, c, d] = [testEvent(), testEvent(), testEvent(), testEvent()];
        await store.append(s1, [a], 'no_stream');
        await store.append(s2, [b], 'no_stream');
        await store.append(s1, [c], 0n);
        const last = await store.append(s2, [d], 0n);

        const all = await store.readAll({ after: before });
        const ours = all.filter(mine);
        expect(ids(ours)).toEqual([a.id, b.id, c.id, d.id]);
        expect(isStrictlyIncreasing(all.map((event) => event.position))).toBe(true);
        expect(all.every((event) => event.position > before)).toBe(true);
        expect(ours[3].position).toBe(last.position);
        expect(await store.headPosition()).toBe(last.position);

        // Exclusive: strictly after the given position.
        expect(ids((await store.readAll({ after: ours[1].position })).filter(mine))).toEqual([c.id, d.id]);
        // Paging one event at a time walks the same order.
        const paged: RecordedEvent[] = [];
        for (let after = before; ; ) {
          const page = await store.readAll({ after, maxCount: 1 });
          expect(page.length).toBeLessThanOrEqual(1);
          if (page.length === 0) break;
          paged.push(page[0]);
          after = page[0].position;
        }
        expect(ids(paged.filter(mine))).toEqual(ids(ours));
        // A stream read gives the same positions as $all.
        expect((await store.readStream(s1)).map((event) => event.position)).toEqual([ours[0].position, ours[2].position]);
      }, timeout);

      it('reads from $all only the streams that start with a prefix, in global order, maxCount counting those alone', async () => {
        const tag = randomUUID().slice(0, 8);
        const prefix = `contract_${tag}_kind-`;
        const [s1, s2] = [`${prefix}${randomUUID()}`, `${prefix}${randomUUID()}`];
        // Not of the kind: another kind, one that matches the prefix as a LIKE pattern, one that differs in its last character.
        const others = [uniqueStreamId('provider'), `contractX${tag}_kind-${randomUUID()}`, `contract_${tag}_kindX${randomUUID()}`];
        const before = await store.headPosition();
        const [a, b, c] = [testEvent(), testEvent(), testEvent()];
        await store.append(s1, [a], 'no_stream');
        for (const other of others) await store.append(other, [testEvent()], 'no_stream');
        await store.append(s2, [b], 'no_stream');
        await store.append(others[0], [testEvent()], 0n);
        const last = await store.append(s1, [c], 0n);

        const ours = await store.readAll({ after: before, streamPrefix: prefix });
        expect(ids(ours)).toEqual([a.id, b.id, c.id]);
        expect(ours.map((event) => event.streamId)).toEqual([s1, s2, s1]);
        expect(ours[2].position).toBe(last.position);
        // The same events, positions and hashes as the unfiltered read.
        expect(ours).toEqual((await store.readAll({ after: before })).filter((event) => event.streamId.startsWith(prefix)));
        // maxCount counts the kind's events only; paging walks the same order.
        expect(ids(await store.readAll({ after: before, maxCount: 2, streamPrefix: prefix }))).toEqual([a.id, b.id]);
        expect(ids(await store.readAll({ after: ours[0].position, streamPrefix: prefix }))).toEqual([b.id, c.id]);
        expect(await store.readAll({ after: last.position, streamPrefix: prefix })).toEqual([]);
      }, timeout);

      it('reads the streams that start with a prefix up to a position, each stream in order, page by page', async () => {
        const tag = randomUUID().slice(0, 8);
        const prefix = `contract_${tag}_kind-`;
        const [s1, s2, s3] = ['b', 'a', 'c'].map((first) => `${prefix}${first}${randomUUID()}`);
        const others = [uniqueStreamId('provider'), `contractX${tag}_kind-${randomUUID()}`, `contract_${tag}_kindX${randomUUID()}`, `contract_${tag}_kind`];
        await store.append(s1, [testEvent(), testEvent()], 'no_stream');
        for (const other of others) await store.append(other, [testEvent()], 'no_stream');
        await store.append(s2, [testEvent()], 'no_stream');
        await store.append(s1, [testEvent()], 1n);
        const upTo = (await store.append(s3, [testEvent()], 'no_stream')).position;
        await store.append(s2, [testEvent()], 0n); // after upTo: not read
        const expected = new Map<string, RecordedEvent[]>();
        for (const stream of [s1, s2, s3]) expected.set(stream, (await store.readStream(stream)).filter((event) => event.position <= upTo));
        expect([...expected.values()].map((events) => events.length)).toEqual([3, 1, 1]);

        // Through the adapter's own readStreamsWithPrefix when it has one, and through readAll alone.
        const readers: [string, EventStore][] = [
          ['the adapter', store],
          ['readAll alone', { readAll: (o?: ReadAllOptions) => store.readAll(o) } as EventStore],
        ];
        for (const [reader, source] of readers) {
          for (const pageSize of [1, 2, 100]) {
            const pages: RecordedEvent[][] = [];
            for await (const page of eventsWithPrefix(source, prefix, upTo, pageSize)) pages.push(page);
            expect(pages.every((page) => page.length >= 1 && page.length <= pageSize)).toBe(true);
            const read = pages.flat();
            const byStream = new Map<string, RecordedEvent[]>();
            for (const event of read) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
            expect({ reader, pageSize, streams: new Map([...byStream].sort()) }).toEqual({ reader, pageSize, streams: new Map([...expected].sort()) });
            // The adapter's own read goes stream after stream, by id.
            if (source === store && store.readStreamsWithPrefix) expect(read.map((event) => event.streamId)).toEqual([s2, s1, s1, s1, s3]);
          }
        }
      }, timeout);

      if (options.startsEmpty) {
        it('reports head position 0n and an empty $all when there are no events', async () => {
          expect(await store.headPosition()).toBe(0n);
          expect(await store.readAll()).toEqual([]);
        }, timeout);
      }
    });

    describe('hash chain', () => {
      it('links each event to the previous one of its stream and verifies', async () => {
        const [s1, s2] = [uniqueStreamId('station'), uniqueStreamId('provider')];
        await store.append(s1, [testEvent('A', { n: 1 }), testEvent('B', { n: 2 })], 'no_stream');
        await store.append(s2, [testEvent('X')], 'no_stream');
        await store.append(s1, [testEvent('C', { n: 3n })], 1n);

        const events = await store.readStream(s1);
        expect(events[0].previousHash).toBeNull();
        for (let n = 1; n < events.length; n += 1) expect(events[n].previousHash).toBe(events[n - 1].hash);
        for (const event of events) {
          expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
          expect(event.hash).toBe(computeEventHash(event, event.previousHash));
        }
        expect(new Set(events.map((event) => event.hash)).size).toBe(3);
        const [other] = await store.readStream(s2);
        expect(other.previousHash).toBeNull();

        const ours = new Set([s1, s2]);
        expect(await verifyAll(store, { includeStream: (id) => ours.has(id), pageSize: 2 })).toEqual({
          ok: true,
          eventsChecked: 4,
          streamsChecked: 2,
        });
      }, timeout);
    });

    describe('subscriptions', () => {
      it('stopped and resumed from its checkpoint, sees every event exactly once and in order', async () => {
        const subscriber = `contract-${randomUUID()}`;
        const [s1, s2] = [uniqueStreamId('station'), uniqueStreamId('provider')];
        const mine = (event: RecordedEvent) => event.streamId === s1 || event.streamId === s2;
        const checkpointEach = (event: RecordedEvent) => checkpoints.store(subscriber, event.position);
        const pull = { keep: mine, onEvent: checkpointEach, timeoutMs: eventTimeoutMs };
        const head = await store.headPosition();
        await checkpoints.store(subscriber, head);
        const e = [1, 2, 3, 4, 5, 6].map((n) => testEvent('Step', { n }));

        // Appended before the subscription starts: delivered while catching up.
        await store.append(s1, [e[0]], 'no_stream');
        await store.append(s2, [e[1]], 'no_stream');
        const first = store.subscribeToAll({ after: await checkpoints.load(subscriber) });
        const seen = await pullUntil(iteratorOf(first), e[1].id, pull);
        // Appended while live.
        await store.append(s1, [e[2]], 0n);
        seen.push(...(await pullUntil(iteratorOf(first), e[2].id, pull)));
        await first.stop();
        expect(await iteratorOf(first).next()).toEqual({ done: true, value: undefined });

        // Appended while stopped.
        await store.append(s2, [e[3]], 0n);
        await store.append(s1, [e[4]], 1n);
        const resumedFrom = await checkpoints.load(subscriber);
        expect(resumedFrom).toBe(seen[2].position);
        const second = store.subscribeToAll({ after: resumedFrom });
        seen.push(...(await pullUntil(iteratorOf(second), e[4].id, pull)));
        await store.append(s2, [e[5]], 1n);
        seen.push(...(await pullUntil(iteratorOf(second), e[5].id, pull)));
        await second.stop();

        expect(ids(seen)).toEqual(ids(e));
        expect(isStrictlyIncreasing(seen.map((event) => event.position))).toBe(true);
        expect(seen).toEqual(await store.readAll({ after: head }).then((all) => all.filter(mine)));
      }, timeout);

      it('asked for some streams only, delivers theirs in order, and, when it honours the wish, reads past the others as readUpTo tells', async () => {
        const head = await store.headPosition();
        const [wanted, other] = [uniqueStreamId('station'), uniqueStreamId('provider')];
        const [w1, w2] = [testEvent('Step', { n: 1 }), testEvent('Step', { n: 2 })];
        await store.append(wanted, [w1], 'no_stream');
        await store.append(other, [testEvent(), testEvent()], 'no_stream');
        await store.append(wanted, [w2], 0n);
        await store.append(other, [testEvent()], 1n);
        const tail = await store.headPosition();
        const subscription = store.subscribeToAll({ after: head, streams: (streamId) => streamId === wanted });
        const iterator = iteratorOf(subscription);
        const got: RecordedEvent[] = [];
        const readUpTo = () => subscription.readUpTo?.();
        for (;;) {
          const result = await within(iterator.next(), eventTimeoutMs, 'the next event');
          if (result.done) throw new Error('the subscription ended');
          got.push(result.value);
          // Not past an event until the one after it is asked for.
          if (readUpTo() !== undefined) expect(readUpTo()!).toBeLessThan(result.value.position);
          if (result.value.id === w2.id) break;
        }
        expect(got.filter((event) => event.streamId === wanted).map((event) => event.id)).toEqual([w1.id, w2.id]);
        if (subscription.readUpTo) {
          expect(got.map((event) => event.streamId)).toEqual([wanted, wanted]);
          const pending = iterator.next();
          const deadline = Date.now() + eventTimeoutMs;
          while (readUpTo()! < tail && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
          expect(readUpTo()).toBeGreaterThanOrEqual(tail);
          await subscription.stop();
          expect(await within(pending, 1_000, 'the pending next()')).toEqual({ done: true, value: undefined });
        } else {
          await subscription.stop();
        }
      }, timeout);

      it('started on an empty store, receives live appends', async () => {
        const head = await store.headPosition();
        if (options.startsEmpty) expect(head).toBe(0n);
        const subscription = options.startsEmpty ? store.subscribeToAll() : store.subscribeToAll({ after: head });
        const iterator = iteratorOf(subscription);
        const pending = iterator.next(); // waiting before anything is appended
        const stream = uniqueStreamId('station');
        const [a, b] = [testEvent(), testEvent()];
        await store.append(stream, [a, b], 'no_stream');

        const firstResult = await within(pending, eventTimeoutMs, 'the first live event');
        expect(firstResult.done).toBe(false);
        const rest = await pullUntil(iterator, b.id, { keep: (event) => event.streamId === stream, timeoutMs: eventTimeoutMs });
        expect([firstResult.value as RecordedEvent, ...rest].filter((event) => event.streamId === stream).map((event) => event.id)).toEqual([a.id, b.id]);
        await subscription.stop();
      }, timeout);

      it('stop() ends the iteration promptly, resolving a pending next() as done', async () => {
        const subscription = store.subscribeToAll({ after: await store.headPosition() });
        const iterator = iteratorOf(subscription);
        const pending = iterator.next();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await within(subscription.stop(), 1_000, 'stop()');
        expect(await within(pending, 1_000, 'the pending next()')).toEqual({ done: true, value: undefined });
        expect(await iterator.next()).toEqual({ done: true, value: undefined });
      }, timeout);

      it('breaking out of for-await ends the subscription', async () => {
        const stream = uniqueStreamId('station');
        const head = await store.headPosition();
        await store.append(stream, [testEvent(), testEvent()], 'no_stream');
        const subscription = store.subscribeToAll({ after: head });
        let received = 0;
        for await (const event of subscription) {
          received += 1;
          if (event.streamId === stream) break;
        }
        expect(received).toBeGreaterThan(0);
        expect(await within(iteratorOf(subscription).next(), 1_000, 'next() after break')).toEqual({ done: true, value: undefined });
      }, timeout);
    });

    describe('checkpoints', () => {
      it('loads undefined for an unknown subscriber and the last stored position otherwise', async () => {
        const subscriber = `contract-${randomUUID()}`;
        expect(await checkpoints.load(subscriber)).toBeUndefined();
        await checkpoints.store(subscriber, 5n);
        expect(await checkpoints.load(subscriber)).toBe(5n);
        await checkpoints.store(subscriber, 2n ** 62n);
        expect(await checkpoints.load(subscriber)).toBe(2n ** 62n);
        expect(await checkpoints.load(`${subscriber}-other`)).toBeUndefined();
      }, timeout);
    });
  });
}
