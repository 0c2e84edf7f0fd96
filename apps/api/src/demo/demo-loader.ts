import { loadDemoLibrary } from './demo-library';
import { loadDemoErasures } from './demo-erasures';
import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { callKind, type ServiceDomain } from '@sme/domain';
import { applicationCommands } from '../applications/application.commands';
import { callCommands } from '../calls/call.commands';
import { PublishCallListCommand } from '../calls/call.messages';
import { ExecuteKindCommand } from '../commands/kind-command';
import { expertCommands } from '../experts/expert.commands';
import { stationCommands } from '../stations/station.commands';
import { demoLoaded, demoRunner } from './demo-runner';
import { stationIdFor } from '../reactors/station-designation.reaction';
import { loadDemoActivities } from './demo-activities';
import { loadDemoServices } from './demo-services';
import { loadDemoCentres } from './demo-centres';
import { loadDemoEvaluations } from './demo-evaluations';
import { loadDemoVouchers } from './demo-vouchers';
import {
  AUDITOR,
  CITY,
  DEMO_APPLICANTS,
  DEMO_CALL,
  EXPERTS,
  EXPERT_NAMES,
  HUB,
  demoForm,
  districtAuthority,
  operatorActor,
  type DemoApplicant,
} from './demo-data';

const ORDER = ['DRAFT', 'SUBMITTED', 'DISTRICT_PASSED', 'PANEL_FORMED', 'SCORED', 'RECOMMENDED', 'APPROVED'] as const;
type Step = (typeof ORDER)[number];

/** How far along the happy path an outcome goes before it branches off. */
function reaches(applicant: DemoApplicant, step: Step): boolean {
  const last: Record<DemoApplicant['outcome'], Step> = {
    DRAFT: 'DRAFT',
    SUBMITTED: 'SUBMITTED',
    DISTRICT_REJECTED: 'SUBMITTED',
    DISTRICT_PASSED: 'DISTRICT_PASSED',
    PANEL_FORMED: 'PANEL_FORMED',
    SCORED: 'SCORED',
    NOT_RECOMMENDED: 'SCORED',
    RECOMMENDED: 'RECOMMENDED',
    REJECTED: 'RECOMMENDED',
    DESIGNATED: 'APPROVED',
    REVOKED: 'APPROVED',
    WITHDRAWN: 'APPROVED',
  };
  return ORDER.indexOf(step) <= ORDER.indexOf(last[applicant.outcome]);
}

/** What the registry holds of the demo experts besides their ids, names and organisation ids. */
const DEMO_EXPERT_PROFILES: { organisationName: string; title: string; specialties: { domain: ServiceDomain; detail?: string }[] }[] = [
  { organisationName: '广州某大学（示例）', title: '教授', specialties: [{ domain: 'MANAGEMENT_CONSULTING' }, { domain: 'TRAINING' }] },
  { organisationName: '广州某研究院（示例）', title: '研究员', specialties: [{ domain: 'TECHNOLOGY' }, { domain: 'IP', detail: '专利布局' }] },
  { organisationName: '广州某会计师事务所（示例）', title: '注册会计师', specialties: [{ domain: 'FINANCE' }, { domain: 'MANAGEMENT_CONSULTING', detail: '财务管理' }] },
];

const day = (date: string, key = 0) => `${date}T${String(9 + (key % 8)).padStart(2, '0')}:${String((key * 7) % 60).padStart(2, '0')}:00+08:00`;

/** What is loaded after the 2019 call, in this order; each part leaves alone what it already loaded. */
const AFTER_THE_CALL: ((app: INestApplication) => Promise<void>)[] = [
  loadDemoServices,
  loadDemoActivities,
  loadDemoCentres,
  loadDemoEvaluations,
  loadDemoVouchers,
  loadDemoLibrary,
  loadDemoErasures,
];

/**
 * Loads the 2019 Guangzhou call and applications at every stage through the real command handlers,
 * so every rule applies and every event is what a user would have produced, then the 2026 services
 * (demo-services.ts) and the service centres (demo-centres.ts). Runs once: an existing demo call is left alone, and so are loaded services.
 */
export async function loadDemoData(app: INestApplication): Promise<void> {
  if (!(await demoLoaded(app, callKind.streamId(DEMO_CALL.callId), 'data'))) await loadDemoCall(app);
  for (const load of AFTER_THE_CALL) await load(app);
}

/** The 2019 call, its applications, their experts and the stations designated. */
async function loadDemoCall(app: INestApplication): Promise<void> {
  const logger = new Logger('Demo');
  const bus = app.get(CommandBus);
  const { ctx, runs } = demoRunner(bus);
  const application = runs(applicationCommands);
  const station = runs(stationCommands);
  const expert = runs(expertCommands);

  // The panel experts: in the expert registry (registered by the hub, admitted by the city) before any panel.
  for (const [i, e] of EXPERTS.entries()) {
    const profile = DEMO_EXPERT_PROFILES[i];
    await expert(
      {
        type: 'RegisterExpert',
        data: { expertId: e.id, name: EXPERT_NAMES[i], specialties: profile.specialties, organisation: { id: e.orgId, name: profile.organisationName }, regionCode: e.regionCode, title: profile.title },
      },
      HUB,
      day('2019-05-06', i),
    );
    await expert({ type: 'AdmitExpert', data: { expertId: e.id, opinion: '资格审核通过，同意入库' } }, CITY, day('2019-05-10', i));
  }

  const { openedAt, ...call } = DEMO_CALL;
  await bus.execute(new ExecuteKindCommand(callCommands, { type: 'OpenCall', data: call }, ctx(CITY, openedAt)));

  const ids = new Map<number, string>();
  for (const a of DEMO_APPLICANTS) {
    const operator = operatorActor(a);
    const withoutEvidence = demoForm(a).materials.filter((m) => m.kind !== 'SERVICE_EVIDENCE').map((m) => m.kind);
    const { id } = await application(
      { type: 'CreateApplication', data: { applicationId: randomUUID(), callId: call.callId, form: demoForm(a, withoutEvidence) } },
      operator,
      day('2019-06-03', a.key),
    );
    ids.set(a.key, id);
    const evidence = demoForm(a).materials.find((m) => m.kind === 'SERVICE_EVIDENCE')!;
    await application({ type: 'AttachMaterial', data: { applicationId: id, ...evidence } }, operator, day('2019-06-05', a.key));
    if (!reaches(a, 'SUBMITTED')) continue;
    await application({ type: 'SubmitApplication', data: { applicationId: id } }, operator, day('2019-06-12', a.key));
  }

  for (const a of DEMO_APPLICANTS) {
    const applicationId = ids.get(a.key)!;
    if (a.outcome === 'DISTRICT_REJECTED') {
      const opinion = '服务场所证明与申请表地址不一致，初审不通过';
      await application({ type: 'ReviewByDistrict', data: { applicationId, passed: false, opinion } }, districtAuthority(a.districtCode), day('2019-06-19', a.key));
    }
    if (!reaches(a, 'DISTRICT_PASSED')) continue;
    await application(
      { type: 'ReviewByDistrict', data: { applicationId, passed: true, opinion: '材料齐全，符合申报条件，同意推荐' } },
      districtAuthority(a.districtCode),
      day('2019-06-19', a.key),
    );
    if (!reaches(a, 'PANEL_FORMED')) continue;
    const experts = EXPERTS.map((e) => ({ expertId: e.id }));
    await application({ type: 'FormExpertPanel', data: { applicationId, experts } }, HUB, day('2019-07-02', a.key));
    if (!reaches(a, 'SCORED')) continue;
    for (const [i, expert] of EXPERTS.entries()) {
      const score = a.outcome === 'NOT_RECOMMENDED' ? 52 + i : 78 + ((a.key * 3 + i * 5) % 18);
      const opinion = score >= 60 ? '服务基础较好，功能定位清晰' : '服务能力与场地条件不足';
      await application({ type: 'ScoreApplication', data: { applicationId, score, opinion } }, expert, day(`2019-07-1${i}`, a.key));
    }
    if (a.outcome === 'NOT_RECOMMENDED') {
      await application(
        { type: 'IssueRecommendation', data: { applicationId, recommended: false, opinion: '专家评审平均分低于60分，不予推荐' } },
        HUB,
        day('2019-07-20', a.key),
      );
    }
    if (!reaches(a, 'RECOMMENDED')) continue;
    await application(
      { type: 'IssueRecommendation', data: { applicationId, recommended: true, opinion: '专家评审通过，推荐认定' } },
      HUB,
      day('2019-07-20', a.key),
    );
    if (a.outcome === 'RECOMMENDED') continue;
    const approved = reaches(a, 'APPROVED');
    await application(
      {
        type: 'DecideApplication',
        data: { applicationId, approved, opinion: approved ? '审定通过' : '该区服务站布点已饱和，暂不认定' },
      },
      CITY,
      day('2019-08-15', a.key),
    );
  }

  await bus.execute(new ExecuteKindCommand(callCommands, { type: 'CloseCall', data: { callId: call.callId } }, ctx(CITY, day('2019-08-30'))));
  await bus.execute(new PublishCallListCommand(call.callId, ctx(CITY, day('2019-09-10'))));

  for (const a of DEMO_APPLICANTS.filter((x) => reaches(x, 'APPROVED'))) {
    const stationId = stationIdFor(ids.get(a.key)!);
    const operator = operatorActor(a);
    await station({ type: 'SignCovenant', data: { stationId, covenantVersion: '穗2019版' } }, operator, day('2019-09-20', a.key));
    if (a.outcome === 'REVOKED') {
      const proposalId = randomUUID();
      await station(
        {
          type: 'ProposeRevocation',
          data: {
            stationId,
            proposalId,
            grounds: ['LOW_SATISFACTION', 'COVENANT_SERIOUSLY_VIOLATED'],
            evidence: [{ description: '2020年度服务满意度回访：满意率41%（示例）' }, { description: '全年未报送服务工作总结（示例）' }],
            opinion: '服务满意度低且未履行服务公约，建议撤销称号和授牌',
          },
        },
        HUB,
        day('2020-11-16', a.key),
      );
      await station(
        { type: 'DecideRevocation', data: { stationId, proposalId, approved: true, opinion: '同意撤销其服务站称号和授牌' } },
        CITY,
        day('2020-12-08', a.key),
      );
    }
    if (a.outcome === 'WITHDRAWN') {
      await station({ type: 'WithdrawStation', data: { stationId, reason: '运营主体业务调整，申请退出（示例）' } }, operator, day('2021-03-01', a.key));
    }
  }
  logger.log(
    `Demo loaded: call ${call.documentNumber} (${call.callId}) with ${DEMO_APPLICANTS.length} applications. ` +
      `Try GET /calls/${call.callId} with a token from POST /auth/dev-token (e.g. role ${AUDITOR.role}).`,
  );
}
