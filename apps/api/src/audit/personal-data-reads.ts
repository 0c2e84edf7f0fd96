import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { chinaDateOf, readLogKind, type Actor, type RecordPersonalDataRead } from '@sme/domain';
import { authorize } from '@sme/domain/shared/access';
import { EVENT_STORE, handleCommand, newEventId, type EventStore } from '@sme/event-store';

/** What a reading says of the personal data its record holds: the fields, and the region the record belongs to. */
export interface PersonalData<V> {
  kind: string;
  fields: readonly string[];
  regionOf(view: V): string;
  /** Whether this record holds any of it (an enterprise only once its ties are recorded); always, when not given. */
  holds?(view: V): boolean;
}

/**
 * Logs each read of personal data as the reader's own PersonalDataRead, in the day's stream
 * (`readlog-<YYYY-MM-DD>`, China time). The read is answered only once it is logged: a read that
 * cannot be logged is not served. The log's times are taken as each read is appended (reads on one
 * day take turns), so they never run backwards.
 */
@Injectable()
export class PersonalDataReads {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record(actor: Actor, read: { kind: string; id: string; regionCode: string; fields: readonly string[]; asOf?: Date }): Promise<void> {
    const now = new Date();
    const day = chinaDateOf(now);
    const command: RecordPersonalDataRead = {
      type: 'RecordPersonalDataRead',
      data: {
        day,
        reader: { id: actor.id, role: actor.role, orgId: actor.orgId, regionCode: actor.regionCode },
        record: { kind: read.kind, id: read.id, regionCode: read.regionCode },
        fields: [...read.fields],
        asOf: read.asOf ? read.asOf.toISOString() : 'now',
      },
      metadata: { now, actor },
    };
    await handleCommand(this.store, {
      streamId: readLogKind.streamId(day),
      decider: readLogKind.decider,
      authorize: (c, state) => authorize(readLogKind.access, c, state),
      command,
      toEventToAppend: (event) => {
        const at = new Date().toISOString();
        return { id: newEventId(), type: event.type, schemaVersion: 1, data: event.data as Record<string, unknown>, metadata: { occurredAt: at, recordedAt: at, actor, correlationId: randomUUID(), causationId: null } };
      },
    });
  }
}
