import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { policyKind, type ServiceDomain } from '@sme/domain';
import { caseCommands } from '../products/product.commands';
import { demandCommands } from '../demands/demand.commands';
import { faqCommands, policyCommands } from '../policies/policy.commands';
import { PushPolicyCommand } from '../policies/policy.messages';
import { derivedId } from '../records/derived-id';
import { CITY, HUB, districtAuthority } from './demo-data';
import { demoLoaded, demoRunner, demoStations, demoTime as day } from './demo-runner';
import { DEMO_ENTERPRISES, DEMO_PROVIDERS, enterpriseActor } from './demo-services-data';

const POLICY_IDS = [derivedId('demo-policy', 1), derivedId('demo-policy', 2)];

/** What the demo enterprises asked for in 2026, and how far each got: the 服务需求库's every stage. */
const DEMANDS: { enterprise: number; category: ServiceDomain; description: string; raisedOn: string; reached: 'RAISED' | 'ACCEPTED' | 'MATCHED' | 'RESOLVED' | 'WITHDRAWN' }[] = [
  { enterprise: 1, category: 'IP', description: '新产品外观与结构需要申请专利保护，希望对接专业代理机构（示例）', raisedOn: '2026-03-02', reached: 'RESOLVED' },
  { enterprise: 3, category: 'FINANCE', description: '季节性备货资金紧张，咨询政策性贷款与贴息（示例）', raisedOn: '2026-03-16', reached: 'MATCHED' },
  { enterprise: 4, category: 'TESTING_CERTIFICATION', description: '出口产品需要检测报告与认证辅导（示例）', raisedOn: '2026-04-08', reached: 'ACCEPTED' },
  { enterprise: 6, category: 'MANAGEMENT_CONSULTING', description: '希望梳理生产管理流程，提升交付效率（示例）', raisedOn: '2026-05-11', reached: 'WITHDRAWN' },
  { enterprise: 9, category: 'LEGAL', description: '跨境电商合同条款审查（示例）', raisedOn: '2026-11-23', reached: 'RAISED' },
];

/**
 * Loads the 基础信息库 and 服务需求库 of the demo year: two policies of Guangzhou (one pushed to the
 * enterprises it fits), an FAQ explaining them, a provider's published case, and the enterprises'
 * demands at every stage — accepted by a station, matched to a provider of the 库, resolved with the
 * enterprise's rating, withdrawn, still waiting. Needs the demo services (enterprises, providers,
 * stations). Runs once: the first policy's record marks it loaded.
 */
export async function loadDemoLibrary(app: INestApplication): Promise<void> {
  if (await demoLoaded(app, policyKind.streamId(POLICY_IDS[0]), 'library')) return;
  const began = Date.now();
  const bus = app.get(CommandBus);
  const { ctx, runs } = demoRunner(bus);
  const policy = runs(policyCommands);
  const faq = runs(faqCommands);
  const demand = runs(demandCommands);
  const serviceCase = runs(caseCommands);

  const period = { effectiveFrom: '2026-01-01', effectiveUntil: '2026-12-31' };
  await policy(
    {
      type: 'PublishPolicy',
      data: {
        policyId: POLICY_IDS[0],
        level: 'MUNICIPAL',
        regionCode: '440100',
        title: '广州市支持中小微企业购买公共服务若干措施（示例）',
        issuer: '广州市工业和信息化局',
        documentNumber: '穗工信规字〔2026〕1号',
        ...period,
        summary: '对购买知识产权、检验检测、财税咨询服务的工业和软件小微企业给予服务费用补助（示例）',
        eligibility: { industries: ['INDUSTRY', 'SOFTWARE_IT'], sizeClasses: ['SMALL', 'MICRO'] },
      },
    },
    CITY,
    day('2026-01-05'),
  );
  await policy(
    {
      type: 'PublishPolicy',
      data: {
        policyId: POLICY_IDS[1],
        level: 'DISTRICT',
        regionCode: '440106',
        title: '天河区软件和信息技术服务企业培育措施（示例）',
        issuer: '广州市天河区工业和信息化局',
        documentNumber: '穗天工信〔2026〕5号',
        ...period,
        summary: '对天河区软件和信息技术服务业中小企业给予上云与研发投入奖励（示例）',
        eligibility: { industries: ['SOFTWARE_IT'], regionCodes: ['440106'] },
      },
    },
    districtAuthority('440106'),
    day('2026-01-08'),
  );
  await bus.execute(new PushPolicyCommand(POLICY_IDS[0], ctx(HUB, day('2026-01-20'))));
  await faq(
    {
      type: 'PublishFaq',
      data: {
        faqId: derivedId('demo-faq', 1),
        question: '小微企业购买公共服务，补助如何申请？（示例）',
        answer: '在服务完成并确认后，凭服务合同、发票和服务档案向市中小企业服务总站提交申请，经审核后拨付（示例）。',
        topics: ['服务补助', '公共服务'],
        policyIds: [POLICY_IDS[0]],
      },
    },
    CITY,
    day('2026-01-12'),
  );

  // A provider's case: the patent work it did for the first demo enterprise, named with its consent.
  const p1 = DEMO_PROVIDERS[0];
  await serviceCase(
    {
      type: 'PublishCase',
      data: {
        caseId: derivedId('demo-case', 1),
        providerId: p1.id,
        productId: p1.product.id,
        title: '智能装备企业专利布局服务（示例）',
        enterprise: { anonymised: true, alias: '某智能装备企业' },
        summary: '围绕新产品结构和外观开展专利检索与申请（示例）',
        outcome: '提交发明专利 2 件、实用新型 3 件（示例）',
        servedOn: '2026-02-27',
        classification: { industries: ['INDUSTRY'], serviceDomains: ['IP'], enterpriseSizes: ['SMALL', 'MEDIUM'] },
      },
    },
    p1.user,
    day('2026-03-02', '15:00'),
  );

  // The demands, each accepted by the hub for a station of the enterprise's city, then matched, resolved or withdrawn.
  const stationOf = await demoStations(app);
  const providerFor = (category: ServiceDomain) => DEMO_PROVIDERS.find((p) => p.serviceDomains.includes(category));
  for (const [i, d] of DEMANDS.entries()) {
    const e = DEMO_ENTERPRISES[d.enterprise - 1];
    const demandId = derivedId('demo-demand', i + 1);
    await demand({ type: 'RaiseDemand', data: { demandId, enterpriseId: e.id, category: d.category, description: d.description, urgency: 'NORMAL' } }, enterpriseActor(e), day(d.raisedOn, '09:30'));
    if (d.reached === 'RAISED') continue;
    if (d.reached === 'WITHDRAWN') {
      await demand({ type: 'CloseDemand', data: { demandId, reason: 'WITHDRAWN', note: '企业已自行解决（示例）' } }, enterpriseActor(e), day(d.raisedOn, '16:00'));
      continue;
    }
    const { station } = stationOf(1);
    await demand({ type: 'AcceptDemand', data: { demandId, stationId: station.id } }, HUB, day(d.raisedOn, '14:00'));
    if (d.reached === 'ACCEPTED') continue;
    const provider = providerFor(d.category)!;
    const own = provider.product.domain === d.category;
    await demand({ type: 'MatchDemand', data: { demandId, providerId: provider.id, ...(own ? { productId: provider.product.id } : {}) } }, HUB, day(d.raisedOn, '16:00'));
    if (d.reached === 'MATCHED') continue;
    await demand({ type: 'ResolveDemand', data: { demandId, outcome: '已完成专利申请代理，企业确认（示例）', satisfaction: 5 } }, HUB, day('2026-04-10'));
  }
  new Logger('Demo').log(`Demo library loaded: 2 policies, 1 FAQ, 1 case, ${DEMANDS.length} demands (${Date.now() - began} ms)`);
}
