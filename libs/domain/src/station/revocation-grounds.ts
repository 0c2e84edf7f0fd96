import { codeList, type CodeOf } from '../shared/code-lists';

/** 退出机制: the five grounds on which a station loses its title and plaque (撤销称号和授牌). */
const revocationGrounds = codeList({
  FALSIFIED_APPLICATION: { zh: '申请资料弄虚作假', en: 'Falsified application materials' },
  COVENANT_SERIOUSLY_VIOLATED: { zh: '严重违反服务公约', en: 'Serious violation of the service covenant' },
  NOT_SUPPORTING_AUTHORITIES: {
    zh: '不支持市区两级中小企业主管部门的相关工作',
    en: 'Not supporting the work of the city and district SME authorities',
  },
  LOW_SATISFACTION: { zh: '服务满意度低', en: 'Low service satisfaction' },
  ILLEGAL_CONDUCT: { zh: '有违法违规行为', en: 'Illegal or non-compliant conduct' },
});
export type RevocationGround = CodeOf<typeof revocationGrounds>;
export const REVOCATION_GROUNDS = revocationGrounds.codes;
export const REVOCATION_GROUND_LABELS = revocationGrounds.labels;
export const isRevocationGround = revocationGrounds.is;
