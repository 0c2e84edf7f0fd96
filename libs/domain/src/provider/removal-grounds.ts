import { codeList, type CodeOf } from '../shared/code-lists';

/**
 * 出库 grounds for the 优质服务机构库. 工信部企业〔2023〕213号 asks for 出库标准 and monitoring on 服务能力、服务管理、
 * 服务质量、服务满意度; 穗工信函〔2019〕1100号 extends its 退出机制 to 入驻服务机构 and names 弄虚作假, 服务满意度低
 * and 违法违规. CEASED_OPERATION, VOLUNTARY and OTHER complete the list.
 */
const removalGrounds = codeList({
  FAILED_EVALUATION: { zh: '监测评价不合格', en: 'Failed the monitoring evaluation' },
  LOW_SATISFACTION: { zh: '服务满意度低', en: 'Low service satisfaction' },
  FALSIFIED_MATERIALS: { zh: '弄虚作假', en: 'Falsified materials' },
  ILLEGAL_CONDUCT: { zh: '违法违规', en: 'Illegal or non-compliant conduct' },
  CEASED_OPERATION: { zh: '停止经营', en: 'Ceased operation' },
  VOLUNTARY: { zh: '自愿退出', en: 'Voluntary exit' },
  OTHER: { zh: '其他', en: 'Other' },
});
export type ProviderRemovalGround = CodeOf<typeof removalGrounds>;
export const PROVIDER_REMOVAL_GROUNDS = removalGrounds.codes;
export const PROVIDER_REMOVAL_GROUND_LABELS = removalGrounds.labels;

export const ProviderRemovalGroundSchema = removalGrounds.schema('出库理由', 'ProviderRemovalGround');

/** Grounds after which a provider may not re-enter for a while (see `reentryBarYears`). */
export const REENTRY_BARRING_GROUNDS: readonly ProviderRemovalGround[] = ['FALSIFIED_MATERIALS', 'ILLEGAL_CONDUCT'];

export const isProviderRemovalGround = removalGrounds.is;
