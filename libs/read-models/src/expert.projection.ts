import type { ExpertOrganisation, ExpertSpecialty } from '@sme/domain/expert/expert.commands';
import type { ExpertEvent } from '@sme/domain/expert/expert.events';
import { momentMs } from '@sme/domain/shared/moments';
import { assertNever } from '@sme/domain/shared/decider';
import type { RecordedEvent } from '@sme/event-store';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

/** A suspension of an expert: `endsAt` is the close of the `until` day in China (null: until reinstated). */
export interface ExpertSuspensionRecord {
  reason: string;
  from: string;
  until: string | null;
  endsAt: string | null;
  reinstatedAt: string | null;
  reinstatementOpinion: string | null;
}

/** One change of an expert's record: which event, when (business time), by whom, why. */
export interface ExpertChange {
  event: string;
  at: string;
  by: string;
  byRole: string;
  reason: string | null;
}

/** An expert of the 服务专家库 (`expert-<id>`). Whether a suspension is in force depends on the time of reading. */
export interface ExpertView extends ViewVersion {
  id: string;
  name: string;
  specialties: ExpertSpecialty[];
  organisation: ExpertOrganisation;
  organisationHistory: { organisation: ExpertOrganisation; from: string; to: string | null }[];
  regionCode: string;
  cityCode: string;
  title: string;
  registeredBy: 'SELF' | 'HUB';
  registeredAt: string;
  status: 'REGISTERED' | 'ADMITTED' | 'REMOVED';
  admittedAt: string | null;
  admissionOpinion: string | null;
  /** The latest suspension not lifted by a reinstatement (it may have run out since). */
  suspension: ExpertSuspensionRecord | null;
  suspensions: ExpertSuspensionRecord[];
  removedAt: string | null;
  removalReason: string | null;
  history: ExpertChange[];
}

const changeOf = (recorded: RecordedEvent): ExpertChange => ({
  event: recorded.type,
  at: recorded.metadata.occurredAt,
  by: recorded.metadata.actor.id,
  byRole: recorded.metadata.actor.role,
  reason: recorded.metadata.reason ?? null,
});

/** Whether a suspension not yet lifted still ran at `at` (ISO instant). */
const runningAt = (s: ExpertSuspensionRecord, at: string): boolean =>
  s.reinstatedAt === null && Date.parse(s.from) <= Date.parse(at) && (s.endsAt === null || Date.parse(at) <= Date.parse(s.endsAt));

/** What a new expert’s view holds of admission, suspension and removal no event has filled yet. */
export const expertBlanks = () => ({
  admittedAt: null,
  admissionOpinion: null,
  suspension: null,
  suspensions: [],
  removedAt: null,
  removalReason: null,
}) satisfies Partial<ExpertView>;

/** Pure: the expert's view after one more of its events. */
export const projectExpert = projectionStep<ExpertView, ExpertEvent>((view, event, version, recorded) => {
  const touched = (next: ExpertView): ExpertView => ({ ...next, history: [...next.history, changeOf(recorded)], ...version });
  switch (event.type) {
    case 'ExpertRegistered': {
      const { expertId, registeredAt, ...rest } = event.data;
      return {
        _id: expertId,
        id: expertId,
        ...rest,
        registeredAt,
        organisationHistory: [{ organisation: rest.organisation, from: registeredAt, to: null }],
        status: 'REGISTERED',
        ...expertBlanks(),
        history: [changeOf(recorded)],
        ...version,
      };
    }
    case 'ExpertAdmitted':
      return view && touched({ ...view, status: 'ADMITTED', admittedAt: event.data.admittedAt, admissionOpinion: event.data.opinion });
    case 'ExpertSuspended': {
      if (!view) return view;
      const { reason, until, suspendedAt } = event.data;
      const suspension: ExpertSuspensionRecord = {
        reason,
        from: suspendedAt,
        until: until ?? null,
        endsAt: until === undefined ? null : new Date(momentMs(until)).toISOString(),
        reinstatedAt: null,
        reinstatementOpinion: null,
      };
      return touched({ ...view, suspension, suspensions: [...view.suspensions, suspension] });
    }
    case 'ExpertReinstated': {
      if (!view) return view;
      const { opinion, reinstatedAt } = event.data;
      const suspensions = view.suspensions.map((s) => (runningAt(s, reinstatedAt) ? { ...s, reinstatedAt, reinstatementOpinion: opinion } : s));
      return touched({ ...view, suspension: null, suspensions });
    }
    case 'ExpertRemoved':
      return view && touched({ ...view, status: 'REMOVED', removedAt: event.data.removedAt, removalReason: event.data.reason });
    case 'ExpertProfileUpdated':
      return view && touched({ ...view, ...event.data.changes });
    case 'ExpertOrganisationChanged': {
      if (!view) return view;
      const { to, changedAt } = event.data;
      const closed = view.organisationHistory.map((s) => (s.to === null ? { ...s, to: changedAt } : s));
      return touched({ ...view, organisation: to, organisationHistory: [...closed, { organisation: to, from: changedAt, to: null }] });
    }
    default:
      return assertNever(event);
  }
});
