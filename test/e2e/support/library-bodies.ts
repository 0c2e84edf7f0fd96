import { createHash } from 'node:crypto';
import type { Actor } from '@sme/domain';
import { uscc } from './station-lifecycle';

/* Request bodies for the libraries' records: providers, products and cases, policies, FAQs, demands. */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A PROVIDER user of the organisation with USCC `uscc(seed)` in 天河区. */
export const providerUser = (seed: number): Actor => ({ id: `provider-${seed}`, role: 'PROVIDER', orgId: uscc(seed), regionCode: '440106' });

/** 申请入库 for the provider of `seed`: its own USCC, 天河区, one service domain, one material. */
export const entryApplication = (seed: number) => ({
  uscc: uscc(seed),
  name: `广州某知识产权服务有限公司${seed}`,
  regionCode: '440106',
  serviceDomains: ['IP'],
  materials: [{ kind: '营业执照', fileName: '营业执照.pdf', sha256: sha256(`licence-${seed}`) }],
  contact: { name: '李敏', phone: '020-38620000', email: 'li@example.cn' },
});

/** A classification every product and case carries. */
export const classification = { industries: ['ANY'], serviceDomains: ['IP'], enterpriseSizes: ['ANY'] };

/** The 六公开, fee, time limit and classification of a product of `providerId`. */
export const productBody = (providerId: string, overrides: Record<string, unknown> = {}) => ({
  providerId,
  item: '专利申请代理',
  content: '发明、实用新型专利申请代理',
  process: '咨询→检索→撰写→提交',
  standard: '按专利代理服务规范执行',
  supervision: '投诉电话 12345',
  contact: '020-38620000',
  fee: { kind: 'FREE' },
  timeLimit: { workingDays: 10 },
  classification,
  ...overrides,
});

/** A case of `providerId`: an anonymised enterprise served. */
export const caseBody = (providerId: string) => ({
  providerId,
  title: '某软件企业专利布局',
  enterprise: { anonymised: true, alias: '天河区某软件企业' },
  summary: '检索与布局',
  outcome: '获授权发明专利 3 件',
  servedOn: '2024-05-20',
  classification,
});

/** A municipal policy of Guangzhou for every enterprise of the city. */
export const policyBody = {
  level: 'MUNICIPAL',
  regionCode: '440100',
  title: '广州市支持中小企业发展若干措施',
  issuer: '广州市工业和信息化局',
  documentNumber: '穗工信规字〔2025〕3号',
  effectiveFrom: '2025-01-01',
  summary: '对本市中小企业给予服务补贴',
  eligibility: {},
};

export const faqBody = { question: '如何申请服务补贴？', answer: '向所在区工信部门提交申请。', topics: ['补贴'] };

/** What the enterprise needs (without the enterprise). */
export const demandBody = { category: 'FINANCE', description: '需要一笔流动资金贷款', urgency: 'NORMAL' };

/** A provider's delivery of one service to one enterprise (服务项目登记), planned for `on`. */
export const deliveryBody = (providerId: string, enterpriseId: string, on: string, overrides: Record<string, unknown> = {}) => ({
  server: { kind: 'PROVIDER', id: providerId },
  enterpriseId,
  domain: 'IP',
  title: '专利布局咨询',
  description: '梳理企业核心技术，提出专利申请与布局方案。',
  plannedStart: on,
  plannedEnd: on,
  fee: { kind: 'LOW_FEE', amountFen: 150000 },
  mode: 'OFFLINE',
  regionCode: '440106',
  ...overrides,
});

/** The delivery's handover: an outcome and one document by digest. */
export const handoverBody = (on: string, overrides: Record<string, unknown> = {}) => ({
  deliveredOn: on,
  outcome: '提交专利申请2件',
  deliverables: [{ title: '专利布局方案', fileName: '专利布局方案.pdf', sha256: sha256(`handover-${on}`) }],
  ...overrides,
});
