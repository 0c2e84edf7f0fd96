import { createHash, randomUUID } from 'node:crypto';
import {
  materialKinds,
  applicationDecider,
  applicationKind,
  type Actor,
  type ApplicationCommand,
  type ApplicationEvent,
  type ApplicationState,
  type CallSnapshot,
} from '@sme/domain';
import { newEventId, type EventToAppend } from '@sme/event-store';
import { actors, callBody, form, operator } from '../../test/e2e/support/station-lifecycle';

/** The realistic request bodies and actors of the end-to-end suites (the 2019 Guangzhou call). */
export { actors, callBody, form, operator };

/** Business times inside the call's application window (drafts, then materials). */
export const DRAFTED_AT = '2019-06-03T10:00:00+08:00';
export const MATERIALS_AT = '2019-06-05T10:00:00+08:00';

const digests = Array.from({ length: 64 }, (_, n) => createHash('sha256').update(`material-version-${n}`).digest('hex'));

/** The n-th replacement material: the six kinds in turn, each a new file version. */
export function materialNumber(n: number): { kind: (typeof materialKinds.codes)[number]; fileName: string; sha256: string } {
  const kind = materialKinds.codes[n % materialKinds.codes.length];
  return { kind, fileName: `${kind}-v${n}.pdf`, sha256: digests[n % digests.length] };
}

/** Body of POST /applications/:id/materials (and of the no-op baseline). */
export const attachMaterialBody = (n: number) => ({ material: materialNumber(n), occurredAt: MATERIALS_AT });

/** What an application command sees of the call opened with `callBody`. */
export function callSnapshotOf(callId: string): CallSnapshot {
  const { cityCode, documentNumber, registrationCutoff, districtDeadline, cityDeadline, targetStationCount } = callBody;
  return { id: callId, status: 'OPEN', cityCode, documentNumber, registrationCutoff, districtDeadline, cityDeadline, targetStationCount };
}

/** A domain event in its stored form, with the envelope the API's command executor gives it. */
export function toStored(event: ApplicationEvent, actor: Actor, occurredAt: string): EventToAppend {
  return {
    id: newEventId(),
    type: event.type,
    schemaVersion: applicationKind.schemaVersions[event.type] ?? 1,
    data: event.data as Record<string, unknown>,
    metadata: {
      occurredAt,
      recordedAt: new Date().toISOString(),
      actor,
      correlationId: randomUUID(),
      causationId: null,
      legalBasis: callBody.documentNumber,
    },
  };
}

/**
 * The history of one draft application decided by the real decider: drafted, then `count - 1`
 * material replacements, each a second apart.
 */
export function draftHistory(applicationId: string, count: number, seed = 1): EventToAppend[] {
  const actor = operator(seed);
  const start = Date.parse(DRAFTED_AT);
  const call = callSnapshotOf(randomUUID());
  let state: ApplicationState = applicationDecider.initialState();
  const stored: EventToAppend[] = [];
  for (let n = 0; n < count; n += 1) {
    const now = new Date(start + n * 1000);
    const command: ApplicationCommand =
      n === 0
        ? { type: 'CreateApplication', data: { applicationId, call, form: form(seed) }, metadata: { now, actor } }
        : { type: 'AttachMaterial', data: { applicationId, ...materialNumber(n) }, metadata: { now, actor } };
    for (const event of applicationDecider.decide(command, state)) {
      state = applicationDecider.evolve(state, event);
      stored.push(toStored(event, actor, now.toISOString()));
    }
  }
  return stored;
}

/** One material replacement in stored form, for appends that need no decider. */
export function materialAttached(applicationId: string, n: number, actor: Actor = operator(1)): EventToAppend {
  const attachedAt = new Date(Date.parse(MATERIALS_AT) + n * 1000).toISOString();
  return toStored({ type: 'ApplicationMaterialAttached', data: { applicationId, material: materialNumber(n), attachedAt } }, actor, attachedAt);
}

export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
