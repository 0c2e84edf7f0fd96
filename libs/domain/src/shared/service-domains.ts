import { codeLists, type CodeOf } from './code-lists';
import codes from './shared.codes.json';

/**
 * 服务领域. The first nine are the 共性服务 of 穗工信函〔2019〕1100号 (信息、技术、人才、创新创业、法律、品牌、
 * 金融/融资、培训、产业链上下游对接). The next four are our choice of further fields the other seeds name
 * (管理咨询 in the 2016 Guangdong guidance; 专利转化, 质量标准, 展览展销 in 工信部企业〔2023〕213号); then OTHER.
 */
export const { serviceDomains } = codeLists(codes);

export type ServiceDomain = CodeOf<typeof serviceDomains>;

export const ServiceDomainSchema = serviceDomains.schema('服务领域', 'ServiceDomain');

