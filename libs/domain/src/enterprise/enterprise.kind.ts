import { defineKind } from '../shared/record-kind';
import { enterpriseAccess } from './enterprise.access';
import { enterpriseDecider } from './enterprise.decider';
import { ENTERPRISE_EVENT_SCHEMA_VERSIONS } from './enterprise.events';

/** 中小企业数据库: an enterprise's registration, yearly figures, size class, profile and tags. */
export const enterpriseKind = defineKind({
  name: 'enterprise',
  labelZh: '中小企业',
  decider: enterpriseDecider,
  access: enterpriseAccess,
  schemaVersions: ENTERPRISE_EVENT_SCHEMA_VERSIONS,
  publication: {
    topic: 'enterprises.v1',
    typeNamespace: 'cn.sme-ledger.enterprise',
    actions: {
      EnterpriseRegistered: 'registered',
      EnterpriseFiguresReported: 'figures-reported',
      EnterpriseProfileUpdated: 'profile-updated',
      EnterpriseSizeClassChanged: 'size-class-changed',
      EnterpriseTagGranted: 'tag-granted',
      EnterpriseTagRevoked: 'tag-revoked',
    },
  },
});
