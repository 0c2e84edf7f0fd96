import {
  activeProviderWarning,
  currentStationsOf,
  evolveProvider,
  initialProviderState,
  type ProviderEvent,
  type ProviderRecord,
  type ProviderRemovalGround,
  type ProviderState,
} from '@sme/domain';
import { chinaDateOf } from '@sme/domain/shared/dates';
import type { RecordedEvent } from '@sme/event-store';
import { versionOf } from './view-version';
import type { ViewVersion } from './views';

/** One 入库 or 出库, dated, with the opinion behind an entry and the grounds of an exit. */
export interface ProviderMovementView {
  kind: 'ENTRY' | 'EXIT';
  /** The instant (ISO) and the business date in China. */
  at: string;
  on: string;
  opinion: string | null;
  grounds: ProviderRemovalGround[];
  removedBy: 'AUTHORITY' | 'PROVIDER' | null;
}

/** A stretch in the 库: `to` is null while it lasts (for the "in the pool on a date" filter). */
export interface ProviderPoolSpan {
  from: string;
  to: string | null;
}

/** A provider of the 优质服务机构库 (`provider-<id>`): the folded record plus what lists filter on. */
export type ProviderView = ViewVersion &
  ProviderRecord & {
    id: string;
    status: Exclude<ProviderState['status'], 'NONE'>;
    appliedAt: string;
    inPool: boolean;
    warned: boolean;
    probationDeadline: string | null;
    poolSpans: ProviderPoolSpan[];
    poolSpanCount: number;
    movements: ProviderMovementView[];
    currentStationIds: string[];
  };

function movementsOf(state: Exclude<ProviderState, { status: 'NONE' }>): ProviderMovementView[] {
  const admissions = state.entryRounds.filter((r) => r.outcome === 'ADMITTED');
  return state.periods.flatMap((p, i): ProviderMovementView[] => [
    { kind: 'ENTRY', at: p.admittedAt, on: chinaDateOf(p.admittedAt), opinion: admissions[i]?.opinion ?? null, grounds: [], removedBy: null },
    ...(p.removedAt === undefined
      ? []
      : [{ kind: 'EXIT' as const, at: p.removedAt, on: chinaDateOf(p.removedAt), opinion: p.removalOpinion ?? null, grounds: p.grounds ?? [], removedBy: p.removedBy ?? null }]),
  ]);
}

/**
 * Pure: the provider's view after one more of its events. The view is the provider's record (its
 * status and fields, as the domain folds them) plus what lists filter on, so the record part is folded
 * in place by the domain's own `evolveProvider` — one definition of what each event does to the record
 * — and the list fields are derived from it.
 */
export function projectProvider(view: ProviderView | undefined, recorded: RecordedEvent): ProviderView | undefined {
  const event = { type: recorded.type, data: recorded.data } as ProviderEvent;
  const state = evolveProvider(view ?? initialProviderState(), event);
  if (state.status === 'NONE') return view;
  const warning = activeProviderWarning(state);
  const poolSpans = state.periods.map((p) => ({ from: p.admittedAt, to: p.removedAt ?? null }));
  return {
    _id: state.providerId,
    ...state,
    ...versionOf(recorded),
    id: state.providerId,
    status: state.status,
    appliedAt: view?.appliedAt ?? state.entryRounds[0]?.appliedAt ?? recorded.metadata.occurredAt,
    inPool: state.status === 'IN_POOL',
    warned: warning !== undefined,
    probationDeadline: warning?.probationDeadline ?? null,
    poolSpans,
    poolSpanCount: poolSpans.length,
    movements: movementsOf(state),
    currentStationIds: currentStationsOf(state).map((s) => s.stationId),
  };
}
