import { codeLists, type CodeOf } from '../shared/code-lists';
import codes from './provider.codes.json';

/**
 * 出库 grounds for the 优质服务机构库. 工信部企业〔2023〕213号 asks for 出库标准 and monitoring on 服务能力、服务管理、
 * 服务质量、服务满意度; 穗工信函〔2019〕1100号 extends its 退出机制 to 入驻服务机构 and names 弄虚作假, 服务满意度低
 * and 违法违规. CEASED_OPERATION, VOLUNTARY and OTHER complete the list.
 */
export const { removalGrounds } = codeLists(codes);

export type ProviderRemovalGround = CodeOf<typeof removalGrounds>;

export const ProviderRemovalGroundSchema = removalGrounds.schema('出库理由', 'ProviderRemovalGround');

/** Grounds after which a provider may not re-enter for a while (see `reentryBarYears`). */
export const REENTRY_BARRING_GROUNDS: readonly ProviderRemovalGround[] = ['FALSIFIED_MATERIALS', 'ILLEGAL_CONDUCT'];

