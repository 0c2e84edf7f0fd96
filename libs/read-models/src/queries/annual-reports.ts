import { reportStanding, type ReportStanding } from '@sme/domain/annualreport/annualreport.standing';
import type { AnnualReportStatus, ReportFigures, ReportSubjectKind } from '@sme/domain/annualreport/annualreport.terms';
import { isCityCode, isProvinceCode } from '@sme/domain/shared/region-code';
import type { ActivityView } from '../activity.projection';
import type { AnnualReportView } from '../annualreport.projection';
import type { CentreView } from '../centre.projection';
import type { DemandView } from '../demand.projection';
import type { Filter } from '../document-store/document-store.port';
import type { ProviderView } from '../provider.projection';
import type { StationView } from '../views';
import { serviceFigures } from './activity-figures';
import { allOf, regionCodeStartsWith } from './conditions';
import { cursorPage, type PageRequest } from './cursor-page';
import { deliveryFigures } from './delivery-list';
import { sortKeys, type ReadModelReader } from './read-model-reader';

export interface AnnualReportListFilter {
  year?: number;
  /** STATION, CENTRE, PROVIDER, or CITY for the cities' consolidated reports. */
  subjectKind?: ReportSubjectKind | 'CITY';
  status?: AnnualReportStatus;
  /** true: submitted after the deadline; false: on time. */
  late?: boolean;
  /** The subject's region: a district, a city (its districts) or a province. */
  regionCode?: string;
  /** Only the reports of this organisation (an organisation reading its own). */
  subjectOrgId?: string;
}

export const ANNUAL_REPORT_SORTS = ['submittedAt', 'year', 'updatedAt'] as const;

/** Documents of a region by their `regionCode` and `cityCode` fields (a station's district is its `districtCode`). */
function inRegion(regionCode: string, districtField = 'regionCode'): Filter {
  if (isProvinceCode(regionCode)) return districtField === 'regionCode' ? regionCodeStartsWith(regionCode.slice(0, 2)) : { cityCode: { $regex: `^${regionCode.slice(0, 2)}` } };
  if (isCityCode(regionCode)) return { $or: [{ cityCode: regionCode }, { [districtField]: regionCode }] };
  return { [districtField]: regionCode };
}

export function annualReportFilter(filter: AnnualReportListFilter): Filter {
  const all: Filter[] = [];
  if (filter.year !== undefined) all.push({ year: filter.year });
  if (filter.subjectKind) all.push({ subjectKind: filter.subjectKind });
  if (filter.status) all.push({ status: filter.status });
  if (filter.late !== undefined) all.push({ late: filter.late });
  if (filter.regionCode) all.push(inRegion(filter.regionCode));
  if (filter.subjectOrgId) all.push({ 'subject.orgId': filter.subjectOrgId });
  return allOf(all);
}

/** The report list: filters, sort (submittedAt, year, updatedAt; default newest first), cursor paging, total. */
export async function listAnnualReports(reader: ReadModelReader, filter: AnnualReportListFilter, sort: string | undefined, page: PageRequest) {
  return cursorPage(await reader.collection<AnnualReportView>('annualreports'), annualReportFilter(filter), sortKeys(sort, ANNUAL_REPORT_SORTS, '-submittedAt'), page);
}

/** Every report of a year and region (organisations' and cities'), oldest first. */
export async function reportsOfYear(reader: ReadModelReader, filter: { year: number; regionCode?: string; subjectKind?: AnnualReportListFilter['subjectKind'] }): Promise<AnnualReportView[]> {
  return (await reader.collection<AnnualReportView>('annualreports')).find(annualReportFilter(filter), { sort: { submittedAt: 1, _id: 1 } });
}

/** An organisation due to report its year. */
export interface DueOrganisation {
  kind: ReportSubjectKind;
  id: string;
  orgId: string;
  name: string;
  regionCode: string;
  cityCode: string | null;
}

/** One organisation's standing on the year's report, with the report when there is one. */
export interface ReportStandingRow extends DueOrganisation {
  standing: ReportStanding;
  reportId: string | null;
  submittedOn: string | null;
}

/** Active stations, recognised centres and providers in the 库 of the region: who owes a report. */
export async function dueOrganisations(reader: ReadModelReader, regionCode: string | undefined): Promise<DueOrganisation[]> {
  const where = (districtField?: string) => (regionCode ? [inRegion(regionCode, districtField)] : []);
  const stations = await (await reader.collection<StationView>('stations')).find(allOf([{ status: 'ACTIVE' }, ...where('districtCode')]), { sort: { _id: 1 } });
  const centres = await (await reader.collection<CentreView>('centres')).find(allOf([{ status: 'RECOGNISED' }, ...where()]), { sort: { _id: 1 } });
  const providers = await (await reader.collection<ProviderView>('providers')).find(allOf([{ status: 'IN_POOL' }, ...where()]), { sort: { _id: 1 } });
  return [
    ...stations.map((s): DueOrganisation => ({ kind: 'STATION', id: s.id, orgId: s.ownerOrgId, name: s.name, regionCode: s.districtCode, cityCode: s.cityCode })),
    ...centres.map((c): DueOrganisation => ({ kind: 'CENTRE', id: c.id, orgId: c.orgId, name: c.name, regionCode: c.regionCode, cityCode: c.cityCode })),
    ...providers.map((p): DueOrganisation => ({ kind: 'PROVIDER', id: p.id, orgId: p.uscc, name: p.name, regionCode: p.regionCode, cityCode: p.cityCode })),
  ];
}

/** Pure: each organisation due with its standing (reportStanding over the year's reports). */
export function standingsOf(due: readonly DueOrganisation[], reports: readonly AnnualReportView[]): ReportStandingRow[] {
  // Each organisation's first report of the year looked up once, not searched for in all of them once per
  // organisation (a province has about eleven thousand due).
  const firstOf = new Map<string, AnnualReportView & { subject: NonNullable<AnnualReportView['subject']> }>();
  const keyOf = (subject: { kind: string; id: string }) => `${subject.kind}\u0000${subject.id}`;
  for (const r of reports) if (r.subject !== null && !firstOf.has(keyOf(r.subject))) firstOf.set(keyOf(r.subject), { ...r, subject: r.subject });
  return due.map((o) => {
    const report = firstOf.get(keyOf(o));
    return { ...o, standing: reportStanding(report ? [report] : [], o), reportId: report?.id ?? null, submittedOn: report?.submittedOn ?? null };
  });
}

/** "Late and missing reports are visible": the organisations due in the region without an on-time report for the year. */
export async function missingReports(reader: ReadModelReader, filter: { year: number; regionCode?: string }): Promise<{ year: number; regionCode: string | null; items: ReportStandingRow[]; due: number }> {
  const due = await dueOrganisations(reader, filter.regionCode);
  const reports = await reportsOfYear(reader, { year: filter.year });
  const rows = standingsOf(due, reports);
  return { year: filter.year, regionCode: filter.regionCode ?? null, due: due.length, items: rows.filter((r) => r.standing !== 'ON_TIME') };
}

const chinaDayStart = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00.000+08:00`) + plusDays * 86_400_000).toISOString();

/** 服务需求 the organisation handled: accepted by the station (or the centre's organisation), or matched to the provider, and resolved in [from, until]. */
export async function demandsHandledBy(reader: ReadModelReader, subject: { kind: ReportSubjectKind; id: string; orgId: string }, from: string, until: string): Promise<number> {
  const whose = subject.kind === 'STATION' ? { stationId: subject.id } : subject.kind === 'PROVIDER' ? { 'match.providerId': subject.id } : { acceptedByOrgId: subject.orgId };
  const demands = await (await reader.collection<DemandView>('demands')).find(whose);
  const [start, end] = [chinaDayStart(from), chinaDayStart(until, 1)];
  return demands.filter((d) => d.resolution !== null && d.resolution.resolvedAt >= start && d.resolution.resolvedAt < end).length;
}

/** 主题月参与: the organisation's activities held in [from, until] that belong to a theme month, and the months. */
export async function themeMonthsOf(reader: ReadModelReader, subject: { kind: ReportSubjectKind; id: string }, from: string, until: string): Promise<ReportFigures['themeMonths']> {
  const held = await (await reader.collection<ActivityView>('activities')).find({ 'organiser.kind': subject.kind, 'organiser.id': subject.id, status: 'HELD' });
  const linked = held.filter((a) => a.themeMonth !== null && a.heldOn !== null && a.heldOn >= from && a.heldOn <= until);
  return { activitiesHeld: linked.length, months: [...new Set(linked.map((a) => a.themeMonth!.month))].sort((a, b) => a - b) };
}

/**
 * The figures an organisation's report carries for `year`: 家次 and 户数 exactly as GET /activities/figures
 * counts them for the organisation, the deliveries' figures exactly as GET /deliveries/figures, the
 * demands handled and the theme months. The caller keeps the projections current first.
 */
export async function organisationYearFigures(reader: ReadModelReader, subject: { kind: ReportSubjectKind; id: string; orgId: string }, year: number): Promise<ReportFigures> {
  const [from, until] = [`${year}-01-01`, `${year}-12-31`];
  const services = (await serviceFigures(reader, { from, until, by: 'organiser', organiserKind: subject.kind, organiserId: subject.id })).total;
  const deliveries = await deliveryFigures(reader, { serverKind: subject.kind, serverId: subject.id, from, until });
  return { from, until, services, deliveries, demandsHandled: await demandsHandledBy(reader, subject, from, until), themeMonths: await themeMonthsOf(reader, subject, from, until) };
}

/** The projections a report's figures and standings read. */
export const ANNUAL_REPORT_SOURCES = ['activities', 'deliveries', 'followups', 'demands'] as const;
