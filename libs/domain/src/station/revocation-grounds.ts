import { codeList, type CodeOf } from '../shared/code-lists';
import codes from './station.codes.json';

/** 退出机制: the five grounds on which a station loses its title and plaque (撤销称号和授牌). */
const revocationGrounds = codeList(codes.revocationGrounds);
export type RevocationGround = CodeOf<typeof revocationGrounds>;
export const { codes: REVOCATION_GROUNDS, labels: REVOCATION_GROUND_LABELS, is: isRevocationGround } = revocationGrounds;
