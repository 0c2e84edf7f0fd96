import { instantMs } from '../shared/dates';
import { assertNever } from '../shared/decider';
import { momentMs } from '../shared/moments';
import { sameOrganisation } from '../shared/organisation';
import type { ExpertOrganisation } from './expert.commands';
import type { ExpertEvent, ExpertEvents } from './expert.events';

/** The organisation the expert belonged to over a stretch of time (`to` open while current). */
export type ExpertOrganisationSpell = { organisation: ExpertOrganisation; from: string; to?: string };

export type ExpertSuspension = { reason: string; from: string; until?: string; reinstatedAt?: string; reinstatementOpinion?: string };

export type ExpertRecord = ExpertEvents['ExpertRegistered']['data'] & {
  organisationHistory: ExpertOrganisationSpell[];
  admittedAt?: string;
  admissionOpinion?: string;
  suspensions: ExpertSuspension[];
};

export type ExpertState =
  | { status: 'NONE' }
  | ({ status: 'REGISTERED' } & ExpertRecord)
  | ({ status: 'ADMITTED' } & ExpertRecord & { admittedAt: string })
  | ({ status: 'REMOVED' } & ExpertRecord & { removedAt: string; removalReason: string });

export type ExpertStatus = ExpertState['status'];
export type ExistingExpert = Exclude<ExpertState, { status: 'NONE' }>;
export type AdmittedExpert = Extract<ExpertState, { status: 'ADMITTED' }>;

export const initialExpertState = (): ExpertState => ({ status: 'NONE' });

/** The end of a suspension's `until` day in China, as milliseconds. */
const untilMs = (until: string): number => momentMs(until);

function suspensionInForce(suspension: ExpertSuspension, t: number): boolean {
  return (
    instantMs(suspension.from) <= t &&
    (suspension.until === undefined || t <= untilMs(suspension.until)) &&
    (suspension.reinstatedAt === undefined || t < instantMs(suspension.reinstatedAt))
  );
}

/** The suspension in force at a moment, if any (a business date means the close of that day in China). */
export function expertSuspensionAt(state: ExpertState, at: Date | string): ExpertSuspension | undefined {
  if (state.status === 'NONE') return undefined;
  const t = momentMs(at);
  return state.suspensions.find((s) => suspensionInForce(s, t));
}

/**
 * Whether the expert could sit on a panel at a moment: admitted by then, not removed by then, and
 * not suspended then. The station application's panel requires it.
 */
export function isAvailableForPanel(state: ExpertState, at: Date | string): boolean {
  if (state.status === 'NONE' || state.admittedAt === undefined) return false;
  const t = momentMs(at);
  if (t < instantMs(state.admittedAt)) return false;
  if (state.status === 'REMOVED' && t >= instantMs(state.removedAt)) return false;
  return expertSuspensionAt(state, at) === undefined;
}

/** The organisation the expert belonged to at a moment; undefined before registration. */
export function expertOrganisationAt(state: ExpertState, at: Date | string): ExpertOrganisation | undefined {
  if (state.status === 'NONE') return undefined;
  const t = momentMs(at);
  return state.organisationHistory.find((s) => instantMs(s.from) <= t && (s.to === undefined || t < instantMs(s.to)))?.organisation;
}

/** Whether, at that moment, the expert belonged to one of `orgIds` (e.g. the applicant's USCC and owner org): 回避. */
export function expertHasConflictOfInterest(state: ExpertState, orgIds: readonly string[], at: Date | string): boolean {
  const organisation = expertOrganisationAt(state, at);
  return organisation !== undefined && orgIds.some((id) => sameOrganisation(id, organisation.id));
}

export function evolveExpert(state: ExpertState, event: ExpertEvent): ExpertState {
  switch (event.type) {
    case 'ExpertRegistered':
      return {
        status: 'REGISTERED',
        ...event.data,
        organisationHistory: [{ organisation: event.data.organisation, from: event.data.registeredAt }],
        suspensions: [],
      };
    case 'ExpertAdmitted':
      return state.status === 'REGISTERED'
        ? { ...state, status: 'ADMITTED', admittedAt: event.data.admittedAt, admissionOpinion: event.data.opinion }
        : state;
    case 'ExpertSuspended': {
      if (state.status !== 'ADMITTED') return state;
      const { reason, until, suspendedAt } = event.data;
      return { ...state, suspensions: [...state.suspensions, { reason, from: suspendedAt, ...(until === undefined ? {} : { until }) }] };
    }
    case 'ExpertReinstated': {
      if (state.status !== 'ADMITTED') return state;
      const { opinion, reinstatedAt } = event.data;
      const t = instantMs(reinstatedAt);
      return {
        ...state,
        suspensions: state.suspensions.map((s) => (suspensionInForce(s, t) ? { ...s, reinstatedAt, reinstatementOpinion: opinion } : s)),
      };
    }
    case 'ExpertRemoved':
      return state.status === 'NONE' || state.status === 'REMOVED'
        ? state
        : { ...state, status: 'REMOVED', removedAt: event.data.removedAt, removalReason: event.data.reason };
    case 'ExpertProfileUpdated':
      return state.status === 'NONE' ? state : { ...state, ...event.data.changes };
    case 'ExpertOrganisationChanged': {
      if (state.status === 'NONE') return state;
      const { to, changedAt } = event.data;
      const closed = state.organisationHistory.map((s) => (s.to === undefined ? { ...s, to: changedAt } : s));
      return { ...state, organisation: to, organisationHistory: [...closed, { organisation: to, from: changedAt }] };
    }
    default:
      return assertNever(event);
  }
}
