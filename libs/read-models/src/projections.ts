import { activityKind } from '@sme/domain/activity/activity.kind';
import { annualReportKind } from '@sme/domain/annualreport/annualreport.kind';
import { applicationKind } from '@sme/domain/application/application.kind';
import { callKind } from '@sme/domain/call/call.kind';
import { centreKind } from '@sme/domain/centre/centre.kind';
import { deliveryKind } from '@sme/domain/delivery/delivery.kind';
import { demandKind } from '@sme/domain/demand/demand.kind';
import { enterpriseKind } from '@sme/domain/enterprise/enterprise.kind';
import { expertKind } from '@sme/domain/expert/expert.kind';
import { followUpKind } from '@sme/domain/follow-up/follow-up.kind';
import { faqKind } from '@sme/domain/policy/faq.kind';
import { policyKind } from '@sme/domain/policy/policy.kind';
import { stationKind } from '@sme/domain/station/station.kind';
import { themePlanKind } from '@sme/domain/themeplan/themeplan.kind';
import { voucherKind } from '@sme/domain/voucher/voucher.kind';
import { notaryKind } from '@sme/domain/notary/notary.kind';
import { projectCheckpoints, type CheckpointsView } from './notary.projection';
import { projectActivity, type ActivityView } from './activity.projection';
import { projectAnnualReport, type AnnualReportView } from './annualreport.projection';
import { projectThemePlan, type ThemePlanView } from './themeplan.projection';
import { projectVoucherProgramme, type VoucherProgrammeView } from './voucher.projection';
import { projectApplication } from './application.projection';
import { projectCall } from './call.projection';
import { projectCentre, type CentreView } from './centre.projection';
import { projectDemand, type DemandView } from './demand.projection';
import { projectDelivery, type DeliveryView } from './delivery.projection';
import { projectEnterprise, type EnterpriseView } from './enterprise.projection';
import { projectExpert, type ExpertView } from './expert.projection';
import { projectFollowUp, type FollowUpView } from './follow-up.projection';
import { projectFaq, projectPolicy, type FaqView, type PolicyView } from './policy.projection';
import { evaluationSchemesProjection, evaluationsProjection } from './evaluation.projection';
import { POOL_PROJECTIONS } from './pool-projections';
import { erasureKind } from '@sme/domain/erasure/erasure.kind';
import { projectErasure, type ErasureView } from './erasure.projection';
import { kindProjection, type Projection } from './projector/projection';
import { projectStation } from './station.projection';
import type { ApplicationView, CallView, StationView } from './views';

export const callsProjection = kindProjection<CallView>({
  name: 'calls',
  version: 1,
  kind: callKind,
  project: projectCall,
  indexes: [{ keys: { cityCode: 1, openedAt: -1 } }],
});

export const applicationsProjection = kindProjection<ApplicationView>({
  name: 'applications',
  version: 1,
  kind: applicationKind,
  project: projectApplication,
  indexes: [
    { keys: { callId: 1, stage: 1 } },
    { keys: { districtCode: 1, stage: 1 } },
    { keys: { ownerOrgId: 1 } },
    { keys: { 'panel.expertId': 1 } },
    { keys: { draftedAt: 1 } },
  ],
});

export const stationsProjection = kindProjection<StationView>({
  name: 'stations',
  // 2: a revocation proposal shows the satisfaction figures it cites.
  version: 2,
  kind: stationKind,
  project: projectStation,
  indexes: [{ keys: { cityCode: 1, districtCode: 1, status: 1 } }, { keys: { plaqueNumber: 1 } }, { keys: { callId: 1 } }],
});

export const enterprisesProjection = kindProjection<EnterpriseView>({
  name: 'enterprises',
  version: 1,
  kind: enterpriseKind,
  project: projectEnterprise,
  indexes: [
    { keys: { uscc: 1 } },
    { keys: { provinceCode: 1, cityCode: 1, regionCode: 1 } },
    { keys: { industryCode: 1, sizeClass: 1 } },
    { keys: { name: 1 } },
    { keys: { tagPeriodCount: -1 } },
  ],
});

/** The expert registry (服务专家库). */
export const expertsProjection = kindProjection<ExpertView>({
  name: 'experts',
  version: 1,
  kind: expertKind,
  project: projectExpert,
  indexes: [
    { keys: { cityCode: 1, regionCode: 1, status: 1 } },
    { keys: { 'specialties.domain': 1 } },
    { keys: { 'organisation.id': 1 } },
    { keys: { registeredAt: 1 } },
  ],
});

/** 基础信息库: policies and regulations. */
export const policiesProjection = kindProjection<PolicyView>({
  name: 'policies',
  version: 1,
  kind: policyKind,
  project: projectPolicy,
  indexes: [{ keys: { level: 1, status: 1 } }, { keys: { effectiveFrom: 1 } }, { keys: { publishedAt: 1 } }],
});

/** 基础信息库: FAQs. */
export const faqsProjection = kindProjection<FaqView>({
  name: 'faqs',
  version: 1,
  kind: faqKind,
  project: projectFaq,
  indexes: [{ keys: { status: 1, regionCode: 1 } }, { keys: { publishedAt: 1 } }],
});

/** 服务需求库. */
export const demandsProjection = kindProjection<DemandView>({
  name: 'demands',
  version: 1,
  kind: demandKind,
  project: projectDemand,
  indexes: [{ keys: { cityCode: 1, regionCode: 1, status: 1 } }, { keys: { status: 1, escalated: 1, raisedAt: 1 } }, { keys: { enterpriseId: 1 } }],
});

/** 服务项目: deliveries, with their feedback and 回访. */
export const deliveriesProjection = kindProjection<DeliveryView>({
  name: 'deliveries',
  version: 1,
  kind: deliveryKind,
  project: projectDelivery,
  indexes: [
    { keys: { status: 1, registeredAt: -1 } },
    { keys: { cityCode: 1, regionCode: 1, status: 1 } },
    { keys: { 'enterprise.uscc': 1 } },
    { keys: { 'server.orgId': 1, deliveredOn: 1 } },
    { keys: { deliveredOn: 1 } },
    { keys: { status: 1, confirmableAutomaticallyFrom: 1 } },
  ],
});

/** 差评跟进: follow-ups of deliveries. */
export const followUpsProjection = kindProjection<FollowUpView>({
  name: 'followups',
  // 2: a follow-up of an activity (activityId; deliveryId null).
  version: 2,
  kind: followUpKind,
  project: projectFollowUp,
  indexes: [{ keys: { status: 1, dueOn: 1 } }, { keys: { deliveryId: 1 } }, { keys: { 'steward.regionCode': 1, status: 1 } }],
});

/** 主题月计划: each city's yearly calendar of theme months. */
export const themePlansProjection = kindProjection<ThemePlanView>({
  name: 'themeplans',
  version: 1,
  kind: themePlanKind,
  project: projectThemePlan,
  indexes: [{ keys: { cityCode: 1, year: 1 } }],
});

/** 服务活动: activities with their registrations, attendance and feedback. */
export const activitiesProjection = kindProjection<ActivityView>({
  name: 'activities',
  version: 1,
  kind: activityKind,
  project: projectActivity,
  indexes: [
    { keys: { cityCode: 1, regionCode: 1, status: 1 } },
    { keys: { date: 1 } },
    { keys: { 'organiser.kind': 1, 'organiser.id': 1, date: 1 } },
    { keys: { stationId: 1, date: 1 } },
    { keys: { 'themeMonth.themePlanId': 1, 'themeMonth.month': 1 } },
    { keys: { registeredUsccs: 1 } },
  ],
});

/** 服务中心: the 建设情况汇总表, by level, region and standing. */
export const centresProjection = kindProjection<CentreView>({
  name: 'centres',
  version: 1,
  kind: centreKind,
  project: projectCentre,
  indexes: [{ keys: { level: 1, regionCode: 1, status: 1 } }, { keys: { orgId: 1 } }, { keys: { status: 1, remediationDeadline: 1 } }],
});

/** 年度服务总结: each organisation's year and the cities' consolidated reports. */
export const annualReportsProjection = kindProjection<AnnualReportView>({
  name: 'annualreports',
  version: 1,
  kind: annualReportKind,
  project: projectAnnualReport,
  indexes: [{ keys: { year: 1, cityCode: 1, subjectKind: 1, status: 1 } }, { keys: { 'subject.kind': 1, 'subject.id': 1, year: 1 } }, { keys: { year: 1, regionCode: 1 } }],
});

/** 服务券计划: programmes with their budget's figures and the enterprises in them. */
export const voucherProgrammesProjection = kindProjection<VoucherProgrammeView>({
  name: 'vouchers',
  // 2: orders, their settlement and the programme's closure in the document.
  version: 2,
  kind: voucherKind,
  project: projectVoucherProgramme,
  indexes: [{ keys: { cityCode: 1, 'issuer.regionCode': 1 } }, { keys: { holderUsccs: 1 } }],
});

/** Every projection the read side maintains. */
/** 存证检查点: the latest signed checkpoint and how many there are. */
export const checkpointsProjection = kindProjection<CheckpointsView>({
  name: 'checkpoints',
  version: 1,
  kind: notaryKind,
  project: projectCheckpoints,
  indexes: [],
});

/** 个人信息删除: each request, its decision and the keys' deletion. */
export const erasuresProjection = kindProjection<ErasureView>({
  name: 'erasures',
  version: 1,
  kind: erasureKind,
  project: projectErasure,
  indexes: [{ keys: { status: 1, requestedAt: -1 } }, { keys: { streamId: 1 } }],
});

export const PROJECTIONS: readonly Projection[] = [
  callsProjection,
  applicationsProjection,
  stationsProjection,
  enterprisesProjection,
  expertsProjection,
  policiesProjection,
  faqsProjection,
  demandsProjection,
  deliveriesProjection,
  followUpsProjection,
  themePlansProjection,
  activitiesProjection,
  centresProjection,
  evaluationSchemesProjection,
  evaluationsProjection,
  annualReportsProjection,
  voucherProgrammesProjection,
  checkpointsProjection,
  erasuresProjection,
  ...POOL_PROJECTIONS,
] as Projection[];

export function projectionNamed(name: string): Projection | undefined {
  return PROJECTIONS.find((p) => p.name === name);
}
