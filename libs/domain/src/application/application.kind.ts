import { defineKind } from '../shared/record-kind';
import { applicationAccess } from './application.access';
import { applicationDecider } from './application.decider';
import { APPLICATION_EVENT_SCHEMA_VERSIONS } from './application.events';

/** 服务站申请: drafted by an operator, reviewed by its district, scored, recommended and decided. */
export const applicationKind = defineKind({
  name: 'application',
  labelZh: '服务站申请',
  decider: applicationDecider,
  access: applicationAccess,
  schemaVersions: APPLICATION_EVENT_SCHEMA_VERSIONS,
  publication: {
    topic: 'applications.v1',
    typeNamespace: 'cn.sme-ledger.station.application',
    actions: {
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
    },
  },
});
