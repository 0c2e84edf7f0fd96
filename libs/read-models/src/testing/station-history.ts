/* Why this file is long: a test-data writer that walks whole station procedures (call, applications at every stage, stations) through the real deciders. */
import { createHash, randomUUID } from 'node:crypto';
import {
  GUANGZHOU_DISTRICTS,
  materialKinds,
  applicationKind,
  callKind,
  expertDecider,
  expertKind,
  fold,
  stationKind,
  toCallSnapshot,
  usccCheckCharacter,
  type Actor,
  type ApplicationForm,
  type CallState,
  type DomainCommand,
  type DomainEvent,
  type ExpertCommand,
  type ExpertEvent,
  type ExpertState,
  type PanelCandidate,
  type RecordKind,
} from '@sme/domain';
import { panelCandidateOf } from '@sme/domain/expert/expert.panel';
import { loadAggregate, type EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { CITY, HUB } from '@sme/event-store/testing/history-actors';

/**
 * Writes realistic histories through the real deciders: calls, applications ending at every stage,
 * designated stations, covenants, revocations and withdrawals. For projector tests and benchmarks.
 */
export interface HistoryOptions {
  calls?: number;
  applicationsPerCall?: number;
  /** Business time of the first call; later calls follow a year apart. */
  startYear?: number;
  /**
   * Also write the panel experts' registry streams (ExpertRegistered, ExpertAdmitted), once per store.
   * Off by default: the experts are then registered and admitted in memory, through the same decider.
   */
  writeExpertStreams?: boolean;
  /**
   * Stop each call at its published list: no application marked designated, no station written
   * (what the station-designation reaction then does). Only the call and application streams.
   */
  stopAtPublication?: boolean;
}

export interface WrittenHistory {
  callIds: string[];
  applicationIds: string[];
  stationIds: string[];
  events: number;
}

const EXPERTS: Actor[] = [1, 2, 3].map((n) => ({ id: `expert-${n}`, role: 'EXPERT', orgId: `EXPERT-ORG-${n}`, regionCode: '440100' }));
const OUTCOMES = ['DESIGNATED', 'DESIGNATED', 'REVOKED', 'WITHDRAWN', 'REJECTED', 'NOT_RECOMMENDED', 'SCORED', 'PANEL_FORMED', 'DISTRICT_PASSED', 'DISTRICT_REJECTED', 'SUBMITTED', 'DRAFT'] as const;
type Outcome = (typeof OUTCOMES)[number];
const STEPS = ['DRAFT', 'SUBMITTED', 'DISTRICT_PASSED', 'PANEL_FORMED', 'SCORED', 'DECIDED'] as const;
const LAST_STEP: Record<Outcome, (typeof STEPS)[number]> = {
  DESIGNATED: 'DECIDED',
  REVOKED: 'DECIDED',
  WITHDRAWN: 'DECIDED',
  REJECTED: 'DECIDED',
  NOT_RECOMMENDED: 'SCORED',
  SCORED: 'SCORED',
  PANEL_FORMED: 'PANEL_FORMED',
  DISTRICT_PASSED: 'DISTRICT_PASSED',
  DISTRICT_REJECTED: 'SUBMITTED',
  SUBMITTED: 'SUBMITTED',
  DRAFT: 'DRAFT',
};

export interface RegistryExpert {
  actor: Actor;
  name: string;
  /** The organisation the expert is registered with (its id is the actor's orgId). */
  organisationName: string;
}

/** The 服务专家库 entries of panel experts: registered by the city's hub, admitted by the city. */
export function registryCommands(expert: RegistryExpert, year: number): { actor: Actor; at: string; command: Omit<ExpertCommand, 'metadata'> }[] {
  const expertId = expert.actor.id;
  return [
    {
      actor: HUB,
      at: `${year}-01-02T10:00:00+08:00`,
      command: {
        type: 'RegisterExpert',
        data: {
          expertId,
          name: expert.name,
          specialties: [{ domain: 'MANAGEMENT_CONSULTING' }],
          organisation: { id: expert.actor.orgId, name: expert.organisationName },
          regionCode: expert.actor.regionCode,
          title: '高级经济师',
        },
      },
    },
    { actor: CITY, at: `${year}-01-03T10:00:00+08:00`, command: { type: 'AdmitExpert', data: { expertId, opinion: '同意入库' } } },
  ];
}

/** Experts registered and admitted in memory (no events written), as of the start of `year`. */
export function admittedInMemory(experts: readonly RegistryExpert[], year: number): Map<string, ExpertState> {
  return new Map(
    experts.map((expert) => {
      const events = registryCommands(expert, year).reduce<ExpertEvent[]>((history, { actor, at, command }) => {
        const state = fold(expertDecider, history);
        return [...history, ...expertDecider.decide({ ...command, metadata: { now: new Date(at), actor } } as ExpertCommand, state)];
      }, []);
      return [expert.actor.id, fold(expertDecider, events)];
    }),
  );
}

/** FormExpertPanel's experts as the API's handler passes them: what the registry says of each at the panel's time. */
export function panelFrom(registry: ReadonlyMap<string, ExpertState>, expertIds: readonly string[], at: string): PanelCandidate[] {
  return expertIds.map((id) => panelCandidateOf(id, registry.get(id) ?? expertDecider.initialState(), at));
}

const REGISTRY_EXPERTS: RegistryExpert[] = EXPERTS.map((actor) => ({ actor, name: actor.id, organisationName: `${actor.orgId} 单位` }));

export async function writeStationHistory(store: EventStore, options: HistoryOptions = {}): Promise<WrittenHistory> {
  const calls = options.calls ?? 1;
  const perCall = options.applicationsPerCall ?? 24;
  const startYear = options.startYear ?? 2019;
  const written: WrittenHistory = { callIds: [], applicationIds: [], stationIds: [], events: 0 };
  let serial = 0;

  const runner = commandRunner(store);
  const run = async <C extends DomainCommand, S, E extends DomainEvent>(kind: RecordKind<C, S, E>, id: string, actor: Actor, at: string, type: C['type'], data: object) =>
    (await runner.run(kind, id, actor, at, type, data)).state;

  let registry = admittedInMemory(REGISTRY_EXPERTS, startYear);
  if (options.writeExpertStreams) {
    const written = new Map<string, ExpertState>();
    for (const expert of REGISTRY_EXPERTS) {
      let { state } = await loadAggregate<ExpertState, ExpertEvent>(store, expertKind.streamId(expert.actor.id), expertDecider);
      if (state.status === 'NONE') {
        for (const { actor, at, command } of registryCommands(expert, startYear)) {
          state = await run(expertKind, expert.actor.id, actor, at, command.type, command.data);
        }
      }
      written.set(expert.actor.id, state);
    }
    registry = written;
  }

  for (let c = 0; c < calls; c++) {
    const year = startYear + c;
    const callId = randomUUID();
    written.callIds.push(callId);
    const open = {
      callId,
      title: `广州市中小企业服务站征集（${year}年）`,
      documentNumber: `穗工信函〔${year}〕${1100 + c}号`,
      cityCode: '440100',
      registrationCutoff: `${year - 1}-01-01`,
      districtDeadline: `${year}-06-18T17:00:00+08:00`,
      cityDeadline: `${year}-06-21T00:00:00+08:00`,
      targetStationCount: 100,
    };
    let callState = await run(callKind, callId, CITY, `${year}-05-24T09:00:00+08:00`, 'OpenCall', open);
    const call = toCallSnapshot(callState as Exclude<CallState, { status: 'NONE' }>);
    const approved: { applicationId: string; stationId: string; districtCode: string; stationName: string; outcome: Outcome; operator: Actor }[] = [];

    for (let i = 0; i < perCall; i++) {
      serial += 1;
      const outcome = OUTCOMES[i % OUTCOMES.length];
      const district = GUANGZHOU_DISTRICTS[i % GUANGZHOU_DISTRICTS.length];
      const applicationId = randomUUID();
      written.applicationIds.push(applicationId);
      const uscc17 = `9144${district.code.slice(2)}MA5${String(serial).padStart(6, '0')}`;
      const operator: Actor = { id: `operator-${serial}`, role: 'STATION_OPERATOR', orgId: uscc17 + usccCheckCharacter(uscc17), regionCode: district.code };
      const form = sampleApplicationForm(serial, year, district.code, operator.orgId);
      const reviewer: Actor = { id: `district-${district.code}`, role: 'DISTRICT_AUTHORITY', orgId: `D-${district.code}`, regionCode: district.code };
      const app = (actor: Actor, at: string, type: string, data: object) =>
        run(applicationKind, applicationId, actor, at, type as never, { applicationId, ...data });
      const reaches = (step: (typeof STEPS)[number]) => STEPS.indexOf(step) <= STEPS.indexOf(LAST_STEP[outcome]);
      const day = (d: string) => `${year}-${d}T10:${String(i % 60).padStart(2, '0')}:00+08:00`;

      await app(operator, day('06-03'), 'CreateApplication', { call, form });
      if (!reaches('SUBMITTED')) continue;
      await app(operator, day('06-10'), 'SubmitApplication', { call });
      if (outcome === 'DISTRICT_REJECTED') {
        await app(reviewer, day('06-19'), 'ReviewByDistrict', { call, passed: false, opinion: '场地证明不符' });
        continue;
      }
      if (!reaches('DISTRICT_PASSED')) continue;
      await app(reviewer, day('06-19'), 'ReviewByDistrict', { call, passed: true, opinion: '同意' });
      if (!reaches('PANEL_FORMED')) continue;
      await app(HUB, day('07-01'), 'FormExpertPanel', { experts: panelFrom(registry, EXPERTS.map((e) => e.id), day('07-01')) });
      if (!reaches('SCORED')) continue;
      for (const [k, expert] of EXPERTS.entries()) {
        await app(expert, day(`07-0${2 + k}`), 'ScoreApplication', { score: outcome === 'NOT_RECOMMENDED' ? 50 + k : 80 + ((i + k) % 15), opinion: '评审意见' });
      }
      if (outcome === 'NOT_RECOMMENDED') {
        await app(HUB, day('07-20'), 'IssueRecommendation', { recommended: false, opinion: '平均分不足' });
        continue;
      }
      if (!reaches('DECIDED')) continue;
      await app(HUB, day('07-20'), 'IssueRecommendation', { recommended: true, opinion: '推荐' });
      const yes = outcome !== 'REJECTED';
      await app(CITY, day('08-15'), 'DecideApplication', { approved: yes, opinion: yes ? '审定通过' : '布点饱和' });
      if (yes) {
        approved.push({ applicationId, stationId: randomUUID(), districtCode: district.code, stationName: form.station.name, outcome, operator });
      }
    }

    callState = await run(callKind, callId, CITY, `${year}-08-30T10:00:00+08:00`, 'CloseCall', { callId });
    if (approved.length === 0) continue;
    const published = (await run(callKind, callId, CITY, `${year}-09-10T10:00:00+08:00`, 'PublishList', {
      callId,
      entries: approved.map(({ applicationId, stationId, districtCode, stationName }) => ({ applicationId, stationId, districtCode, stationName })),
    })) as Extract<CallState, { status: 'PUBLISHED' }>;
    if (options.stopAtPublication) continue;
    for (const entry of published.entries) {
      const a = approved.find((x) => x.applicationId === entry.applicationId)!;
      const at = `${year}-09-10T10:00:00+08:00`;
      await run(applicationKind, a.applicationId, CITY, at, 'MarkDesignated', {
        applicationId: a.applicationId,
        stationId: a.stationId,
        plaqueNumber: entry.plaqueNumber,
      });
      const station = (actor: Actor, when: string, type: string, data: object) =>
        run(stationKind, a.stationId, actor, when, type as never, { stationId: a.stationId, ...data });
      await station(CITY, at, 'DesignateStation', {
        applicationId: a.applicationId,
        callId,
        plaqueNumber: entry.plaqueNumber,
        name: a.stationName,
        districtCode: a.districtCode,
        cityCode: '440100',
        address: '广州市示例路1号',
        operator: { name: `运营主体${a.operator.id}`, uscc: a.operator.orgId },
        ownerOrgId: a.operator.orgId,
      });
      written.stationIds.push(a.stationId);
      await station(a.operator, `${year}-09-20T10:00:00+08:00`, 'SignCovenant', { covenantVersion: `穗${year}版` });
      if (a.outcome === 'REVOKED') {
        const proposalId = randomUUID();
        await station(HUB, `${year + 1}-03-01T10:00:00+08:00`, 'ProposeRevocation', {
          proposalId,
          grounds: ['LOW_SATISFACTION'],
          evidence: [{ description: '满意度回访' }],
          opinion: '建议撤销',
          satisfactionFigures: { from: `${year}-01-01`, until: `${year}-12-31`, deliveries: 40, ratings: 31, averageRating: 2.41, poorRatings: 12, followUps: 14, followUpsClosedOnTime: 5, returnVisitRate: 0.35 },
        });
        await station(CITY, `${year + 1}-03-20T10:00:00+08:00`, 'DecideRevocation', { proposalId, approved: true, opinion: '同意撤销' });
      }
      if (a.outcome === 'WITHDRAWN') {
        await station(a.operator, `${year + 1}-05-01T10:00:00+08:00`, 'WithdrawStation', { reason: '业务调整' });
      }
    }
  }
  written.events = runner.events;
  return written;
}

/**
 * A complete 申请表 for the `serial`-th applicant of a call in `year`: the operator (its USCC), the station
 * in `district`; names and addresses from `names`, else 示例 ones of Guangzhou.
 */
export function sampleApplicationForm(
  serial: number,
  year: number,
  district: string,
  uscc: string,
  names: { operator?: string; station?: string; address?: string; materialSeed?: string } = {},
): ApplicationForm {
  const address = names.address ?? '广州市示例路1号';
  return {
    operator: {
      name: names.operator ?? `示例园区运营公司${serial}`,
      uscc,
      type: 'BUSINESS_ASSOCIATION',
      industry: '软件和信息技术服务业',
      registrationDate: '2012-03-01',
      registrationRegionCode: district,
      legalRepresentative: '法定代表人',
      nature: '社会团体',
      registeredAddress: address,
      postcode: '510000',
      officeAddress: address,
      contact: { name: '联系人', phone: '020-38000000', email: 'contact@example.cn' },
      enterprisesServed: 100 + (serial % 50),
    },
    operations: [year - 2, year - 1].map((y) => ({ year: y, revenue: 1000, serviceRevenue: 300, totalAssets: 5000, totalProfit: 50, taxPaid: 20, smesServed: 120 })),
    station: {
      name: names.station ?? `示例服务站${serial}`,
      districtCode: district,
      address: `${address}一楼`,
      areaSqm: 100,
      fullTimeStaff: 2,
      qualifiedFullTimeStaff: 1,
      partTimeStaff: 1,
      head: { name: '站长', phone: '13800000000', email: 'head@example.cn', education: 'COLLEGE_OR_BACHELOR' },
    },
    materials: materialKinds.codes.map((kind) => ({ kind, fileName: `${kind}.pdf`, sha256: createHash('sha256').update(`${kind}${names.materialSeed ?? serial}`).digest('hex') })),
  };
}
