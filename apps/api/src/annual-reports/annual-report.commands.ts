import { annualReportKind, chinaDateOf, cityCodeOf, regionNameZh, reportDeadline, type Actor, type AnnualReportCommand, type ReportSubjectKind } from '@sme/domain';
import { ANNUAL_REPORT_SOURCES, dueOrganisations, organisationYearFigures, reportsOfYear, standingsOf } from '@sme/read-models';
import type { CommandLookups, CompletedCommand, KindCommands } from '../commands/kind-command';
import type { RequestContext } from '../commands/request-context';
import { derivedId } from '../records/derived-id';
import { servingOrganisation } from '../records/serving-organisation';
import type { AnnualReportCommandBody, SubmitAnnualReportBody, SubmitCityReportBody } from './annual-report.messages';

/** One report per organisation and year: its id follows from both, so a second submission names the same record (409). */
export const annualReportIdFor = (subjectKind: ReportSubjectKind, subjectId: string, year: number): string => derivedId('annualreport', subjectKind, subjectId, year);

/** One city report per city and year. */
export const cityReportIdFor = (cityCode: string, year: number): string => derivedId('annualreport', 'CITY', cityCode, year);

/** The figures of the organisation's year, as the read side holds them now. */
async function figuresOf(lookups: CommandLookups, subject: { kind: ReportSubjectKind; id: string; orgId: string }, year: number) {
  await lookups.readSide.requireCurrent([...ANNUAL_REPORT_SOURCES]);
  return organisationYearFigures(lookups.readSide.reader, subject, year);
}

async function completeSubmission(body: SubmitAnnualReportBody, ctx: RequestContext, lookups: CommandLookups): Promise<CompletedCommand<AnnualReportCommand>> {
  const { subject: named, ...rest } = body.data;
  const { organisation, steward, mayServe } = await servingOrganisation(lookups.records, ctx.actor, named, chinaDateOf(ctx.occurredAt));
  const subject = { ...organisation, kind: named.kind };
  const year = typeof rest.year === 'number' ? rest.year : Number.NaN;
  const figures = Number.isInteger(year) ? await figuresOf(lookups, subject, year) : (undefined as never);
  const deadline = Number.isInteger(year) ? reportDeadline(year, lookups.config.annualReportDeadline) : '';
  return { command: { type: 'SubmitAnnualReport', data: { ...rest, subject, steward, figures, deadline, facts: { subjectMayReport: mayServe } } } };
}

async function completeCityReport(body: SubmitCityReportBody, actor: Actor, lookups: CommandLookups): Promise<CompletedCommand<AnnualReportCommand>> {
  const { year, cityCode } = body.data;
  await lookups.readSide.requireCurrent(['annualreports', 'stations', 'centres', 'providers']);
  const reader = lookups.readSide.reader;
  const reports = (await reportsOfYear(reader, { year, regionCode: cityCode })).filter((r) => r.subject !== null);
  const accepted = reports.filter((r) => r.status === 'ACCEPTED').map((r) => ({ reportId: r.id, subject: r.subject!, onTime: r.onTime, figures: r.figures! }));
  const missing = standingsOf(await dueOrganisations(reader, cityCode), reports).filter((s) => s.standing === 'MISSING').length;
  const city = cityCodeOf(cityCode);
  return {
    command: {
      type: 'SubmitCityReport',
      data: {
        ...body.data,
        hub: { orgId: actor.orgId, name: `${regionNameZh(city)}中小企业服务总站` },
        steward: { role: 'CITY_AUTHORITY', regionCode: city },
        accepted,
        outstanding: { notAccepted: reports.length - accepted.length, missing },
        deadline: reportDeadline(year, lookups.config.cityReportDeadline),
      },
    },
  };
}

export const annualReportCommands: KindCommands<AnnualReportCommand, AnnualReportCommandBody> = {
  kind: annualReportKind,
  idOf: (command) => command.data.reportId,
  async complete(command, ctx, lookups) {
    switch (command.type) {
      case 'SubmitAnnualReport':
        return completeSubmission(command, ctx, lookups);
      case 'ResubmitAnnualReport': {
        const state = await lookups.records.state(annualReportKind, command.data.reportId);
        if (state.status === 'NONE' || state.scope !== 'ORGANISATION') return { command: { ...command, data: { ...command.data, figures: undefined as never } } };
        const figures = await figuresOf(lookups, state.subject, state.year);
        return { command: { type: 'ResubmitAnnualReport', data: { ...command.data, figures } } };
      }
      case 'SubmitCityReport':
        return completeCityReport(command, ctx.actor, lookups);
      default:
        return { command };
    }
  },
};
