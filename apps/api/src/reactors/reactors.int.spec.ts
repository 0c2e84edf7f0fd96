import { randomUUID } from 'node:crypto';
import { callKind } from '@sme/domain';
import { InMemorySnapshotStore, SqliteCheckpointStore, SqliteEventStore, reactionCheckpointName, type RecordedEvent } from '@sme/event-store';
import type { AppConfig } from '../config/app-config';
import type { Leadership } from '../infrastructure/leadership';
import { Reactors } from './reactors.service';

/** Reactors in a process that does not hold the background lease: another process runs the reactions. */
describe('Reactors.settled where another process runs the reactions', () => {
  let events: SqliteEventStore;
  let reactors: Reactors;
  const follower = { follow: async () => undefined, isLeader: false } as unknown as Leadership;

  beforeEach(async () => {
    events = new SqliteEventStore(':memory:');
    const none = {} as never;
    reactors = new Reactors(events, none, none, {} as AppConfig, none, none, none, { store: new InMemorySnapshotStore(), version: 'v', every: 0 }, follower);
    await reactors.onApplicationBootstrap();
  });
  afterEach(() => events.close());

  const published = (position: bigint): RecordedEvent =>
    ({ id: randomUUID(), type: 'CallListPublished', streamId: callKind.streamId('call-1'), revision: 3n, position, schemaVersion: 1, data: {}, metadata: {}, hash: 'h', previousHash: null }) as unknown as RecordedEvent;
  const store = (name: string, position: bigint) => new SqliteCheckpointStore(events.db).store(reactionCheckpointName({ name }), position);

  it('waits for the reactions to the events written, by their stored checkpoints', async () => {
    const event = published(42n);
    expect(await reactors.settled(42n, 300, [event])).toBe(false);
    await store('station-designation', 42n);
    // The other reactions pass such events over and store their checkpoints only now and then: not waited for.
    expect(await reactors.settled(42n, 300, [event])).toBe(true);
  });

  it('without the events written, waits for every reaction', async () => {
    await store('station-designation', 42n);
    expect(await reactors.settled(42n, 300)).toBe(false);
    for (const reaction of reactors.reactions()) await store(reaction.name, 42n);
    expect(await reactors.settled(42n, 300)).toBe(true);
  });

  it('has nothing to wait for when no reaction reacts to what was written', async () => {
    const other = { ...published(7n), type: 'CallOpened' } as RecordedEvent;
    expect(await reactors.settled(7n, 300, [other])).toBe(true);
  });
});
