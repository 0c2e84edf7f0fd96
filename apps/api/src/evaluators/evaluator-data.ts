import type { ActivityView, DeliveryView, ExportColumn } from '@sme/read-models';

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
