import type { Readable } from 'node:stream';
import {
  activitiesOfYear,
  deliveriesOfYear,
  demandsOfYear,
  exportTable,
  feedbackOfYear,
  yearRollUp,
  type ActivityView,
  type DeliveryView,
  type DemandView,
  type ExportColumn,
  type ExportFormat,
  type FeedbackRow,
  type ReadModelReader,
  type RollUpRow,
} from '@sme/read-models';
import { fieldColumn } from '../read-side/field-column';

const delivery = fieldColumn<DeliveryView>;
const activity = fieldColumn<ActivityView>;
const feedback = fieldColumn<FeedbackRow>;
const demand = fieldColumn<DemandView>;
const rollUp = fieldColumn<RollUpRow>;

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

/** The feedback on the year's deliveries and activities: one row per 满意度评价. */
export const FEEDBACK_COLUMNS: readonly ExportColumn<FeedbackRow>[] = [
  feedback('source', '评价对象类型'),
  feedback('recordId', '服务项目或活动编号'),
  feedback('title', '名称'),
  feedback('serverKind', '服务主体类型'),
  feedback('serverName', '服务主体'),
  feedback('enterpriseName', '评价企业'),
  feedback('regionCode', '地区'),
  feedback('rating', '满意度'),
  feedback('firstRating', '首次评分'),
  feedback('poor', '差评'),
  feedback('comment', '评价意见'),
  feedback('givenAt', '评价时间'),
  feedback('amendedAt', '修改时间'),
];

/** The demands raised in the year: one row each. */
export const DEMAND_COLUMNS: readonly ExportColumn<DemandView>[] = [
  { key: 'demandId', zh: '需求编号', value: (d) => d.id },
  demand('enterpriseUscc', '统一社会信用代码'),
  demand('regionCode', '所在地区'),
  demand('category', '需求类别'),
  demand('urgency', '紧急程度'),
  demand('status', '状态'),
  demand('raisedAt', '提出时间'),
  demand('acceptedAt', '受理时间'),
  demand('stationId', '受理服务站'),
  demand('escalated', '已升级'),
  { key: 'resolvedAt', zh: '办结时间', value: (d) => d.resolution?.resolvedAt ?? null },
  { key: 'outcome', zh: '办理结果', value: (d) => d.resolution?.outcome ?? null },
  { key: 'satisfaction', zh: '满意度', value: (d) => d.resolution?.satisfaction ?? null },
];

/** A region's year rolled up: the total, then each city (a province) or district (a city). */
export const ROLL_UP_COLUMNS: readonly ExportColumn<RollUpRow>[] = [
  rollUp('scope', '范围'),
  rollUp('regionCode', '地区代码'),
  rollUp('regionName', '地区'),
  rollUp('activitiesHeld', '服务活动场次'),
  rollUp('personsPresent', '参加活动人数'),
  rollUp('deliveries', '服务项目数'),
  rollUp('enterpriseVisits', '服务企业家次'),
  rollUp('distinctEnterprises', '服务企业户数'),
  rollUp('ratings', '评价数'),
  rollUp('averageRating', '平均满意度'),
  rollUp('poorRatings', '差评数'),
  rollUp('followUps', '差评跟进数'),
  rollUp('followUpsClosedOnTime', '按时办结跟进数'),
  rollUp('followUpOnTimeRate', '跟进按时办结率'),
  rollUp('returnVisits', '回访数'),
  rollUp('returnVisitRate', '回访率'),
  rollUp('freeDeliveries', '公益服务项目数'),
  rollUp('freeShare', '公益服务占比'),
  rollUp('demandsRaised', '服务需求数'),
  rollUp('demandsAccepted', '已受理需求数'),
  rollUp('demandsResolved', '已办结需求数'),
  rollUp('averageDemandSatisfaction', '需求办结满意度'),
];

/** One of the year's tables: its sheet, the projections its rows are read from, its columns and its rows. */
interface RecordTable<Row> {
  sheet: string;
  projections: readonly string[];
  columns: readonly ExportColumn<Row>[];
  rows: (reader: ReadModelReader, regionCode: string, year: number) => AsyncIterable<Row> | Promise<Row[]>;
}

/** A table as its projections and its export, the row type settled inside so tables of different rows share one registry. */
function recordTable<Row>({ sheet, projections, columns, rows }: RecordTable<Row>) {
  return {
    projections,
    export: async (format: ExportFormat, reader: ReadModelReader, regionCode: string, year: number): Promise<Readable> =>
      exportTable(format, sheet, columns, await rows(reader, regionCode, year)),
  };
}

/** The year's tables evaluators download, by the name in their path (docs/evaluators.md). */
export const RECORD_TABLES = {
  deliveries: recordTable({ sheet: '服务项目', projections: ['deliveries'], columns: DELIVERY_COLUMNS, rows: deliveriesOfYear }),
  activities: recordTable({ sheet: '服务活动', projections: ['activities'], columns: ACTIVITY_COLUMNS, rows: activitiesOfYear }),
  feedback: recordTable({ sheet: '满意度评价', projections: ['deliveries', 'activities'], columns: FEEDBACK_COLUMNS, rows: feedbackOfYear }),
  demands: recordTable({ sheet: '服务需求', projections: ['demands'], columns: DEMAND_COLUMNS, rows: demandsOfYear }),
  'roll-up': recordTable({ sheet: '汇总', projections: ['activities', 'deliveries', 'followups', 'demands'], columns: ROLL_UP_COLUMNS, rows: yearRollUp }),
};

export type RecordTableName = keyof typeof RECORD_TABLES;
