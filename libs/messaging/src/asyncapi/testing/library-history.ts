import { randomUUID } from 'node:crypto';
import {
  demandKind,
  faqKind,
  policyKind,
  productKind,
  serviceCaseKind,
  type Actor,
} from '@sme/domain';
import type { EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { ADMIN, CITY, HUB, TIANHE_DISTRICT, uscc } from '@sme/event-store/testing/history-actors';

/**
 * The libraries' events, written through their deciders: service products and cases (服务产品和案例库),
 * policies and FAQs (基础信息库) and demands (服务需求库). Every event type of the five occurs at least
 * once, and so do the optional fields (a case's product, an anonymised case, a policy's end date and
 * region, a demand raised by a station, a match's product, a rating).
 */
export interface LibraryHistory {
  productIds: string[];
  caseIds: string[];
  policyIds: string[];
  faqIds: string[];
  demandIds: string[];
  events: number;
}

export interface LibraryHistoryOptions {
  /** A station record the demands are handled at. */
  stationId: string;
  /** The year the acts happen in (default 2025). */
  year?: number;
}

export async function writeLibraryHistory(store: EventStore, options: LibraryHistoryOptions): Promise<LibraryHistory> {
  const year = options.year ?? 2025;

  const runner = commandRunner(store);
  const run = runner.run;

  // Products and cases of one provider in the quality pool.
  const providerId = randomUUID();
  const providerOrgId = uscc('91440106MA5PRD001');
  const provider: Actor = { id: 'provider-prd', role: 'PROVIDER', orgId: providerOrgId, regionCode: '440106' };
  const classification = { industries: ['SOFTWARE_IT', 'INDUSTRY'], serviceDomains: ['IP', 'LEGAL'], enterpriseSizes: ['SMALL', 'MICRO'] };
  const [productId, freeProductId] = [randomUUID(), randomUUID()];
  const product = (id: string, actor: Actor, at: string, type: string, data: object) =>
    run(productKind, id, actor, at, type as never, { productId: id, ...data });
  const content = {
    item: '专利申请代理',
    content: '发明、实用新型专利申请文件撰写与提交',
    process: '需求沟通 → 检索分析 → 撰写 → 提交 → 跟踪',
    standard: '按《专利代理服务规范》执行',
    supervision: '广州市中小企业服务总站 020-38000000',
    contact: '020-38000003',
    fee: { kind: 'LOW_FEE', amount: 1999.5 },
    timeLimit: { workingDays: 15 },
    classification,
  };
  await product(productId, provider, `${year}-01-10T10:00:00+08:00`, 'PublishProduct', { providerId, providerOrgId, providerInPool: true, ...content });
  await product(productId, provider, `${year}-02-10T10:00:00+08:00`, 'ReviseProduct', {
    providerInPool: true,
    changes: { fee: { kind: 'MARKET', amount: 3000 }, timeLimit: { workingDays: 10 } },
  });
  await product(freeProductId, provider, `${year}-01-11T10:00:00+08:00`, 'PublishProduct', {
    providerId,
    providerOrgId,
    providerInPool: true,
    ...content,
    item: '知识产权公益咨询',
    fee: { kind: 'FREE' },
    classification: { industries: ['ANY'], serviceDomains: ['IP'], enterpriseSizes: ['ANY'] },
  });
  await product(freeProductId, ADMIN, `${year}-06-01T10:00:00+08:00`, 'RetireProduct', { reason: '服务机构已出库' });

  const [namedCaseId, anonymousCaseId] = [randomUUID(), randomUUID()];
  const serviceCase = (id: string, actor: Actor, at: string, type: string, data: object) =>
    run(serviceCaseKind, id, actor, at, type as never, { caseId: id, ...data });
  const caseContent = { providerId, providerOrgId, providerInPool: true, summary: '完成两件发明专利申请', outcome: '均已受理', classification };
  await serviceCase(namedCaseId, provider, `${year}-03-01T10:00:00+08:00`, 'PublishCase', {
    ...caseContent,
    productId,
    title: '示例科技公司专利布局',
    enterprise: { anonymised: false, name: '广州示例科技有限公司' },
    servedOn: `${year}-02-20`,
  });
  await serviceCase(anonymousCaseId, provider, `${year}-03-02T10:00:00+08:00`, 'PublishCase', {
    ...caseContent,
    title: '某软件企业商标维权',
    enterprise: { anonymised: true, alias: '天河区某软件企业' },
    servedOn: `${year}-03-02`,
  });
  await serviceCase(anonymousCaseId, provider, `${year}-04-02T10:00:00+08:00`, 'RetireCase', { reason: '企业要求撤下' });

  // Policies: a district subsidy amended, pushed and repealed; a national policy with no regional limit.
  const [districtPolicyId, nationalPolicyId] = [randomUUID(), randomUUID()];
  const policy = (id: string, actor: Actor, at: string, type: string, data: object) =>
    run(policyKind, id, actor, at, type as never, { policyId: id, ...data });
  await policy(districtPolicyId, TIANHE_DISTRICT, `${year}-01-05T10:00:00+08:00`, 'PublishPolicy', {
    level: 'DISTRICT',
    regionCode: '440106',
    title: '天河区专精特新企业奖励办法',
    issuer: '广州市天河区工业和信息化局',
    documentNumber: `穗天工信〔${year}〕3号`,
    effectiveFrom: `${year}-01-01`,
    effectiveUntil: `${year + 2}-12-31`,
    summary: '对认定为专精特新中小企业的给予一次性奖励',
    eligibility: { industries: ['INDUSTRY', 'SOFTWARE_IT'], sizeClasses: ['SMALL', 'MEDIUM'], tags: ['SPECIALISED', 'LITTLE_GIANT'], tagsMode: 'ANY' },
  });
  await policy(districtPolicyId, TIANHE_DISTRICT, `${year}-03-05T10:00:00+08:00`, 'AmendPolicy', { changes: { effectiveUntil: null, summary: '对认定为专精特新中小企业的给予一次性奖励（长期有效）' } });
  await policy(districtPolicyId, HUB, `${year}-03-06T10:00:00+08:00`, 'PushPolicy', { pushId: randomUUID(), enterpriseIds: [randomUUID(), randomUUID()] });
  await policy(districtPolicyId, TIANHE_DISTRICT, `${year}-12-01T10:00:00+08:00`, 'RepealPolicy', { on: `${year + 1}-01-01`, reason: '被新办法替代' });
  await policy(nationalPolicyId, ADMIN, `${year}-01-06T10:00:00+08:00`, 'PublishPolicy', {
    level: 'NATIONAL',
    title: '关于健全中小企业公共服务体系的指导意见',
    issuer: '工业和信息化部',
    documentNumber: '工信部企业〔2023〕213号',
    effectiveFrom: '2023-12-01',
    summary: '健全中小企业公共服务体系',
    eligibility: {},
  });

  // An FAQ explaining the district policy, revised, then retired.
  const faqId = randomUUID();
  const faq = (actor: Actor, at: string, type: string, data: object) =>
    run(faqKind, faqId, actor, at, type as never, { faqId, ...data });
  await faq(HUB, `${year}-01-20T10:00:00+08:00`, 'PublishFaq', {
    question: '专精特新奖励如何申请？',
    answer: '认定后向区工业和信息化局提交申请。',
    topics: ['专精特新', '奖励'],
    policyIds: [districtPolicyId],
  });
  await faq(CITY, `${year}-02-20T10:00:00+08:00`, 'ReviseFaq', { changes: { answer: '认定后三个月内向区工业和信息化局提交申请。' } });
  await faq(HUB, `${year}-12-02T10:00:00+08:00`, 'RetireFaq', { reason: '政策已废止' });

  // Demands: one raised by the enterprise, accepted, matched, resolved with a poor rating; one raised by a
  // station, escalated after waiting, then withdrawn by the enterprise.
  const enterpriseUscc = uscc('91440106MA5DMD001');
  const enterprise: Actor = { id: 'enterprise-dmd', role: 'ENTERPRISE', orgId: enterpriseUscc, regionCode: '440106' };
  const operator: Actor = { id: 'operator-1', role: 'STATION_OPERATOR', orgId: uscc('91440106MA5QPR001'), regionCode: '440106' };
  const [answeredId, escalatedId] = [randomUUID(), randomUUID()];
  const demand = (id: string, actor: Actor, at: string, type: string, data: object) =>
    run(demandKind, id, actor, at, type as never, { demandId: id, ...data });
  const raised = { enterpriseId: randomUUID(), enterpriseUscc, enterpriseRegionCode: '440106', category: 'IP', description: '需要专利申请辅导' };
  await demand(answeredId, enterprise, `${year}-04-01T10:00:00+08:00`, 'RaiseDemand', { ...raised, urgency: 'HIGH' });
  await demand(answeredId, operator, `${year}-04-02T10:00:00+08:00`, 'AcceptDemand', { stationId: options.stationId });
  await demand(answeredId, operator, `${year}-04-03T10:00:00+08:00`, 'MatchDemand', { providerId, productId });
  await demand(answeredId, operator, `${year}-05-03T10:00:00+08:00`, 'ResolveDemand', { outcome: '已完成申请', satisfaction: 2 });
  await demand(escalatedId, operator, `${year}-04-05T10:00:00+08:00`, 'RaiseDemand', { ...raised, urgency: 'NORMAL', stationId: options.stationId });
  await demand(escalatedId, HUB, `${year}-04-10T10:00:00+08:00`, 'EscalateDemand', {});
  await demand(escalatedId, enterprise, `${year}-04-12T10:00:00+08:00`, 'CloseDemand', { reason: 'WITHDRAWN', note: '已自行解决' });

  return {
    productIds: [productId, freeProductId],
    caseIds: [namedCaseId, anonymousCaseId],
    policyIds: [districtPolicyId, nationalPolicyId],
    faqIds: [faqId],
    demandIds: [answeredId, escalatedId],
    events: runner.events,
  };
}
