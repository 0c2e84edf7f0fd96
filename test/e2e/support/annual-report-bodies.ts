/** Next year's plan: a narrative and two targets. */
export const planBody = { summary: '深化融资对接服务，扩大服务覆盖面', targets: [{ indicator: 'ACTIVITIES_HELD', value: 12 }, { indicator: 'AVERAGE_RATING', value: 4.5 }] };

/** An organisation's report of `year`: its kind and record id, the narrative, the plan. */
export const reportBody = (kind: string, id: string, year: number, overrides: Record<string, unknown> = {}) => ({
  subject: { kind, id },
  year,
  summary: '全年开展融资对接和政策宣贯服务，服务企业稳步增加',
  plan: planBody,
  ...overrides,
});

/** The city report of `year` by the hub of `cityCode`. */
export const cityReportBody = (cityCode: string, year: number) => ({ cityCode, year, summary: '全市服务站年度工作总结', plan: planBody });
