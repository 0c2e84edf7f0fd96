import type { ExistingEvaluation, OrganisationResult, ProviderRemovalGround, RevocationGround } from '@sme/domain';

/** 服务满意度低 for LOW_SATISFACTION; 不支持主管部门工作 for a failing total or no annual report. */
export function stationGroundsOf(result: OrganisationResult): RevocationGround[] {
  const grounds: RevocationGround[] = [];
  if (result.flags.includes('LOW_SATISFACTION')) grounds.push('LOW_SATISFACTION');
  if (result.flags.includes('FAIL') || result.flags.includes('NO_REPORT')) grounds.push('NOT_SUPPORTING_AUTHORITIES');
  return grounds;
}

export function providerGroundsOf(result: OrganisationResult): ProviderRemovalGround[] {
  const grounds: ProviderRemovalGround[] = [];
  if (result.flags.includes('FAIL') || result.flags.includes('NO_REPORT')) grounds.push('FAILED_EVALUATION');
  if (result.flags.includes('LOW_SATISFACTION')) grounds.push('LOW_SATISFACTION');
  return grounds;
}

const FLAG_ZH = { FAIL: '综合评价不合格', LOW_SATISFACTION: '平均满意度低于方案底线', NO_REPORT: '未按时报送年度总结' } as const;

/** The evaluation's figures as evidence: where they come from (year, scheme version, log position) and what they are. */
export function flagEvidence(e: ExistingEvaluation, result: OrganisationResult): { description: string }[] {
  const f = result.figures;
  const rating = f.averageRating === null ? '无评价' : String(f.averageRating);
  const floor = e.scheme.satisfactionFloor === undefined ? '' : `（底线${e.scheme.satisfactionFloor}）`;
  return [
    {
      description:
        `${result.flags.map((flag) => FLAG_ZH[flag]).join('、')}：${e.year}年度综合评价（评价编号${e.evaluationId}，方案第${e.schemeVersion}版，日志位置${e.position}）` +
        `总分${result.total}，等级${result.grade}，全市第${result.rankInCity}名；服务活动${f.activitiesHeld}场，服务企业${f.serviceVisits}家次，平均满意度${rating}${floor}`,
    },
  ];
}
