/**
 * A reaction process that kills itself (SIGKILL) after a given number of follow-up commands: some of
 * a published list's applications and stations written, the reaction's checkpoint not. Used by the
 * crash test.
 *   EVENTS_FILE        the embedded event store file
 *   KILL_AFTER_WRITES  follow-up commands to run before dying
 */
import 'reflect-metadata';
import { ReactionRunner, SqliteCheckpointStore, SqliteEventStore, openSqliteDatabase } from '@sme/event-store';
import { CommandExecutor } from '../../commands/command-executor';
import { StationDesignationReaction } from '../station-designation.reaction';

async function main(): Promise<void> {
  const events = new SqliteEventStore(openSqliteDatabase(process.env.EVENTS_FILE!));
  const executor = new CommandExecutor(events);
  let left = Number(process.env.KILL_AFTER_WRITES);
  const dying: Pick<CommandExecutor, 'execute'> = {
    execute: async (options) => {
      const result = await executor.execute(options);
      if (--left <= 0) process.kill(process.pid, 'SIGKILL');
      return result;
    },
  };
  const runner = new ReactionRunner(events, new SqliteCheckpointStore(events.db), new StationDesignationReaction(events, dying));
  await runner.catchUp();
  process.exit(3); // never reached when the kill happens
}

void main();
