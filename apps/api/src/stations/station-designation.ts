import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  APPLICATION_EVENT_SCHEMA_VERSIONS,
  applicationDecider,
  stationKind,
  type CallListPublished,
  type ListEntryInput,
} from '@sme/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@sme/event-store';
import { foldView, projectApplication, type ApplicationView } from '@sme/read-models';
import { CommandExecutor } from '../commands/command-executor';
import type { RequestContext } from '../commands/request-context';
import { ReadSide } from '../read-side/read-side.service';

/** A station's id follows from its application's, so designating twice names the same station. */
export function stationIdFor(applicationId: string): string {
  const hex = createHash('sha256').update(`station\u0000${applicationId}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * 发布名单 → 授牌. The published list on the call's stream is the decision; the application and
 * station records follow from it. Each follow-up write is idempotent, so a publish interrupted
 * half-way is completed at the next start-up (see completeAll).
 */
@Injectable()
export class StationDesignation {
  private readonly logger = new Logger('StationDesignation');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readSide: ReadSide,
    private readonly executor: CommandExecutor,
  ) {}

  /**
   * The call's applications that stand APPROVED, confirmed on their own streams. The read side must
   * be current: a list published from a lagging view would miss a station.
   */
  async approvedEntries(callId: string): Promise<ListEntryInput[]> {
    await this.readSide.requireCaughtUp();
    const candidates = await this.readSide.reader.applications({ callId, stage: 'APPROVED' });
    const entries: ListEntryInput[] = [];
    for (const candidate of candidates) {
      const application = await this.application(candidate.id);
      if (application?.stage !== 'APPROVED') continue;
      entries.push({
        applicationId: application.id,
        stationId: stationIdFor(application.id),
        districtCode: application.districtCode,
        stationName: application.stationName,
      });
    }
    return entries;
  }

  /** Designates every station of a published list that is not yet designated. */
  async complete(published: RecordedEvent, requestCtx?: RequestContext): Promise<void> {
    const { callId, entries } = published.data as CallListPublished['data'];
    const ctx: RequestContext = {
      actor: published.metadata.actor as RequestContext['actor'],
      occurredAt: new Date(published.metadata.occurredAt),
      correlationId: published.metadata.correlationId,
      causationId: published.id,
      idempotencyKey: requestCtx?.idempotencyKey,
    };
    const legalBasis = published.metadata.legalBasis;
    for (const entry of entries) {
      const application = await this.application(entry.applicationId);
      if (!application) continue;
      if (application.stage === 'APPROVED') {
        await this.executor.execute({
          id: entry.applicationId,
          kind: { streamId: () => `application-${entry.applicationId}`, decider: applicationDecider, schemaVersions: APPLICATION_EVENT_SCHEMA_VERSIONS },
          command: {
            type: 'MarkDesignated',
            data: { applicationId: entry.applicationId, stationId: entry.stationId, plaqueNumber: entry.plaqueNumber },
          },
          ctx,
          legalBasis,
          ignoreExpectedRevision: true,
        });
      }
      const station = await this.store.readStream(`station-${entry.stationId}`, { maxCount: 1 });
      if (station.length > 0) continue;
      const { form } = application;
      await this.executor.execute({
        id: entry.stationId,
        kind: stationKind,
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
        ignoreExpectedRevision: true,
      });
    }
  }

  /** At start-up: finishes any publish that stopped half-way. */
  async completeAll(): Promise<void> {
    await this.readSide.caughtUp(30_000);
    const stationIds = new Set((await this.readSide.reader.stations({})).map((s) => s.id));
    for (const call of await this.readSide.reader.calls({ status: 'PUBLISHED' })) {
      const designated = new Set(
        (await this.readSide.reader.applications({ callId: call.id, stage: 'DESIGNATED' })).map((a) => a.id),
      );
      const pending = call.list.some((e) => !designated.has(e.applicationId) || !stationIds.has(e.stationId));
      if (!pending) continue;
      const events = await this.store.readStream(`call-${call.id}`);
      const published = events.find((e) => e.type === 'CallListPublished');
      if (published) {
        this.logger.warn(`Completing the designation of call ${call.id}'s list`);
        await this.complete(published);
      }
    }
  }

  private async application(applicationId: string): Promise<ApplicationView | undefined> {
    return foldView(projectApplication, await this.store.readStream(`application-${applicationId}`));
  }
}
