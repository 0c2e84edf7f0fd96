import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { evaluationKind, type Actor, type SchemeContent } from '@sme/domain';
import { annualReportCommands, annualReportIdFor, cityReportIdFor } from '../annual-reports/annual-report.commands';
import { evaluationIdOf, flagProposalIdOf, schemeIdOf } from '../evaluations/evaluation-ids';
import { evaluationCommands, evaluationSchemeCommands } from '../evaluations/evaluation.commands';
import { Reactors } from '../reactors/reactors.service';
import { RecordLoader } from '../records/record-loader';
import { stationCommands } from '../stations/station.commands';
import { CITY, HUB } from './demo-data';
import demoYears from './demo-years.json';
import { demoLoaded, demoRunner, demoStations, demoTime as at } from './demo-runner';

const EVALUATOR: Actor = { id: 'gz-evaluator', role: 'EVALUATOR', orgId: 'GZ-EVALUATION-OFFICE', regionCode: '440100' };
const plan = (year: number) => ({ summary: `${year + 1}年深化融资对接和政策宣贯服务（示例）`, targets: [{ indicator: 'ACTIVITIES_HELD' as const, value: 12 }, { indicator: 'AVERAGE_RATING' as const, value: 4.5 }] });

/**
 * One year's 综合评价 of the demo stations: the scheme, each station's 年度总结 (on time, late or
 * missing), the hub's acceptances and city report, the run, the evaluators' review scores, publication,
 * commendations and, for 2019, a flag acted on.
 */
interface DemoYear {
  year: number;
  scheme: SchemeContent;
  schemeOn: string;
  /** Station key → the day its report is submitted; a station not named reports nothing. */
  reports: Record<number, string>;
  acceptedOn: string;
  cityReportOn: string;
  runOn: string;
  /** Station key → the evaluators' review score (the scheme's MANUAL indicator). */
  reviews: Record<number, number>;
  publishedOn: string;
  /** The flagged station whose flag the hub acts on, and how the city decides the proposal. */
  flagActedOn?: { key: number; on: string; decidedOn: string };
}

/**
 * The two demo years (data, in demo-years.json). 2019, the stations' first months (designated in
 * September): the scheme weighs what a new station can show — its 服务公约, its report on time, and
 * the evaluators' review of its set-up; the demo's service records are of 2026, so 2019's activity
 * figures are zero and those indicators and the review rank the stations. 2026, a full year of the
 * demo's services: activities, 家次, satisfaction, follow-ups on time, the report and the review.
 */
const DEMO_YEARS = demoYears as DemoYear[];

/**
 * Loads the demo's annual cycles through the command bus, every step at its business time: 2019 and
 * 2026, each ranked. Runs once: the 2019 evaluation marks it loaded.
 */
export async function loadDemoEvaluations(app: INestApplication): Promise<void> {
  if (await demoLoaded(app, evaluationKind.streamId(evaluationIdOf('440100', 2019, 'STATION')), 'evaluations')) return;
  const began = Date.now();
  const stationOf = await demoStations(app);
  for (const year of DEMO_YEARS) await loadYear(app, year, stationOf);
  new Logger('Demo').log(
    `Demo evaluations loaded: Guangzhou's stations ranked for 2019 and 2026 in ${Date.now() - began} ms. ` +
      `Try GET /evaluations/${evaluationIdOf('440100', 2026, 'STATION')}/results as an EVALUATOR of 440100.`,
  );
}

async function loadYear(app: INestApplication, y: DemoYear, stationOf: Awaited<ReturnType<typeof demoStations>>): Promise<void> {
  const { runs } = demoRunner(app.get(CommandBus));
  const [scheme, evaluation, report] = [runs(evaluationSchemeCommands), runs(evaluationCommands), runs(annualReportCommands)];
  const { year } = y;
  const evaluationId = evaluationIdOf('440100', year, 'STATION');
  await scheme({ type: 'PublishEvaluationScheme', data: { schemeId: schemeIdOf('440100', year, 'STATION'), cityCode: '440100', year, scheme: y.scheme } }, CITY, at(y.schemeOn));

  for (const [key, on] of Object.entries(y.reports)) {
    const { station, operator } = stationOf(Number(key));
    const reportId = annualReportIdFor('STATION', station.id, year);
    const summary = `${year}年度服务工作总结：开展政策宣贯和融资对接服务，服务辖区中小企业（示例）`;
    await report({ type: 'SubmitAnnualReport', data: { reportId, year, subject: { kind: 'STATION', id: station.id }, summary, plan: plan(year) } }, operator, at(on));
    await report({ type: 'AcceptAnnualReport', data: { reportId, opinion: '总结内容完整，审核通过' } }, HUB, at(y.acceptedOn, '16:00'));
  }
  const cityReport = { reportId: cityReportIdFor('440100', year), year, cityCode: '440100', summary: `广州市${year}年度服务站工作总结（示例）`, plan: plan(year) };
  await report({ type: 'SubmitCityReport', data: cityReport }, HUB, at(y.cityReportOn, '17:00'));

  await evaluation({ type: 'RunEvaluation', data: { evaluationId, cityCode: '440100', year, subject: 'STATION' } }, EVALUATOR, at(y.runOn));
  for (const [key, score] of Object.entries(y.reviews)) {
    const { station } = stationOf(Number(key));
    const evidence = [{ description: `${year}年度现场检查记录：${station.name}（示例）` }];
    await evaluation({ type: 'RecordManualScore', data: { evaluationId, organisationId: station.id, indicatorId: 'review', score, evidence } }, EVALUATOR, at(y.runOn, '15:00'));
  }
  await evaluation({ type: 'PublishEvaluation', data: { evaluationId } }, CITY, at(y.publishedOn, '17:00'));
  // The city commends the first-ranked station when it is graded 优秀.
  const published = await app.get(RecordLoader).state(evaluationKind, evaluationId);
  const best = published.status === 'NONE' ? undefined : published.published?.results.find((r) => r.rankInCity === 1 && r.grade === 'EXCELLENT');
  if (best) await evaluation({ type: 'CommendOrganisation', data: { evaluationId, organisationId: best.organisationId, note: `${year}年度综合评价优秀，予以通报表扬（示例）` } }, CITY, at(y.publishedOn, '18:00'));

  if (y.flagActedOn) {
    const { key, on, decidedOn } = y.flagActedOn;
    const stationId = stationOf(key).station.id;
    const proposalId = flagProposalIdOf(evaluationId, stationId);
    const opinion = `${year}年度综合评价不合格且未报送年度总结，建议撤销称号和授牌`;
    const acted = await evaluation({ type: 'ActOnFlag', data: { evaluationId, organisationId: stationId, action: 'REVOCATION_PROPOSED', proposalId, opinion } }, HUB, at(on));
    // The flag-action reaction writes the proposal; the city then keeps the station after its 整改.
    if (acted.position !== null) await app.get(Reactors).settled(BigInt(acted.position));
    const decision = { type: 'DecideRevocation' as const, data: { stationId, proposalId, approved: false, opinion: '已完成整改并补报年度总结，保留服务站称号' } };
    await runs(stationCommands)(decision, CITY, at(decidedOn));
  }
}
