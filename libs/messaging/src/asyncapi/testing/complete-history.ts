import { createHash, randomUUID } from 'node:crypto';
import {
  materialKinds,
  applicationKind,
  callKind,
  stationKind,
  toCallSnapshot,
  usccCheckCharacter,
  type Actor,
  type ApplicationForm,
  type CallState,
} from '@sme/domain';
import type { EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { CITY, HUB, TIANHE_DISTRICT } from '@sme/event-store/testing/history-actors';
import { admittedInMemory, panelFrom, writeStationHistory, type HistoryOptions, type WrittenHistory } from '@sme/read-models/testing/station-history';

/**
 * writeStationHistory plus, through the same deciders, the events it never writes: a material attached
 * to a draft (ApplicationMaterialAttached) and a revocation proposal the city rejects
 * (RevocationProposalRejected). The extra acts also carry what the plain history leaves out: a park
 * operator (parkOpenedOn), evidence files, a legal basis and a causation id.
 */
export interface CompleteHistory extends WrittenHistory {
  /** The station whose revocation proposal was rejected (it stays ACTIVE). */
  reprievedStationId: string;
  /** The application that attached a material before submitting. */
  lateMaterialApplicationId: string;
}

const LEGAL_BASIS = '穗工信函〔2019〕1100号';

export async function writeCompleteHistory(store: EventStore, options: HistoryOptions = {}): Promise<CompleteHistory> {
  const written = await writeStationHistory(store, options);
  const startYear = options.startYear ?? 2019;
  const lastYear = startYear + (options.calls ?? 1) - 1;
  const events = written.events;

  const runner = commandRunner(store);
  const run = runner.run;

  // A revocation proposal the city turns down: the first station that is still active.
  let reprievedStationId: string | undefined;
  for (const stationId of written.stationIds) {
    const stream = await store.readStream(stationKind.streamId(stationId));
    if (stream[stream.length - 1]?.type === 'CovenantSigned') {
      reprievedStationId = stationId;
      break;
    }
  }
  if (!reprievedStationId) throw new Error('The history has no active station (write more applications per call)');
  const proposalId = randomUUID();
  const proposed = await run(stationKind, reprievedStationId, HUB, `${lastYear + 2}-02-01T10:00:00+08:00`, 'ProposeRevocation', {
    stationId: reprievedStationId,
    proposalId,
    grounds: ['COVENANT_SERIOUSLY_VIOLATED', 'LOW_SATISFACTION'],
    evidence: [
      { description: '投诉记录', fileName: 'complaints.pdf', sha256: createHash('sha256').update('complaints').digest('hex') },
      { description: '满意度回访' },
    ],
    opinion: '建议撤销',
    satisfactionFigures: { from: `${lastYear + 1}-01-01`, until: `${lastYear + 1}-12-31`, deliveries: 40, ratings: 31, averageRating: 2.41, poorRatings: 12, followUps: 14, followUpsClosedOnTime: 5, returnVisitRate: 0.35 },
  });
  await run(
    stationKind,
    reprievedStationId,
    CITY,
    `${lastYear + 2}-02-20T10:00:00+08:00`,
    'DecideRevocation',
    { stationId: reprievedStationId, proposalId, approved: false, opinion: '证据不足，不予撤销' },
    { causationId: proposed.events[0].id, legalBasis: LEGAL_BASIS },
  );

  // A park operator's draft that lacks one material, attaches it, then submits.
  const year = lastYear + 3;
  const callId = randomUUID();
  const opened = await run(callKind, callId, CITY, `${year}-05-24T09:00:00+08:00`, 'OpenCall', {
    callId,
    title: `广州市中小企业服务站征集（${year}年）`,
    documentNumber: `穗工信函〔${year}〕1200号`,
    cityCode: '440100',
    registrationCutoff: `${year - 1}-01-01`,
    districtDeadline: `${year}-06-18T17:00+08:00`,
    cityDeadline: `${year}-06-21T00:00:00+08:00`,
    targetStationCount: 10,
  }, { legalBasis: LEGAL_BASIS });
  const call = toCallSnapshot(opened.state as CallState);
  const uscc17 = '91440106MA5CPARK0';
  const operator: Actor = { id: 'operator-park', role: 'STATION_OPERATOR', orgId: uscc17 + usccCheckCharacter(uscc17), regionCode: '440106' };
  const applicationId = randomUUID();
  const digest = (kind: string) => createHash('sha256').update(`park-${kind}`).digest('hex');
  const form: ApplicationForm = {
    operator: {
      name: '天河科技园运营有限公司',
      uscc: operator.orgId,
      type: 'SCIENCE_PARK',
      industry: '新一代信息技术',
      registrationDate: '2010-09-01',
      registrationRegionCode: '440106',
      legalRepresentative: '法定代表人',
      nature: '有限责任公司',
      registeredAddress: '广州市天河区示例大道2号',
      postcode: '510630',
      officeAddress: '广州市天河区示例大道2号',
      contact: { name: '联系人', phone: '020-38000001 / 13800000001', email: 'park@example.cn' },
      parkOpenedOn: '2011-05',
      enterprisesServed: 320,
    },
    operations: [year - 2, year - 1].map((y) => ({ year: y, revenue: 2400.5, serviceRevenue: 800, totalAssets: 12000, totalProfit: -35.2, taxPaid: 60, smesServed: 410 })),
    station: {
      name: '天河科技园中小企业服务站',
      districtCode: '440106',
      address: '广州市天河区示例大道2号一楼',
      areaSqm: 180.5,
      fullTimeStaff: 3,
      qualifiedFullTimeStaff: 2,
      partTimeStaff: 4,
      head: { name: '站长', phone: '13800000002', email: 'head@park.example.cn', education: 'ABOVE_BACHELOR' },
    },
    materials: materialKinds.codes.filter((kind) => kind !== 'SERVICE_EVIDENCE').map((kind) => ({ kind, fileName: `${kind}.pdf`, sha256: digest(kind) })),
  };
  const step = (actor: Actor, at: string, type: string, data: object) =>
    run(applicationKind, applicationId, actor, at, type as never, { applicationId, ...data });
  await step(operator, `${year}-06-01T10:00:00+08:00`, 'CreateApplication', { call, form });
  await step(operator, `${year}-06-02T10:00:00+08:00`, 'AttachMaterial', { kind: 'SERVICE_EVIDENCE', fileName: '服务证明.pdf', sha256: digest('SERVICE_EVIDENCE') });
  await step(operator, `${year}-06-03T10:00:00+08:00`, 'SubmitApplication', { call });
  // On to a recommendation whose average is not a whole number (85.33).
  const experts: Actor[] = ['a', 'b', 'c'].map((n) => ({ id: `expert-${n}`, role: 'EXPERT', orgId: `EXPERT-ORG-${n}`, regionCode: '440100' }));
  await step(TIANHE_DISTRICT, `${year}-06-19T10:00:00+08:00`, 'ReviewByDistrict', { call, passed: true, opinion: '同意报市' });
  const registry = admittedInMemory(
    experts.map((actor) => ({ actor, name: `专家${actor.id.slice(-1)}`, organisationName: `${actor.orgId} 单位` })),
    year,
  );
  const formedAt = `${year}-07-01T10:00:00+08:00`;
  await step(HUB, formedAt, 'FormExpertPanel', { experts: panelFrom(registry, experts.map((e) => e.id), formedAt) });
  for (const [k, expert] of experts.entries()) {
    await step(expert, `${year}-07-0${2 + k}T10:00:00+08:00`, 'ScoreApplication', { score: [80, 85, 91][k], opinion: '评审意见' });
  }
  await step(HUB, `${year}-07-20T10:00:00+08:00`, 'IssueRecommendation', { recommended: true, opinion: '推荐' });

  return {
    callIds: [...written.callIds, callId],
    applicationIds: [...written.applicationIds, applicationId],
    stationIds: written.stationIds,
    events: events + runner.events,
    reprievedStationId,
    lateMaterialApplicationId: applicationId,
  };
}
