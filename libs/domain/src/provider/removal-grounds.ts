import { labelledCodes, oneOf } from '../shared/schema/builders';

/**
 * 出库 grounds for the 优质服务机构库. 工信部企业〔2023〕213号 asks for 出库标准 and monitoring on 服务能力、服务管理、
 * 服务质量、服务满意度; 穗工信函〔2019〕1100号 extends its 退出机制 to 入驻服务机构 and names 弄虚作假, 服务满意度低
 * and 违法违规. CEASED_OPERATION, VOLUNTARY and OTHER complete the list.
 */
export const PROVIDER_REMOVAL_GROUNDS = [
  'FAILED_EVALUATION',
  'LOW_SATISFACTION',
  'FALSIFIED_MATERIALS',
  'ILLEGAL_CONDUCT',
  'CEASED_OPERATION',
  'VOLUNTARY',
  'OTHER',
] as const;
export type ProviderRemovalGround = (typeof PROVIDER_REMOVAL_GROUNDS)[number];

export const PROVIDER_REMOVAL_GROUND_LABELS: Record<ProviderRemovalGround, { zh: string; en: string }> = {
  FAILED_EVALUATION: { zh: '监测评价不合格', en: 'Failed the monitoring evaluation' },
  LOW_SATISFACTION: { zh: '服务满意度低', en: 'Low service satisfaction' },
  FALSIFIED_MATERIALS: { zh: '弄虚作假', en: 'Falsified materials' },
  ILLEGAL_CONDUCT: { zh: '违法违规', en: 'Illegal or non-compliant conduct' },
  CEASED_OPERATION: { zh: '停止经营', en: 'Ceased operation' },
  VOLUNTARY: { zh: '自愿退出', en: 'Voluntary exit' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const ProviderRemovalGroundSchema = {
  ...oneOf(PROVIDER_REMOVAL_GROUNDS, `出库理由: ${labelledCodes(PROVIDER_REMOVAL_GROUNDS, PROVIDER_REMOVAL_GROUND_LABELS)}`),
  $id: 'ProviderRemovalGround',
};

/** Grounds after which a provider may not re-enter for a while (see `reentryBarYears`). */
export const REENTRY_BARRING_GROUNDS: readonly ProviderRemovalGround[] = ['FALSIFIED_MATERIALS', 'ILLEGAL_CONDUCT'];

export const isProviderRemovalGround = (value: unknown): value is ProviderRemovalGround =>
  typeof value === 'string' && (PROVIDER_REMOVAL_GROUNDS as readonly string[]).includes(value);
