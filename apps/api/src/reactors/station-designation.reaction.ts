import { applicationKind, callKind, stationKind, type Actor, type CallEvents } from '@sme/domain';
import type { EventStore, Reaction, RecordedEvent } from '@sme/event-store';
import { foldView, projectApplication, type ApplicationView } from '@sme/read-models';
import type { CommandExecutor } from '../commands/command-executor';
import { derivedId } from '../records/derived-id';
import { reactionContext } from './reaction-context';

/** A station's id follows from its application's, so designating twice names the same station. */
export const stationIdFor = (applicationId: string): string => derivedId('station', applicationId);

/**
 * 发布名单 → 授牌. The list published on the call's stream is the decision; when it is in the log,
 * each application on it is marked designated and its station record is opened, by the publisher
 * and at the publication's business time. Every write's event id follows from the publication's, and
 * work already in a record is skipped, so seeing the publication again (after a crash) writes nothing
 * twice.
 */
export class StationDesignationReaction implements Reaction {
  readonly name = 'station-designation';

  constructor(
    private readonly store: EventStore,
    private readonly executor: Pick<CommandExecutor, 'execute'>,
  ) {}

  reactsTo(event: RecordedEvent): boolean {
    return event.type === 'CallListPublished' && callKind.idOf(event.streamId) !== undefined;
  }

  async react(published: RecordedEvent): Promise<void> {
    const { callId, entries } = published.data as CallEvents['CallListPublished']['data'];
    const ctx = reactionContext(this.name, published, published.metadata.actor as Actor);
    const legalBasis = published.metadata.legalBasis;
    for (const entry of entries) {
      const application = await this.application(entry.applicationId);
      if (!application) continue;
      if (application.stage === 'APPROVED') {
        await this.executor.execute({
          kind: applicationKind,
          id: entry.applicationId,
          command: { type: 'MarkDesignated', data: { applicationId: entry.applicationId, stationId: entry.stationId, plaqueNumber: entry.plaqueNumber } },
          ctx,
          legalBasis,
        });
      }
      const station = await this.store.readStream(stationKind.streamId(entry.stationId), { maxCount: 1 });
      if (station.length > 0) continue;
      const { form } = application;
      await this.executor.execute({
        kind: stationKind,
        id: entry.stationId,
        command: {
          type: 'DesignateStation',
          data: {
            stationId: entry.stationId,
            applicationId: entry.applicationId,
            callId,
            plaqueNumber: entry.plaqueNumber,
            name: form.station.name,
            districtCode: form.station.districtCode,
            cityCode: application.cityCode,
            address: form.station.address,
            operator: { name: form.operator.name, uscc: form.operator.uscc },
            ownerOrgId: application.ownerOrgId,
          },
        },
        ctx,
        legalBasis,
      });
    }
  }

  private async application(applicationId: string): Promise<ApplicationView | undefined> {
    return foldView(projectApplication, await this.store.readStream(applicationKind.streamId(applicationId)));
  }
}
