import {
  APPLICATION_EVENT_SCHEMA_VERSIONS,
  CALL_EVENT_SCHEMA_VERSIONS,
  CASE_EVENT_SCHEMA_VERSIONS,
  DEMAND_EVENT_SCHEMA_VERSIONS,
  ENTERPRISE_EVENT_SCHEMA_VERSIONS,
  EXPERT_EVENT_SCHEMA_VERSIONS,
  FAQ_EVENT_SCHEMA_VERSIONS,
  POLICY_EVENT_SCHEMA_VERSIONS,
  PRODUCT_EVENT_SCHEMA_VERSIONS,
  PROVIDER_EVENT_SCHEMA_VERSIONS,
  STATION_EVENT_SCHEMA_VERSIONS,
} from '@sme/domain';

/** An aggregate family: its streams' prefix and the topic its events go to. */
export interface EventFamily {
  /** Stream ids start with `${streamPrefix}-`. */
  streamPrefix: string;
  /** Topic name without the configurable prefix, e.g. `applications.v1` → `sme.applications.v1`. */
  topic: string;
  /** The CloudEvents type namespace of the family, e.g. `cn.sme-ledger.station.application`. */
  typeNamespace: string;
  /** Event type → the verb part of its CloudEvents type, e.g. ApplicationSubmitted → `submitted`. */
  events: Record<string, { action: string; schemaVersion: number }>;
}

function family(
  streamPrefix: string,
  topic: string,
  typeNamespace: string,
  versions: Record<string, number>,
  actions: Record<string, string>,
): EventFamily {
  const events: EventFamily['events'] = {};
  for (const [type, schemaVersion] of Object.entries(versions)) {
    const action = actions[type];
    if (!action) throw new Error(`No CloudEvents action for ${type}`);
    events[type] = { action, schemaVersion };
  }
  return { streamPrefix, topic, typeNamespace, events };
}

/**
 * Every event the ledger publishes, by family. The CloudEvents type of an event is
 * `${typeNamespace}.${action}.v${schemaVersion}`, e.g. `cn.sme-ledger.station.application.submitted.v1`.
 * Adding an event type to the domain without an action here fails at start-up (and in tests).
 */
export const EVENT_FAMILIES: readonly EventFamily[] = [
  family('call', 'calls.v1', 'cn.sme-ledger.station.call', CALL_EVENT_SCHEMA_VERSIONS, {
    CallOpened: 'opened',
    CallClosed: 'closed',
    CallListPublished: 'list-published',
  }),
  family('application', 'applications.v1', 'cn.sme-ledger.station.application', APPLICATION_EVENT_SCHEMA_VERSIONS, {
    ApplicationDrafted: 'drafted',
    ApplicationMaterialAttached: 'material-attached',
    ApplicationSubmitted: 'submitted',
    ApplicationPassedDistrictReview: 'district-review-passed',
    ApplicationRejectedByDistrict: 'district-review-rejected',
    ExpertPanelFormed: 'expert-panel-formed',
    ExpertScoreRecorded: 'expert-score-recorded',
    ApplicationRecommended: 'recommended',
    ApplicationNotRecommended: 'not-recommended',
    ApplicationApproved: 'approved',
    ApplicationRejected: 'rejected',
    ApplicationDesignated: 'designated',
  }),
  family('station', 'stations.v1', 'cn.sme-ledger.station', STATION_EVENT_SCHEMA_VERSIONS, {
    StationDesignated: 'designated',
    CovenantSigned: 'covenant-signed',
    RevocationProposed: 'revocation-proposed',
    StationRevoked: 'revoked',
    RevocationProposalRejected: 'revocation-proposal-rejected',
    StationWithdrawn: 'withdrawn',
  }),
  family('enterprise', 'enterprises.v1', 'cn.sme-ledger.enterprise', ENTERPRISE_EVENT_SCHEMA_VERSIONS, {
    EnterpriseRegistered: 'registered',
    EnterpriseFiguresReported: 'figures-reported',
    EnterpriseProfileUpdated: 'profile-updated',
    EnterpriseSizeClassChanged: 'size-class-changed',
    EnterpriseTagGranted: 'tag-granted',
    EnterpriseTagRevoked: 'tag-revoked',
  }),
  family('provider', 'providers.v1', 'cn.sme-ledger.provider', PROVIDER_EVENT_SCHEMA_VERSIONS, {
    ProviderAppliedForEntry: 'entry-applied',
    ProviderAdmitted: 'admitted',
    ProviderEntryRefused: 'entry-refused',
    ProviderEvaluated: 'evaluated',
    ProviderWarned: 'warned',
    ProviderWarningLifted: 'warning-lifted',
    ProviderRemoved: 'removed',
    ProviderSettledAtStation: 'settled-at-station',
    ProviderLeftStation: 'left-station',
  }),
  family('expert', 'experts.v1', 'cn.sme-ledger.expert', EXPERT_EVENT_SCHEMA_VERSIONS, {
    ExpertRegistered: 'registered',
    ExpertAdmitted: 'admitted',
    ExpertSuspended: 'suspended',
    ExpertReinstated: 'reinstated',
    ExpertRemoved: 'removed',
    ExpertProfileUpdated: 'profile-updated',
    ExpertOrganisationChanged: 'organisation-changed',
  }),
  family('product', 'products.v1', 'cn.sme-ledger.product', PRODUCT_EVENT_SCHEMA_VERSIONS, {
    ProductPublished: 'published',
    ProductRevised: 'revised',
    ProductRetired: 'retired',
  }),
  family('case', 'cases.v1', 'cn.sme-ledger.case', CASE_EVENT_SCHEMA_VERSIONS, {
    CasePublished: 'published',
    CaseRetired: 'retired',
  }),
  family('policy', 'policies.v1', 'cn.sme-ledger.policy', POLICY_EVENT_SCHEMA_VERSIONS, {
    PolicyPublished: 'published',
    PolicyAmended: 'amended',
    PolicyRepealed: 'repealed',
    PolicyPushed: 'pushed',
  }),
  family('faq', 'faqs.v1', 'cn.sme-ledger.faq', FAQ_EVENT_SCHEMA_VERSIONS, {
    FaqPublished: 'published',
    FaqRevised: 'revised',
    FaqRetired: 'retired',
  }),
  family('demand', 'demands.v1', 'cn.sme-ledger.demand', DEMAND_EVENT_SCHEMA_VERSIONS, {
    DemandRaised: 'raised',
    DemandAccepted: 'accepted',
    DemandMatched: 'matched',
    DemandResolved: 'resolved',
    DemandFollowUpOpened: 'follow-up-opened',
    DemandClosed: 'closed',
    DemandEscalated: 'escalated',
  }),
];

/**
 * Streams the ledger keeps for its own bookkeeping and does not publish: they hold no fact about a
 * record that an integrator could not read from the published families. The relay skips them (no
 * family), and the catalogue tests accept their event types outside every family.
 */
export const UNPUBLISHED_STREAMS: readonly {
  streamPrefix: string;
  /** The `@sme/domain` export with the schema versions of the stream's event types, when the domain defines them. */
  schemaVersionsExport?: string;
  reason: string;
}[] = [
  {
    streamPrefix: 'uscc',
    schemaVersionsExport: 'USCC_RESERVATION_EVENT_SCHEMA_VERSIONS',
    reason:
      'uscc-<USCC> only reserves a USCC for one enterprise (a uniqueness guard the API writes before EnterpriseRegistered); ' +
      'the USCC and the enterprise id are already in EnterpriseRegistered',
  },
];

export function familyOfStream(streamId: string): EventFamily | undefined {
  return EVENT_FAMILIES.find((f) => streamId.startsWith(`${f.streamPrefix}-`));
}

export function cloudEventType(family: EventFamily, eventType: string, schemaVersion: number): string {
  const entry = family.events[eventType];
  if (!entry) throw new Error(`Event type ${eventType} is not in the ${family.topic} catalogue`);
  return `${family.typeNamespace}.${entry.action}.v${schemaVersion}`;
}
