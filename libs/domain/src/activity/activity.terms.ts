import { codeLists, type CodeOf } from '../shared/code-lists';
import { feeSchema } from '../delivery/delivery.terms';
import { actingOrganisation, arrayOf, businessDate, closed, integer, matching, optional, recordId, text, titledDocument, type Static } from '../shared/schema/builders';
import codes from './activity.codes.json';

export const { activityKinds, organiserKinds, activityModes, activityStages, registrantKinds } = codeLists(codes);

/** 沙龙、对话、培训、讲座、研讨、论坛 (服务公约 一.4), the 对接会 of the network, 政策宣贯, 巡回课堂, 服务推广日. */
export type ActivityKind = CodeOf<typeof activityKinds>;

/** Who organises: a station, the city's hub, a provider of the 库 or a recognised centre. */
export type OrganiserKind = CodeOf<typeof organiserKinds>;

export type ActivityMode = CodeOf<typeof activityModes>;

export type ActivityStage = CodeOf<typeof activityStages>;

export type RegisteredBy = CodeOf<typeof registrantKinds>;


/** The organisation that organises, as the ledger found it when the activity was planned. */
export const OrganiserSchema = actingOrganisation(
  organiserKinds.schema('主办方类型'),
  {
    id: 'The station’s, provider’s or centre’s record id; for the hub, its organisation id',
    orgId: 'The organising organisation (its USCC for a provider, a station operator or a centre’s operator)',
    regionCode: 'GB/T 2260: a city or county; the province for the province centre',
  },
  { $id: 'Organiser', description: 'The organiser (主办方)' },
);
export type Organiser = Static<typeof OrganiserSchema>;

export const CoOrganiserSchema = closed(
  { name: text('协办单位名称'), orgId: optional(text('Its organisation id (a USCC) when known')) },
  { $id: 'CoOrganiser', description: 'A co-organiser (协办单位), named as the organiser gives it' },
);
export type CoOrganiser = Static<typeof CoOrganiserSchema>;

export const HH_MM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/** When: a business day and the hours, China time. */
export const ActivityTimeSchema = closed(
  { date: businessDate('举办日期'), startTime: matching(HH_MM, '开始时间 HH:MM'), endTime: matching(HH_MM, '结束时间 HH:MM, after startTime') },
  { $id: 'ActivityTime', description: '活动时间' },
);
export type ActivityTime = Static<typeof ActivityTimeSchema>;

export const ActivityFeeSchema = feeSchema('The fee per enterprise in 分 (an integer); 0 exactly when FREE', { $id: 'ActivityFee', description: '收费: 公益 (free) or charged' });

/** The theme month an activity belongs to, as the city's plan stood when the activity was planned. */
export const ThemeMonthLinkSchema = closed(
  {
    themePlanId: recordId('The city’s theme-month plan (主题月计划)'),
    year: integer(2000, 2100, 'The plan’s year'),
    month: integer(1, 12, 'The month'),
    theme: text('The month’s theme code'),
  },
  { $id: 'ThemeMonthLink', description: '所属主题月' },
);
export type ThemeMonthLink = Static<typeof ThemeMonthLinkSchema>;

export const ActivityMaterialSchema = titledDocument('材料名称 (议程, 签到表, 课件, …)', { $id: 'ActivityMaterial', description: 'A document of the activity, fixed by its digest' });
export type ActivityMaterial = Static<typeof ActivityMaterialSchema>;

export const materialsSchema = () => arrayOf(ActivityMaterialSchema, { description: '活动材料 (agenda, sign-in sheet, …) by digest' });
export const activityKindSchema = () => activityKinds.schema('活动类型');
export const activityModeSchema = () => activityModes.schema('举办方式');
export const registeredBySchema = () => registrantKinds.schema('报名方式');
