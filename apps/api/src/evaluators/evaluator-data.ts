import type { ActivityView, DeliveryView, ExportColumn } from '@sme/read-models';
import { fieldColumn } from '../read-side/field-column';

const delivery = fieldColumn<DeliveryView>;
const activity = fieldColumn<ActivityView>;

/** The deliveries of the year as evaluators read them: one row each, Chinese headers and English keys (docs/evaluators.md). */
export const DELIVERY_COLUMNS: readonly ExportColumn<DeliveryView>[] = [
  { key: 'deliveryId', zh: '服务项目编号', value: (d) => d.id },
  { key: 'serverKind', zh: '服务主体类型', value: (d) => d.server.kind },
  { key: 'serverName', zh: '服务主体', value: (d) => d.server.name },
  { key: 'enterpriseName', zh: '服务企业', value: (d) => d.enterprise.name },
  { key: 'enterpriseUscc', zh: '统一社会信用代码', value: (d) => d.enterprise.uscc },
  delivery('regionCode', '服务地区'),
  delivery('domain', '服务领域'),
  delivery('title', '服务项目名称'),
  delivery('status', '状态'),
  delivery('deliveredOn', '交付日期'),
  { key: 'feeKind', zh: '收费类型', value: (d) => d.fee.kind },
  { key: 'feeFen', zh: '约定费用（分）', value: (d) => d.fee.amountFen },
  { key: 'rating', zh: '满意度', value: (d) => d.feedback?.rating ?? null },
  delivery('poorRating', '差评'),
  delivery('returnVisitDone', '已回访'),
  delivery('archivedAt', '归档时间'),
];

/** The activities of the year: one row each. */
export const ACTIVITY_COLUMNS: readonly ExportColumn<ActivityView>[] = [
  { key: 'activityId', zh: '活动编号', value: (a) => a.id },
  { key: 'organiserKind', zh: '主办方类型', value: (a) => a.organiser.kind },
  { key: 'organiserName', zh: '主办方', value: (a) => a.organiser.name },
  activity('kind', '活动类型'),
  activity('title', '活动名称'),
  activity('theme', '主题'),
  activity('date', '活动日期'),
  activity('regionCode', '举办地区'),
  activity('status', '状态'),
  { key: 'enterprisesPresent', zh: '到场企业数（家次）', value: (a) => a.enterprisesPresent.length },
  activity('personsPresent', '到场人数'),
];
