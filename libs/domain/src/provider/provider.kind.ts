import { PROVIDER_RECORD } from './provider.rules';
import { defineKind } from '../shared/record-kind';
import { providerAccess } from './provider.access';
import { providerDecider } from './provider.decider';
import { PROVIDER_EVENTS } from './provider.events';

/** 优质服务机构: applies, is admitted or refused, monitored, warned, removed or withdraws, settles at stations. */
export const providerKind = defineKind({
  name: 'provider',
  labelZh: '优质服务机构',
  label: PROVIDER_RECORD,
  decider: providerDecider,
  access: providerAccess,
  events: PROVIDER_EVENTS,
  publication: { topic: 'providers.v1', typeNamespace: 'cn.sme-ledger.provider' },
});
