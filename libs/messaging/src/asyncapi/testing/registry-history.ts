import { createHash, randomUUID } from 'node:crypto';
import {
  enterpriseKind,
  expertKind,
  providerKind,
  type Actor,
} from '@sme/domain';
import type { EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { CITY, HUB, TIANHE_DISTRICT, uscc } from '@sme/event-store/testing/history-actors';

/**
 * The registries' events, written through their deciders: enterprises (中小企业数据库), service providers
 * (优质服务机构库) and experts (服务专家库). Every event type of the three occurs at least once, and so do
 * the optional fields (a tag's document number, a lift's evaluation id, a suspension's end, evidence
 * files, a specialty's detail) and both ways out of the provider pool.
 */
export interface RegistryHistory {
  enterpriseIds: string[];
  providerIds: string[];
  expertIds: string[];
  events: number;
}

export interface RegistryHistoryOptions {
  /** Stations the providers settle at (ids of existing station records). */
  stationIds: readonly string[];
  /** The year the acts happen in (default 2024). */
  year?: number;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

export async function writeRegistryHistory(store: EventStore, options: RegistryHistoryOptions): Promise<RegistryHistory> {
  const year = options.year ?? 2024;
  const [firstStation, secondStation] = options.stationIds;
  if (firstStation === undefined || secondStation === undefined) throw new Error('The registry history needs two stations');

  const runner = commandRunner(store);
  const run = runner.run;

  // Enterprises: one registered by its district, growing out of 小型 into 中型, re-classified on a new industry, with tags.
  const enterpriseId = randomUUID();
  const enterpriseUscc = uscc('91440106MA5ENT001');
  const enterpriseSelf: Actor = { id: 'enterprise-user', role: 'ENTERPRISE', orgId: enterpriseUscc, regionCode: '440106' };
  const enterprise = (actor: Actor, at: string, type: string, data: object) =>
    run(enterpriseKind, enterpriseId, actor, at, type as never, { enterpriseId, ...data });
  await enterprise(TIANHE_DISTRICT, `${year}-03-01T10:00:00+08:00`, 'RegisterEnterprise', {
    uscc: enterpriseUscc,
    name: '广州示例精密制造有限公司',
    industryCode: 'INDUSTRY',
    regionCode: '440106',
    foundedOn: '2015-04-20',
    figures: { year: year - 1, employees: 120, revenue: 8600.5, assets: 5200 },
    usccAlreadyRegistered: false,
  });
  await enterprise(enterpriseSelf, `${year}-04-01T10:00:00+08:00`, 'ReportEnterpriseFigures', { figures: { year, employees: 420, revenue: 26000, assets: 9000 } });
  await enterprise(CITY, `${year}-05-01T10:00:00+08:00`, 'UpdateEnterpriseProfile', { name: '广州示例智能科技有限公司', industryCode: 'SOFTWARE_IT' });
  await enterprise(CITY, `${year}-06-01T10:00:00+08:00`, 'GrantEnterpriseTag', {
    tag: 'SPECIALISED',
    issuedBy: '广东省工业和信息化厅',
    documentNumber: `粤工信融资函〔${year}〕12号`,
    validFrom: `${year}-06-01`,
    validUntil: `${year + 2}-05-31`,
  });
  await enterprise(TIANHE_DISTRICT, `${year}-06-02T10:00:00+08:00`, 'GrantEnterpriseTag', {
    tag: 'TECH_BASED',
    issuedBy: '广东省科学技术厅',
    validFrom: `${year}-01-01`,
    validUntil: `${year}-12-31`,
  });
  await enterprise(TIANHE_DISTRICT, `${year}-09-01T10:00:00+08:00`, 'RevokeEnterpriseTag', { tag: 'TECH_BASED', reason: '不再符合评价条件' });
  const ties = { legalRepresentative: '陈明', shareholders: [{ name: '陈明' }, { name: '广州示例创投有限公司', uscc: '91440101MA5CKJ8Q7L' }] };
  await enterprise(TIANHE_DISTRICT, `${year}-09-02T10:00:00+08:00`, 'RecordEnterpriseTies', { ties });

  // Providers: one refused, admitted on a second round, warned, lifted by a follow-up, removed from two stations;
  // another warned, lifted on rectification, then withdrawing.
  const providerIds: string[] = [];
  async function provider(first17: string, name: string) {
    const providerId = randomUUID();
    providerIds.push(providerId);
    const providerUscc = uscc(first17);
    const self: Actor = { id: `provider-${first17.slice(-3)}`, role: 'PROVIDER', orgId: providerUscc, regionCode: '440106' };
    const act = (actor: Actor, at: string, type: string, data: object) =>
      run(providerKind, providerId, actor, at, type as never, { providerId, ...data });
    const apply = (at: string) =>
      act(self, at, 'ApplyForEntry', {
        uscc: providerUscc,
        name,
        regionCode: '440106',
        serviceDomains: ['LEGAL', 'IP', 'FINANCE'],
        materials: [
          { kind: '营业执照', fileName: 'licence.pdf', sha256: digest(`${name}-licence`) },
          { kind: '资质证书', fileName: 'qualification.pdf', sha256: digest(`${name}-qualification`) },
        ],
        contact: { name: '联系人', phone: '020-38000002', email: 'contact@provider.example.cn' },
        ties: { legalRepresentative: '林华', shareholders: [{ name: '林华' }] },
      });
    return { self, act, apply };
  }

  const first = await provider('91440106MA5PRW001', '广州示例知识产权服务有限公司');
  await first.apply(`${year}-02-01T10:00:00+08:00`);
  await first.act(HUB, `${year}-02-10T10:00:00+08:00`, 'DecideEntry', { admitted: false, reasons: ['材料不全', '服务业绩不足'], opinion: '暂不入库' });
  await first.apply(`${year}-03-01T10:00:00+08:00`);
  await first.act(CITY, `${year}-03-10T10:00:00+08:00`, 'DecideEntry', { admitted: true, opinion: '同意入库' });
  await first.act(first.self, `${year}-03-15T10:00:00+08:00`, 'SettleAtStation', { stationId: firstStation, since: `${year}-03-12` });
  await first.act(HUB, `${year}-03-16T10:00:00+08:00`, 'SettleAtStation', { stationId: secondStation, since: `${year}-03-16` });
  await first.act(HUB, `${year}-07-05T10:00:00+08:00`, 'RecordMonitoringEvaluation', {
    evaluationId: `${year}-H1`,
    period: `${year}-H1`,
    scores: { capability: 55, management: 60, quality: 48.5, satisfaction: 52 },
    weights: { capability: 0.3, management: 0.2, quality: 0.3, satisfaction: 0.2 },
    probationDeadline: `${year}-10-31`,
    opinion: '服务质量不达标，限期整改',
    satisfactionBasis: { source: 'OVERRIDE', reason: '本期服务评价不足，按走访结果评分', ratings: 1, computed: 40 },
  });
  await first.act(HUB, `${year}-11-05T10:00:00+08:00`, 'RecordMonitoringEvaluation', {
    evaluationId: `${year}-Q4-followup`,
    period: `${year}-Q4`,
    scores: { capability: 80, management: 75, quality: 82, satisfaction: 78 },
    passMark: 65,
    opinion: '复评合格',
    satisfactionBasis: { source: 'FEEDBACK', ratings: 5, averageRating: 3.9, from: `${year}-10-01`, until: `${year}-12-31` },
  });
  await first.act(CITY, `${year}-11-10T10:00:00+08:00`, 'LiftWarning', { basis: 'FOLLOW_UP_PASSED', evaluationId: `${year}-Q4-followup`, opinion: '复评合格，解除警示' });
  await first.act(first.self, `${year}-11-20T10:00:00+08:00`, 'LeaveStation', { stationId: secondStation, reason: '业务调整' });
  await first.act(CITY, `${year}-12-20T10:00:00+08:00`, 'RemoveFromPool', {
    grounds: ['LOW_SATISFACTION', 'OTHER'],
    evidence: [{ description: '企业投诉记录', fileName: 'complaints.pdf', sha256: digest('provider-complaints') }, { description: '回访记录' }],
    opinion: '服务满意度低，予以出库',
  });

  const second = await provider('91440106MA5PRW002', '广州示例管理咨询有限公司');
  await second.apply(`${year}-02-05T10:00:00+08:00`);
  await second.act(HUB, `${year}-02-15T10:00:00+08:00`, 'DecideEntry', { admitted: true, opinion: '同意入库' });
  await second.act(HUB, `${year}-07-06T10:00:00+08:00`, 'RecordMonitoringEvaluation', {
    evaluationId: randomUUID(),
    period: String(year),
    scores: { capability: 50, management: 50, quality: 50, satisfaction: 50 },
    probationDeadline: `${year}-09-30`,
    opinion: '限期整改',
    satisfactionBasis: { source: 'OVERRIDE', reason: '本期无服务评价，按走访结果评分', ratings: 0, computed: null },
  });
  await second.act(HUB, `${year}-09-20T10:00:00+08:00`, 'LiftWarning', { basis: 'RECTIFIED', opinion: '整改到位' });
  await second.act(second.self, `${year}-10-01T10:00:00+08:00`, 'WithdrawFromPool', { reason: '停止相关业务' });

  // Experts: one registering themself, suspended, reinstated, moving to another organisation; one the hub registers, later removed.
  const expertIds = ['wang.li', 'expert-zhao'];
  const expert = (actor: Actor, expertId: string, at: string, type: string, data: object) =>
    run(expertKind, expertId, actor, at, type as never, { expertId, ...data });
  const wang: Actor = { id: expertIds[0], role: 'EXPERT', orgId: 'EXPERT-ORG-wang', regionCode: '440106' };
  await expert(wang, wang.id, `${year}-01-10T10:00:00+08:00`, 'RegisterExpert', {
    name: '王立',
    specialties: [{ domain: 'IP', detail: '专利布局' }, { domain: 'LEGAL' }],
    organisation: { id: uscc('91440101MA5LAW001'), name: '广州示例律师事务所' },
    regionCode: '440106',
    title: '执业律师',
  });
  await expert(HUB, wang.id, `${year}-01-20T10:00:00+08:00`, 'AdmitExpert', { opinion: '同意入库' });
  await expert(CITY, wang.id, `${year}-04-01T10:00:00+08:00`, 'SuspendExpert', { reason: '回避期间', until: `${year}-06-30` });
  await expert(HUB, wang.id, `${year}-05-01T10:00:00+08:00`, 'ReinstateExpert', { opinion: '提前恢复' });
  await expert(wang, wang.id, `${year}-08-01T10:00:00+08:00`, 'UpdateExpertProfile', {
    title: '高级律师',
    regionCode: '440104',
    organisation: { id: 'GZ-UNIVERSITY-LAW', name: '广州示例大学法学院' },
  });

  await expert(HUB, expertIds[1], `${year}-02-01T10:00:00+08:00`, 'RegisterExpert', {
    name: '赵敏',
    specialties: [{ domain: 'OTHER', detail: '跨境电商' }],
    organisation: { id: 'ZHAO-STUDIO', name: '赵敏工作室' },
    regionCode: '440100',
    title: '高级经济师',
  });
  await expert(CITY, expertIds[1], `${year}-02-10T10:00:00+08:00`, 'AdmitExpert', { opinion: '同意入库' });
  await expert(CITY, expertIds[1], `${year}-03-10T10:00:00+08:00`, 'SuspendExpert', { reason: '待核实' });
  await expert(HUB, expertIds[1], `${year}-10-10T10:00:00+08:00`, 'RemoveExpert', { reason: '核实存在违规行为' });

  return { enterpriseIds: [enterpriseId], providerIds, expertIds, events: runner.events };
}
