import { codeLists, type CodeOf } from '../shared/code-lists';
import codes from './station.codes.json';

export const { revocationGrounds } = codeLists(codes);

/** 退出机制: the five grounds on which a station loses its title and plaque (撤销称号和授牌). */
export type RevocationGround = CodeOf<typeof revocationGrounds>;
