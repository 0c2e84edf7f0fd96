import { defineKind } from '../shared/record-kind';
import { providerAccess } from './provider.access';
import { providerDecider } from './provider.decider';
import { PROVIDER_EVENT_SCHEMA_VERSIONS } from './provider.events';

/** 优质服务机构: applies, is admitted or refused, monitored, warned, removed or withdraws, settles at stations. */
export const providerKind = defineKind({
  name: 'provider',
  labelZh: '优质服务机构',
  decider: providerDecider,
  access: providerAccess,
  schemaVersions: PROVIDER_EVENT_SCHEMA_VERSIONS,
  publication: {
    topic: 'providers.v1',
    typeNamespace: 'cn.sme-ledger.provider',
    actions: {
      ProviderAppliedForEntry: 'entry-applied',
      ProviderAdmitted: 'admitted',
      ProviderEntryRefused: 'entry-refused',
      ProviderEvaluated: 'evaluated',
      ProviderWarned: 'warned',
      ProviderWarningLifted: 'warning-lifted',
      ProviderRemoved: 'removed',
      ProviderSettledAtStation: 'settled-at-station',
      ProviderLeftStation: 'left-station',
    },
  },
});
