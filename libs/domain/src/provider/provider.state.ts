import { chinaDateOf, compareBusinessDates, instantMs } from '../shared/dates';
import { assertNever } from '../shared/decider';
import { momentMs } from '../shared/moments';
import type { WarningLiftBasis } from './provider.commands';
import type { ProviderEvent, ProviderEvents } from './provider.events';
import type { ProviderRemovalGround } from './removal-grounds';

/** One round of 申请入库 and its outcome. */
export type ProviderEntryRound = {
  appliedAt: string;
  outcome: 'PENDING' | 'ADMITTED' | 'REFUSED';
  decidedAt?: string;
  reasons?: string[];
  opinion?: string;
};

/** A stretch of time in the 库: 入库 to 出库 (open while in the pool). */
export type ProviderPoolPeriod = {
  admittedAt: string;
  removedAt?: string;
  grounds?: ProviderRemovalGround[];
  removedBy?: ProviderEvents['ProviderRemoved']['data']['removedBy'];
  removalOpinion?: string;
};

export type ProviderEvaluationRecord = Omit<ProviderEvents['ProviderEvaluated']['data'], 'providerId'>;

export type ProviderWarningEnd =
  | { how: 'LIFTED'; basis: WarningLiftBasis; evaluationId?: string; opinion: string; at: string }
  | { how: 'REMOVED'; at: string };

/** 警示/整改期; open until lifted or until the provider leaves the 库. */
export type ProviderWarning = { evaluationId: string; period: string; probationDeadline: string; warnedAt: string; ended?: ProviderWarningEnd };

/** A stay at a service station (入驻); open while `leftAt` is absent. */
export type ProviderStationStay = {
  stationId: string;
  since: string;
  leftAt?: string;
  reason?: string;
  cause?: ProviderEvents['ProviderLeftStation']['data']['cause'];
};

export type ProviderRecord = Omit<ProviderEvents['ProviderAppliedForEntry']['data'], 'appliedAt'> & {
  entryRounds: ProviderEntryRound[];
  periods: ProviderPoolPeriod[];
  evaluations: ProviderEvaluationRecord[];
  warnings: ProviderWarning[];
  /** Failed evaluations in a row in the current pool period. */
  consecutiveFailures: number;
  /** The latest evaluation was a repeated failure: the authority may remove (出库); nothing removes by itself. */
  removalRecommended: boolean;
  stations: ProviderStationStay[];
};

export type ProviderState =
  | { status: 'NONE' }
  | ({ status: 'APPLIED' } & ProviderRecord)
  | ({ status: 'REFUSED' } & ProviderRecord)
  | ({ status: 'IN_POOL' } & ProviderRecord)
  | ({ status: 'REMOVED' } & ProviderRecord);

export type ProviderStatus = ProviderState['status'];
export type ExistingProvider = Exclude<ProviderState, { status: 'NONE' }>;
export type InPoolProvider = Extract<ProviderState, { status: 'IN_POOL' }>;

export const initialProviderState = (): ProviderState => ({ status: 'NONE' });

const replaceLast = <T>(items: readonly T[], update: (item: T) => T): T[] =>
  items.length === 0 ? [...items] : [...items.slice(0, -1), update(items[items.length - 1])];

/** The open 警示 of a provider in the 库, if any. */
export function activeProviderWarning(state: ProviderState): ProviderWarning | undefined {
  if (state.status !== 'IN_POOL') return undefined;
  const last = state.warnings[state.warnings.length - 1];
  return last !== undefined && last.ended === undefined ? last : undefined;
}

/** Whether the 整改期 of the open warning ended before the day of `at` (China calendar). */
export function isProbationOverdue(state: ProviderState, at: Date | string): boolean {
  const warning = activeProviderWarning(state);
  return warning !== undefined && compareBusinessDates(chinaDateOf(new Date(momentMs(at))), warning.probationDeadline) > 0;
}

/** Whether the provider was in the 库 at a moment (a business date means the close of that day in China). */
export function inPoolOn(state: ProviderState, at: Date | string): boolean {
  if (state.status === 'NONE') return false;
  const t = momentMs(at);
  return state.periods.some((p) => instantMs(p.admittedAt) <= t && (p.removedAt === undefined || t < instantMs(p.removedAt)));
}

export type ProviderPoolMovement =
  | { kind: 'ENTRY'; at: string }
  | { kind: 'EXIT'; at: string; grounds: ProviderRemovalGround[]; removedBy: ProviderPoolPeriod['removedBy']; opinion?: string };

/** 入库 and 出库 in order, with the grounds of each exit: what a per-period projection lists. */
export function poolMovements(state: ProviderState): ProviderPoolMovement[] {
  if (state.status === 'NONE') return [];
  return state.periods.flatMap((p): ProviderPoolMovement[] => [
    { kind: 'ENTRY', at: p.admittedAt },
    ...(p.removedAt === undefined
      ? []
      : [{ kind: 'EXIT' as const, at: p.removedAt, grounds: p.grounds ?? [], removedBy: p.removedBy, opinion: p.removalOpinion }]),
  ]);
}

/** The stations the provider is settled at now. */
export const currentStationsOf = (state: ProviderState): ProviderStationStay[] =>
  state.status === 'NONE' ? [] : state.stations.filter((s) => s.leftAt === undefined);

/** Folds one event into the provider's record. */
export function evolveProvider(state: ProviderState, event: ProviderEvent): ProviderState {
  switch (event.type) {
    case 'ProviderAppliedForEntry': {
      const { appliedAt, ...profile } = event.data;
      const round: ProviderEntryRound = { appliedAt, outcome: 'PENDING' };
      if (state.status === 'NONE') {
        return {
          status: 'APPLIED',
          ...profile,
          entryRounds: [round],
          periods: [],
          evaluations: [],
          warnings: [],
          consecutiveFailures: 0,
          removalRecommended: false,
          stations: [],
        };
      }
      return { ...state, ...profile, status: 'APPLIED', entryRounds: [...state.entryRounds, round] };
    }
    case 'ProviderAdmitted': {
      if (state.status !== 'APPLIED') return state;
      const { opinion, admittedAt } = event.data;
      return {
        ...state,
        status: 'IN_POOL',
        entryRounds: replaceLast(state.entryRounds, (r) => ({ ...r, outcome: 'ADMITTED', decidedAt: admittedAt, opinion })),
        periods: [...state.periods, { admittedAt }],
      };
    }
    case 'ProviderEntryRefused': {
      if (state.status !== 'APPLIED') return state;
      const { reasons, opinion, refusedAt } = event.data;
      return {
        ...state,
        status: 'REFUSED',
        entryRounds: replaceLast(state.entryRounds, (r) => ({ ...r, outcome: 'REFUSED', decidedAt: refusedAt, reasons, opinion })),
      };
    }
    case 'ProviderEvaluated': {
      if (state.status !== 'IN_POOL') return state;
      const { providerId: _, ...evaluation } = event.data;
      return {
        ...state,
        evaluations: [...state.evaluations, evaluation],
        consecutiveFailures: evaluation.passed ? 0 : state.consecutiveFailures + 1,
        removalRecommended: evaluation.removalRecommended,
      };
    }
    case 'ProviderWarned': {
      if (state.status !== 'IN_POOL') return state;
      const { evaluationId, period, probationDeadline, warnedAt } = event.data;
      return { ...state, warnings: [...state.warnings, { evaluationId, period, probationDeadline, warnedAt }] };
    }
    case 'ProviderWarningLifted': {
      if (state.status !== 'IN_POOL') return state;
      const { basis, evaluationId, opinion, liftedAt } = event.data;
      const ended: ProviderWarningEnd = { how: 'LIFTED', basis, ...(evaluationId === undefined ? {} : { evaluationId }), opinion, at: liftedAt };
      return { ...state, warnings: replaceLast(state.warnings, (w) => (w.ended ? w : { ...w, ended })), removalRecommended: false };
    }
    case 'ProviderRemoved': {
      if (state.status !== 'IN_POOL') return state;
      const { grounds, removedBy, opinion, removedAt } = event.data;
      return {
        ...state,
        status: 'REMOVED',
        periods: replaceLast(state.periods, (p) => ({ ...p, removedAt, grounds, removedBy, removalOpinion: opinion })),
        warnings: replaceLast(state.warnings, (w) => (w.ended ? w : { ...w, ended: { how: 'REMOVED', at: removedAt } })),
        consecutiveFailures: 0,
        removalRecommended: false,
      };
    }
    case 'ProviderSettledAtStation': {
      if (state.status !== 'IN_POOL') return state;
      const { stationId, since } = event.data;
      return { ...state, stations: [...state.stations, { stationId, since }] };
    }
    case 'ProviderLeftStation': {
      if (state.status === 'NONE') return state;
      const { stationId, reason, cause, leftAt } = event.data;
      return {
        ...state,
        stations: state.stations.map((s) => (s.stationId === stationId && s.leftAt === undefined ? { ...s, leftAt, reason, cause } : s)),
      };
    }
    default:
      return assertNever(event);
  }
}
