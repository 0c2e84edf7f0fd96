import { grant, type AccessPolicy } from '../shared/access';
import { servingOrganisationGrant, stewardGrant } from '../delivery/delivery.parties';
import type { AnnualReportCommand } from './annualreport.commands';
import type { AnnualReportState, ExistingAnnualReport } from './annualreport.state';

type SubmitData = Extract<AnnualReportCommand, { type: 'SubmitAnnualReport' }>['data'];
type CityData = Extract<AnnualReportCommand, { type: 'SubmitCityReport' }>['data'];

/** The organisation whose report it is, in the role it serves as; for the city report, the hub that wrote it. */
const authorOf = (r: ExistingAnnualReport | undefined) => (r === undefined ? undefined : r.scope === 'CITY' ? { kind: 'HUB' as const, orgId: r.hub.orgId } : r.subject);

/** An organisation submits its own year, as the kind of organisation it is. */
const submitsAsItself = servingOrganisationGrant<ExistingAnnualReport, SubmitData>((_, data) => data.subject);
const theAuthor = servingOrganisationGrant<ExistingAnnualReport>(authorOf);

/** 主管: the hub for a station; the city authority for a provider and a local centre (and the city report); ADMIN for the province centre. */
const theSteward = stewardGrant<ExistingAnnualReport>((r) => r?.steward);

/** The hub of the city consolidates the city's reports (服务公约 二.5). */
const theCityHub = grant<ExistingAnnualReport, CityData>({ roles: ['HUB'], region: { of: (_, data) => data.cityCode, match: 'same' } });

/** The city authority of the city report's city. */
const theCityAuthority = grant<ExistingAnnualReport, unknown>({
  roles: ['CITY_AUTHORITY'],
  region: { of: (r) => (r?.scope === 'CITY' ? r.cityCode : r?.steward.regionCode), match: 'same' },
});

/** Who may do what to a year's report. */
export const annualReportAccess: AccessPolicy<AnnualReportCommand, AnnualReportState> = {
  SubmitAnnualReport: [submitsAsItself],
  ReturnAnnualReport: [theSteward],
  ResubmitAnnualReport: [theAuthor],
  AcceptAnnualReport: [theSteward],
  SubmitCityReport: [theCityHub],
  AcknowledgeCityReport: [theCityAuthority],
};
