import { codeList, type CodeOf } from './code-lists';

/**
 * 服务领域. The first nine are the 共性服务 of 穗工信函〔2019〕1100号 (信息、技术、人才、创新创业、法律、品牌、
 * 金融/融资、培训、产业链上下游对接). The next four are our choice of further fields the other seeds name
 * (管理咨询 in the 2016 Guangdong guidance; 专利转化, 质量标准, 展览展销 in 工信部企业〔2023〕213号); then OTHER.
 */
const serviceDomains = codeList({
  INFORMATION: { zh: '信息', en: 'Information' },
  TECHNOLOGY: { zh: '技术', en: 'Technology' },
  TALENT: { zh: '人才', en: 'Talent' },
  ENTREPRENEURSHIP: { zh: '创新创业', en: 'Innovation and entrepreneurship' },
  LEGAL: { zh: '法律', en: 'Legal' },
  BRAND: { zh: '品牌', en: 'Brand' },
  FINANCE: { zh: '金融/融资', en: 'Finance and financing' },
  TRAINING: { zh: '培训', en: 'Training' },
  SUPPLY_CHAIN: { zh: '产业链对接', en: 'Supply-chain matchmaking' },
  MANAGEMENT_CONSULTING: { zh: '管理咨询', en: 'Management consulting' },
  IP: { zh: '知识产权', en: 'Intellectual property' },
  TESTING_CERTIFICATION: { zh: '检验检测', en: 'Testing and certification' },
  MARKET_EXPANSION: { zh: '市场开拓', en: 'Market expansion' },
  OTHER: { zh: '其他', en: 'Other' },
});
export type ServiceDomain = CodeOf<typeof serviceDomains>;
export const SERVICE_DOMAINS = serviceDomains.codes;
export const SERVICE_DOMAIN_LABELS = serviceDomains.labels;

export const ServiceDomainSchema = serviceDomains.schema('服务领域', 'ServiceDomain');

export const isServiceDomain = serviceDomains.is;
