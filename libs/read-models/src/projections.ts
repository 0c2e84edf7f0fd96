import { demandKind } from '@sme/domain/demand/demand.kind';
import { enterpriseKind } from '@sme/domain/enterprise/enterprise.kind';
import { expertKind } from '@sme/domain/expert/expert.kind';
import { faqKind } from '@sme/domain/policy/faq.kind';
import { policyKind } from '@sme/domain/policy/policy.kind';
import { streamPrefixOf } from '@sme/domain/shared/record-kind';
import type { StoredDocument } from './document-store/document-store.port';
import { APPLICATION_STREAM_PREFIX, projectApplication } from './application.projection';
import { CALL_STREAM_PREFIX, projectCall } from './call.projection';
import { projectExpert, type ExpertView } from './expert.projection';
import { projectEnterprise, type EnterpriseView } from './enterprise.projection';
import type { Projection } from './projector/projection';
import { POOL_PROJECTIONS } from './pool-projections';
import { projectFaq, projectPolicy, type FaqView, type PolicyView } from './policy.projection';
import { projectDemand, type DemandView } from './demand.projection';
import { STATION_STREAM_PREFIX, projectStation } from './station.projection';
import type { ApplicationView, CallView, StationView } from './views';

type Stored<V> = V & StoredDocument;

export const callsProjection: Projection<Stored<CallView>> = {
  name: 'calls',
  version: 1,
  streamPrefix: CALL_STREAM_PREFIX,
  apply: (view, event) => projectCall(view, event) as Stored<CallView> | undefined,
  indexes: [{ keys: { cityCode: 1, openedAt: -1 } }],
};

export const applicationsProjection: Projection<Stored<ApplicationView>> = {
  name: 'applications',
  version: 1,
  streamPrefix: APPLICATION_STREAM_PREFIX,
  apply: (view, event) => projectApplication(view, event) as Stored<ApplicationView> | undefined,
  indexes: [
    { keys: { callId: 1, stage: 1 } },
    { keys: { districtCode: 1, stage: 1 } },
    { keys: { ownerOrgId: 1 } },
    { keys: { 'panel.expertId': 1 } },
    { keys: { draftedAt: 1 } },
  ],
};

export const stationsProjection: Projection<Stored<StationView>> = {
  name: 'stations',
  version: 1,
  streamPrefix: STATION_STREAM_PREFIX,
  apply: (view, event) => projectStation(view, event) as Stored<StationView> | undefined,
  indexes: [{ keys: { cityCode: 1, districtCode: 1, status: 1 } }, { keys: { plaqueNumber: 1 } }, { keys: { callId: 1 } }],
};

export const enterprisesProjection: Projection<Stored<EnterpriseView>> = {
  name: 'enterprises',
  version: 1,
  streamPrefix: streamPrefixOf(enterpriseKind),
  apply: (view, event) => projectEnterprise(view, event) as Stored<EnterpriseView> | undefined,
  indexes: [
    { keys: { uscc: 1 } },
    { keys: { provinceCode: 1, cityCode: 1, regionCode: 1 } },
    { keys: { industryCode: 1, sizeClass: 1 } },
    { keys: { name: 1 } },
    { keys: { tagPeriodCount: -1 } },
  ],
};

/** The expert registry (服务专家库). */
export const expertsProjection: Projection<Stored<ExpertView>> = {
  name: 'experts',
  version: 1,
  streamPrefix: streamPrefixOf(expertKind),
  apply: (view, event) => projectExpert(view, event) as Stored<ExpertView> | undefined,
  indexes: [
    { keys: { cityCode: 1, regionCode: 1, status: 1 } },
    { keys: { 'specialties.domain': 1 } },
    { keys: { 'organisation.id': 1 } },
    { keys: { registeredAt: 1 } },
  ],
};

/** 基础信息库: policies and regulations. */
export const policiesProjection: Projection<Stored<PolicyView>> = {
  name: 'policies',
  version: 1,
  streamPrefix: streamPrefixOf(policyKind),
  apply: (view, event) => projectPolicy(view, event) as Stored<PolicyView> | undefined,
  indexes: [{ keys: { level: 1, status: 1 } }, { keys: { effectiveFrom: 1 } }, { keys: { publishedAt: 1 } }],
};

/** 基础信息库: FAQs. */
export const faqsProjection: Projection<Stored<FaqView>> = {
  name: 'faqs',
  version: 1,
  streamPrefix: streamPrefixOf(faqKind),
  apply: (view, event) => projectFaq(view, event) as Stored<FaqView> | undefined,
  indexes: [{ keys: { status: 1, regionCode: 1 } }, { keys: { publishedAt: 1 } }],
};

/** 服务需求库. */
export const demandsProjection: Projection<Stored<DemandView>> = {
  name: 'demands',
  version: 1,
  streamPrefix: streamPrefixOf(demandKind),
  apply: (view, event) => projectDemand(view, event) as Stored<DemandView> | undefined,
  indexes: [{ keys: { cityCode: 1, regionCode: 1, status: 1 } }, { keys: { status: 1, escalated: 1, raisedAt: 1 } }, { keys: { enterpriseId: 1 } }],
};

/** Every projection the read side maintains. */
export const PROJECTIONS: readonly Projection[] = [callsProjection, applicationsProjection, stationsProjection, enterprisesProjection, expertsProjection, policiesProjection, faqsProjection, demandsProjection, ...POOL_PROJECTIONS] as Projection[];

export function projectionNamed(name: string): Projection | undefined {
  return PROJECTIONS.find((p) => p.name === name);
}
