import { cityReportBody, planBody, reportBody } from '../support/annual-report-bodies';
import { actors } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';

/**
 * 年度服务总结: the station submits and resubmits its last year's report; the hub returns and accepts
 * it and submits the city report; the city authority acknowledges that.
 */
export const annualReportFixtures: Fixtures = {
  'annualreport.SubmitAnnualReport': async (w) => {
    const station = await w.station();
    return { path: '/annual-reports', body: reportBody('STATION', station.id, w.lastYear()), actor: station.operator };
  },
  'annualreport.ReturnAnnualReport': async (w) => ({ path: `/annual-reports/${(await w.annualReport()).id}/return`, body: { comments: '请补充' }, actor: actors.hub }),
  'annualreport.ResubmitAnnualReport': async (w) => {
    const { id, station } = await w.annualReport();
    return { path: `/annual-reports/${id}/resubmission`, body: { summary: '已补充', plan: planBody }, actor: station.operator };
  },
  'annualreport.AcceptAnnualReport': async (w) => ({ path: `/annual-reports/${(await w.annualReport()).id}/acceptance`, body: { opinion: '同意' }, actor: actors.hub }),
  'annualreport.SubmitCityReport': async (w) => ({ path: '/annual-reports/city', body: cityReportBody('440100', w.lastYear()), actor: actors.hub }),
  'annualreport.AcknowledgeCityReport': async (w) => ({ path: `/annual-reports/${await w.cityReport()}/acknowledgement`, body: { opinion: '已阅' }, actor: actors.city }),
};
