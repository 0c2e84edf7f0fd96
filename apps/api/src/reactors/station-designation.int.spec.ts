import { spawn } from 'node:child_process';
import { join } from 'node:path';
import 'reflect-metadata';
import { applicationKind, stationKind, type CallEvents } from '@sme/domain';
import { ReactionRunner, SqliteCheckpointStore, SqliteEventStore, openSqliteDatabase, type EventStore } from '@sme/event-store';
import { tempDirPerTest } from '@sme/event-store/testing/temp-dir';
import { writeStationHistory } from '@sme/read-models/testing/station-history';
import { CommandExecutor } from '../commands/command-executor';
import { StationDesignationReaction } from './station-designation.reaction';

const ROOT = join(__dirname, '../../../..');

function runChild(env: Record<string, string>): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'testing/designation-child.ts')],
      { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ?? code));
  });
}

async function publishedEntries(store: EventStore): Promise<CallEvents['CallListPublished']['data']['entries']> {
  const published = (await store.readAll()).find((e) => e.type === 'CallListPublished');
  return (published!.data as CallEvents['CallListPublished']['data']).entries;
}

/** Per application: how many ApplicationDesignated its stream holds, and how many StationDesignated its station's. */
async function designations(store: EventStore, entries: CallEvents['CallListPublished']['data']['entries']) {
  return Promise.all(
    entries.map(async (entry) => ({
      application: (await store.readStream(applicationKind.streamId(entry.applicationId))).filter((e) => e.type === 'ApplicationDesignated').length,
      station: (await store.readStream(stationKind.streamId(entry.stationId))).filter((e) => e.type === 'StationDesignated').length,
    })),
  );
}

describe('station designation as a reaction to the published list', () => {
  const tempDir = tempDirPerTest('sme-designation-');

  it('designates every station exactly once when the process is SIGKILLed half-way and restarted', async () => {
    const file = join(tempDir(), 'events.sqlite');
    const setup = new SqliteEventStore(openSqliteDatabase(file));
    await writeStationHistory(setup, { calls: 1, applicationsPerCall: 24, stopAtPublication: true });
    const entries = await publishedEntries(setup);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    await setup.close();

    // Two applications and their stations, then a third application's mark, then death.
    expect(await runChild({ EVENTS_FILE: file, KILL_AFTER_WRITES: '5' })).toBe('SIGKILL');

    const store = new SqliteEventStore(openSqliteDatabase(file));
    try {
      const halfway = await designations(store, entries);
      expect(halfway.filter((d) => d.application === 1)).toHaveLength(3);
      expect(halfway.filter((d) => d.station === 1)).toHaveLength(2);
      const checkpoints = new SqliteCheckpointStore(store.db);
      expect(await checkpoints.load('reaction-station-designation')).toBeUndefined();

      // After the restart: from the stored checkpoint (none), the publication is seen again.
      await new ReactionRunner(store, checkpoints, new StationDesignationReaction(store, new CommandExecutor(store))).catchUp();
      expect(await designations(store, entries)).toEqual(entries.map(() => ({ application: 1, station: 1 })));
      expect(await checkpoints.load('reaction-station-designation')).toBe(await store.headPosition() - BigInt(2 * entries.length - 5));

      // Seeing everything once more writes nothing.
      const head = await store.headPosition();
      await checkpoints.store('reaction-station-designation', 0n);
      await new ReactionRunner(store, checkpoints, new StationDesignationReaction(store, new CommandExecutor(store))).catchUp();
      expect(await store.headPosition()).toBe(head);
    } finally {
      await store.close();
    }
  }, 60_000);
});
