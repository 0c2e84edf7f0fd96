import { randomUUID } from 'node:crypto';
import { Logger, type INestApplication } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { Reactors } from '../reactors/reactors.service';
import { ReadSide } from '../read-side/read-side.service';
import { DEMO_APPLICANTS, demoUscc, operatorActor } from './demo-data';
import type { Actor } from '@sme/domain';
import type { CommandResult } from '../commands/command-executor';
import { ExecuteKindCommand, type AnyKindCommands } from '../commands/kind-command';
import type { RequestContext } from '../commands/request-context';

/** A business time of the demo, in Guangdong's zone: the day at `hhmm` (10:00 unless given). */
export const demoTime = (date: string, hhmm = '10:00') => `${date}T${hhmm}:00+08:00`;

/** Whether a part of the demo is loaded already: its first record, `streamId`, has events. Logs it when it is. */
export async function demoLoaded(app: INestApplication, streamId: string, part: string): Promise<boolean> {
  const loaded = (await app.get<EventStore>(EVENT_STORE).readStream(streamId, { maxCount: 1 })).length > 0;
  if (loaded) new Logger('Demo').log(`Demo ${part} already loaded`);
  return loaded;
}

/** The demo's acts, sent through the command bus as their actors at their business times, in one correlation. */
export function demoRunner(bus: CommandBus) {
  const correlationId = randomUUID();
  const ctx = (actor: Actor, at: string, reason?: string): RequestContext => ({
    actor,
    occurredAt: new Date(at),
    correlationId,
    causationId: null,
    ...(reason ? { reason } : {}),
  });
  const runs =
    <B>(commands: AnyKindCommands<B>) =>
    (body: B, actor: Actor, at: string): Promise<CommandResult> =>
      bus.execute(new ExecuteKindCommand(commands, body, ctx(actor, at)));
  return { ctx, runs };
}

/** The ACTIVE demo stations as the station registry holds them, by their applicant's key (once the reactions have designated them). */
export async function demoStations(app: INestApplication) {
  const store = app.get<EventStore>(EVENT_STORE);
  await app.get(Reactors).settled(await store.headPosition());
  const readSide = app.get(ReadSide);
  await readSide.requireCurrent(['stations']);
  const stations = await readSide.reader.stations({});
  return (key: number) => {
    const applicant = DEMO_APPLICANTS[key - 1];
    const station = stations.find((s) => s.ownerOrgId === demoUscc(applicant.key, applicant.districtCode) && s.status === 'ACTIVE');
    if (!station) throw new Error(`Demo station ${key} is not an active station`);
    return { station, operator: operatorActor(applicant) };
  };
}
