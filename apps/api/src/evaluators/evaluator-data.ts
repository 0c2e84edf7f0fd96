import type { ActivityView, DeliveryView, DemandView, ExportColumn, FeedbackRow, RollUpRow } from '@sme/read-models';

/** The deliveries of the year as evaluators read them: one row each, Chinese headers and English keys (docs/evaluators.md). */
export const DELIVERY_COLUMNS: readonly ExportColumn<DeliveryView>[] = [
  { key: 'deliveryId', zh: '服务项目编号', value: (d) => d.id },
  { key: 'serverKind', zh: '服务主体类型', value: (d) => d.server.kind },
  { key: 'serverName', zh: '服务主体', value: (d) => d.server.name },
  { key: 'enterpriseName', zh: '服务企业', value: (d) => d.enterprise.name },
  { key: 'enterpriseUscc', zh: '统一社会信用代码', value: (d) => d.enterprise.uscc },
  { key: 'regionCode', zh: '服务地区', value: (d) => d.regionCode },
  { key: 'domain', zh: '服务领域', value: (d) => d.domain },
  { key: 'title', zh: '服务项目名称', value: (d) => d.title },
  { key: 'status', zh: '状态', value: (d) => d.status },
  { key: 'deliveredOn', zh: '交付日期', value: (d) => d.deliveredOn },
  { key: 'feeKind', zh: '收费类型', value: (d) => d.fee.kind },
  { key: 'feeFen', zh: '约定费用（分）', value: (d) => d.fee.amountFen },
  { key: 'rating', zh: '满意度', value: (d) => d.feedback?.rating ?? null },
  { key: 'poorRating', zh: '差评', value: (d) => d.poorRating },
  { key: 'returnVisitDone', zh: '已回访', value: (d) => d.returnVisitDone },
  { key: 'archivedAt', zh: '归档时间', value: (d) => d.archivedAt },
];

/** The activities of the year: one row each. */
export const ACTIVITY_COLUMNS: readonly ExportColumn<ActivityView>[] = [
  { key: 'activityId', zh: '活动编号', value: (a) => a.id },
  { key: 'organiserKind', zh: '主办方类型', value: (a) => a.organiser.kind },
  { key: 'organiserName', zh: '主办方', value: (a) => a.organiser.name },
  { key: 'kind', zh: '活动类型', value: (a) => a.kind },
  { key: 'title', zh: '活动名称', value: (a) => a.title },
  { key: 'theme', zh: '主题', value: (a) => a.theme },
  { key: 'date', zh: '活动日期', value: (a) => a.date },
  { key: 'regionCode', zh: '举办地区', value: (a) => a.regionCode },
  { key: 'status', zh: '状态', value: (a) => a.status },
  { key: 'enterprisesPresent', zh: '到场企业数（家次）', value: (a) => a.enterprisesPresent.length },
  { key: 'personsPresent', zh: '到场人数', value: (a) => a.personsPresent },
];

/** The feedback on the year's deliveries and activities: one row per 满意度评价. */
export const FEEDBACK_COLUMNS: readonly ExportColumn<FeedbackRow>[] = [
  { key: 'source', zh: '评价对象类型', value: (f) => f.source },
  { key: 'recordId', zh: '服务项目或活动编号', value: (f) => f.recordId },
  { key: 'title', zh: '名称', value: (f) => f.title },
  { key: 'serverKind', zh: '服务主体类型', value: (f) => f.serverKind },
  { key: 'serverName', zh: '服务主体', value: (f) => f.serverName },
  { key: 'enterpriseName', zh: '评价企业', value: (f) => f.enterpriseName },
  { key: 'regionCode', zh: '地区', value: (f) => f.regionCode },
  { key: 'rating', zh: '满意度', value: (f) => f.rating },
  { key: 'firstRating', zh: '首次评分', value: (f) => f.firstRating },
  { key: 'poor', zh: '差评', value: (f) => f.poor },
  { key: 'comment', zh: '评价意见', value: (f) => f.comment },
  { key: 'givenAt', zh: '评价时间', value: (f) => f.givenAt },
  { key: 'amendedAt', zh: '修改时间', value: (f) => f.amendedAt },
];

/** The demands raised in the year: one row each. */
export const DEMAND_COLUMNS: readonly ExportColumn<DemandView>[] = [
  { key: 'demandId', zh: '需求编号', value: (d) => d.id },
  { key: 'enterpriseUscc', zh: '统一社会信用代码', value: (d) => d.enterpriseUscc },
  { key: 'regionCode', zh: '所在地区', value: (d) => d.regionCode },
  { key: 'category', zh: '需求类别', value: (d) => d.category },
  { key: 'urgency', zh: '紧急程度', value: (d) => d.urgency },
  { key: 'status', zh: '状态', value: (d) => d.status },
  { key: 'raisedAt', zh: '提出时间', value: (d) => d.raisedAt },
  { key: 'acceptedAt', zh: '受理时间', value: (d) => d.acceptedAt },
  { key: 'stationId', zh: '受理服务站', value: (d) => d.stationId },
  { key: 'escalated', zh: '已升级', value: (d) => d.escalated },
  { key: 'resolvedAt', zh: '办结时间', value: (d) => d.resolution?.resolvedAt ?? null },
  { key: 'outcome', zh: '办理结果', value: (d) => d.resolution?.outcome ?? null },
  { key: 'satisfaction', zh: '满意度', value: (d) => d.resolution?.satisfaction ?? null },
];

/** A region's year rolled up: the total, then each city (a province) or district (a city). */
export const ROLL_UP_COLUMNS: readonly ExportColumn<RollUpRow>[] = [
  { key: 'scope', zh: '范围', value: (r) => r.scope },
  { key: 'regionCode', zh: '地区代码', value: (r) => r.regionCode },
  { key: 'regionName', zh: '地区', value: (r) => r.regionName },
  { key: 'activitiesHeld', zh: '服务活动场次', value: (r) => r.activitiesHeld },
  { key: 'personsPresent', zh: '参加活动人数', value: (r) => r.personsPresent },
  { key: 'deliveries', zh: '服务项目数', value: (r) => r.deliveries },
  { key: 'enterpriseVisits', zh: '服务企业家次', value: (r) => r.enterpriseVisits },
  { key: 'distinctEnterprises', zh: '服务企业户数', value: (r) => r.distinctEnterprises },
  { key: 'ratings', zh: '评价数', value: (r) => r.ratings },
  { key: 'averageRating', zh: '平均满意度', value: (r) => r.averageRating },
  { key: 'poorRatings', zh: '差评数', value: (r) => r.poorRatings },
  { key: 'followUps', zh: '差评跟进数', value: (r) => r.followUps },
  { key: 'followUpsClosedOnTime', zh: '按时办结跟进数', value: (r) => r.followUpsClosedOnTime },
  { key: 'followUpOnTimeRate', zh: '跟进按时办结率', value: (r) => r.followUpOnTimeRate },
  { key: 'returnVisits', zh: '回访数', value: (r) => r.returnVisits },
  { key: 'returnVisitRate', zh: '回访率', value: (r) => r.returnVisitRate },
  { key: 'freeDeliveries', zh: '公益服务项目数', value: (r) => r.freeDeliveries },
  { key: 'freeShare', zh: '公益服务占比', value: (r) => r.freeShare },
  { key: 'demandsRaised', zh: '服务需求数', value: (r) => r.demandsRaised },
  { key: 'demandsAccepted', zh: '已受理需求数', value: (r) => r.demandsAccepted },
  { key: 'demandsResolved', zh: '已办结需求数', value: (r) => r.demandsResolved },
  { key: 'averageDemandSatisfaction', zh: '需求办结满意度', value: (r) => r.averageDemandSatisfaction },
];
