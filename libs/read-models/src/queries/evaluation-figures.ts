import { addCalendarDays, chinaDateOf, countServiceVisits, DEMAND_ESCALATE_AFTER_DAYS_DEFAULT, reportStanding, type EvaluatedOrganisation, type EvaluationSubject, type OrganisationFigures } from '@sme/domain';
import type { EventStore, RecordedEvent } from '@sme/event-store';
import type { ActivityView } from '../activity.projection';
import type { AnnualReportView } from '../annualreport.projection';
import type { CentreView } from '../centre.projection';
import type { DeliveryView } from '../delivery.projection';
import type { DemandView } from '../demand.projection';
import type { FollowUpView } from '../follow-up.projection';
import { providersProjection } from '../pool-projections';
import { activitiesProjection, annualReportsProjection, centresProjection, deliveriesProjection, demandsProjection, followUpsProjection, stationsProjection } from '../projections';
import type { Projection } from '../projector/projection';
import type { ProviderView } from '../provider.projection';
import type { StationView } from '../views';
import { computeDeliveryFigures } from './delivery-list';
import type { RecordTimeIndex } from './record-times';
import { groupBy } from './group-by';

/** The views an evaluation reads, as they stood at one log position. */
export interface ViewsAt {
  stations: StationView[];
  providers: ProviderView[];
  centres: CentreView[];
  deliveries: DeliveryView[];
  followUps: FollowUpView[];
  activities: ActivityView[];
  demands: DemandView[];
  annualReports: AnnualReportView[];
}

const READ = {
  stations: stationsProjection,
  providers: providersProjection,
  centres: centresProjection,
  deliveries: deliveriesProjection,
  followUps: followUpsProjection,
  activities: activitiesProjection,
  demands: demandsProjection,
  annualReports: annualReportsProjection,
} as const;

/** The projections an evaluation reads. */
export const EVALUATION_PROJECTIONS: readonly Projection[] = Object.values(READ) as Projection[];

/**
 * The projections' own functions folded over the log's events in order, whatever the read models hold
 * now (they may be ahead). Views sorted by id, so the same events give the same arrays. The events
 * stream through: only the views are held, never the log.
 */
export async function foldViews(events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>): Promise<ViewsAt> {
  const folded = new Map<Projection, Map<string, unknown>>(Object.values(READ).map((p) => [p as Projection, new Map<string, unknown>()]));
  // A stream id is `<kind>-<id>`: its prefix names the one projection (if any) that reads it.
  const byPrefix = new Map([...folded].map(([projection, views]) => [projection.streamPrefix, { projection, views }]));
  for await (const event of events) {
    const dash = event.streamId.indexOf('-');
    const reader = dash < 0 ? undefined : byPrefix.get(event.streamId.slice(0, dash + 1));
    if (reader === undefined) continue;
    const id = event.streamId.slice(dash + 1);
    const view = reader.projection.apply(reader.views.get(id) as never, event);
    if (view === undefined) reader.views.delete(id);
    else reader.views.set(id, view);
  }
  const sorted = <V>(p: Projection): V[] => [...folded.get(p)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v as V);
  return {
    stations: sorted(READ.stations as Projection),
    providers: sorted(READ.providers as Projection),
    centres: sorted(READ.centres as Projection),
    deliveries: sorted(READ.deliveries as Projection),
    followUps: sorted(READ.followUps as Projection),
    activities: sorted(READ.activities as Projection),
    demands: sorted(READ.demands as Projection),
    annualReports: sorted(READ.annualReports as Projection),
  };
}

/**
 * The same views as `foldViews` over the log up to `position`, from the read side instead of a replay:
 * per projection, today's document of each record with no event past the position, and the others folded
 * from their own streams up to it (`RecordTimeIndex.documentsAt`: the projection's collection, or the
 * index of dated record states while there is none of this code's version). What the read models have
 * not taken in yet is read from the log, so the answer does not depend on how far they stand.
 */
export async function viewsAt(index: Pick<RecordTimeIndex, 'documentsAt'>, position: bigint): Promise<ViewsAt> {
  const read = async <V>(projection: Projection): Promise<V[]> => {
    const documents = await index.documentsAt(projection, Number(position));
    return documents.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)) as V[];
  };
  return {
    stations: await read(READ.stations as Projection),
    providers: await read(READ.providers as Projection),
    centres: await read(READ.centres as Projection),
    deliveries: await read(READ.deliveries as Projection),
    followUps: await read(READ.followUps as Projection),
    activities: await read(READ.activities as Projection),
    demands: await read(READ.demands as Projection),
    annualReports: await read(READ.annualReports as Projection),
  };
}

const PAGE = 1000;

/** The log's events up to `position` (inclusive), read page by page and handed on one page at a time. */
export async function* eventsUpTo(store: Pick<EventStore, 'readAll'>, position: bigint): AsyncGenerator<RecordedEvent> {
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    for (const event of page) {
      if (event.position > position) return;
      yield event;
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1].position;
  }
}

/** 按时报送年度总结: the organisation's report of the year was first submitted by the deadline in force (annual-reports kind). */
export function reportOnTime(reports: readonly AnnualReportView[], subject: EvaluationSubject, organisationId: string, year: number): boolean {
  const ofYear = reports.filter((r) => r.year === year && r.subject !== null).map((r) => ({ subject: { kind: r.subject!.kind, id: r.subject!.id }, onTime: r.onTime }));
  return reportStanding(ofYear, { kind: subject, id: organisationId }) === 'ON_TIME';
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

/** Demands raised in the year in the station's district, and how many this station accepted within the escalation period (days after raising). */
export function demandsAcceptedInTime(demands: readonly DemandView[], station: Pick<StationView, 'id' | 'districtCode'>, year: number): number | null {
  const raised = demands.filter((d) => d.regionCode === station.districtCode && chinaDateOf(d.raisedAt).startsWith(`${year}-`));
  const inTime = raised.filter(
    (d) => d.stationId === station.id && d.acceptedAt !== null && chinaDateOf(d.acceptedAt) <= addCalendarDays(chinaDateOf(d.raisedAt), DEMAND_ESCALATE_AFTER_DAYS_DEFAULT),
  );
  return rate(inTime.length, raised.length);
}

/** The views' records by the organisation they belong to, made once per views (a city's run reads them per organisation). */
interface ByOrganisation {
  deliveries: Map<string, DeliveryView[]>;
  activities: Map<string, ActivityView[]>;
  followUps: Map<string, FollowUpView[]>;
  /** Annual reports by their subject; demands by the district raised in; stations by id. */
  reports: Map<string, AnnualReportView[]>;
  demands: Map<string, DemandView[]>;
  stations: Map<string, StationView[]>;
}
const grouped = new WeakMap<ViewsAt, ByOrganisation>();
const organisationKey = (party: { kind: string; id: string }) => `${party.kind}\u0000${party.id}`;

function byOrganisation(views: ViewsAt): ByOrganisation {
  let groups = grouped.get(views);
  if (!groups) {
    groups = {
      deliveries: groupBy(views.deliveries, (d) => organisationKey(d.server)),
      activities: groupBy(views.activities, (a) => organisationKey(a.organiser)),
      followUps: groupBy(views.followUps, (f) => f.deliveryId),
      reports: groupBy(views.annualReports, (r) => (r.subject === null ? null : organisationKey(r.subject))),
      demands: groupBy(views.demands, (d) => d.regionCode),
      stations: groupBy(views.stations, (s) => s.id),
    };
    grouped.set(views, groups);
  }
  return groups;
}

/** One organisation's figures for the year, from the views (deliveries it served, activities it organised). */
export function organisationFigures(views: ViewsAt, subject: EvaluationSubject, organisationId: string, year: number): OrganisationFigures {
  const period = { from: `${year}-01-01`, until: `${year}-12-31` };
  const groups = byOrganisation(views);
  const key = organisationKey({ kind: subject, id: organisationId });
  const deliveries = groups.deliveries.get(key) ?? [];
  const d = computeDeliveryFigures(
    deliveries,
    deliveries.flatMap((x) => groups.followUps.get(x.id) ?? []),
    period,
  );
  const counted = deliveries.filter((x) => x.status !== 'CANCELLED' && x.deliveredOn !== null && x.deliveredOn >= period.from && x.deliveredOn <= period.until);
  const ratings = counted.flatMap((x) => (x.feedback === null ? [] : [x.feedback.rating]));
  const held = (groups.activities.get(key) ?? []).filter((a) => a.status === 'HELD' && a.heldOn !== null && a.heldOn >= period.from && a.heldOn <= period.until);
  const visits = countServiceVisits({
    activities: held.flatMap((a) => a.enterprisesPresent.map((e) => ({ enterpriseId: e.enterpriseId, recordId: a.id }))),
    deliveries: counted.map((x) => ({ enterpriseId: x.enterprise.enterpriseId, recordId: x.id })),
  });
  const station = subject === 'STATION' ? groups.stations.get(organisationId)?.[0] : undefined;
  return {
    activitiesHeld: held.length,
    serviceVisits: visits.enterpriseVisits,
    enterprisesServed: visits.distinctEnterprises,
    deliveriesArchived: counted.filter((x) => x.status === 'ARCHIVED').length,
    averageRating: d.averageRating,
    satisfiedShare: rate(ratings.filter((r) => r >= 4).length, ratings.length),
    followUpsOnTimeRate: d.followUpOnTimeRate,
    returnVisitRate: d.returnVisitRate,
    demandsAcceptedInTimeRate: station ? demandsAcceptedInTime(groups.demands.get(station.districtCode) ?? [], station, year) : null,
    freeServiceShare: d.freeShare,
    reportOnTime: reportOnTime(groups.reports.get(key) ?? [], subject, organisationId, year),
    covenantSigned: station !== undefined && station.covenants.length > 0,
  };
}

/**
 * The organisations a city's evaluation covers: its ACTIVE stations; the providers of its 库 on 12-31
 * of the year; its recognised centres (city, county, town). Sorted by id; each with its figures.
 */
export function evaluatedOrganisations(views: ViewsAt, scope: { cityCode: string; year: number; subject: EvaluationSubject }): EvaluatedOrganisation[] {
  const { cityCode, year, subject } = scope;
  const yearEnd = `${year}-12-31`;
  const list: { organisationId: string; name: string; districtCode: string }[] =
    subject === 'STATION'
      ? views.stations.filter((s) => s.cityCode === cityCode && s.status === 'ACTIVE').map((s) => ({ organisationId: s.id, name: s.name, districtCode: s.districtCode }))
      : subject === 'PROVIDER'
        ? views.providers
            .filter((p) => p.cityCode === cityCode && p.poolSpans.some((span) => chinaDateOf(span.from) <= yearEnd && (span.to === null || chinaDateOf(span.to) > yearEnd)))
            .map((p) => ({ organisationId: p.id, name: p.name, districtCode: p.regionCode }))
        : views.centres.filter((c) => c.cityCode === cityCode && c.status === 'RECOGNISED').map((c) => ({ organisationId: c.id, name: c.name, districtCode: c.regionCode }));
  return list
    .sort((a, b) => (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0))
    .map((o) => ({ organisationId: o.organisationId, name: o.name, districtCode: o.districtCode, figures: organisationFigures(views, subject, o.organisationId, year) }));
}

/** The run's organisations as the log stood at `position`. */
export async function evaluationFiguresAt(store: Pick<EventStore, 'readAll'>, position: bigint, scope: { cityCode: string; year: number; subject: EvaluationSubject }) {
  return evaluatedOrganisations(await foldViews(eventsUpTo(store, position)), scope);
}
