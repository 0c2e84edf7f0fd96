export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/parsed';
export * from './shared/uscc';
export * from './shared/region-code';
export * from './shared/dates';
export * from './shared/document-number';
export * from './shared/plaque-number';
export * from './shared/digest';
export * from './shared/validation';
export * from './shared/organisation';
export * from './shared/access';
export * from './shared/record-kind';
export * from './shared/schema/event-spec';

export * from './call/call.commands';
export * from './call/call.events';
export * from './call/call.snapshot';
export * from './call/call.decider';
export * from './call/call.access';
export * from './call/call.kind';

export * from './application/application.form';
export * from './application/application.commands';
export * from './application/application.events';
export * from './application/application.form-rules';
export * from './application/application.state';
export * from './application/application.decider';
export * from './application/application.access';
export * from './application/application.kind';

export * from './station/revocation-grounds';
export * from './station/station.commands';
export * from './station/station.events';
export * from './station/station.decider';
export * from './station/station.access';
export * from './station/station.kind';

export * from './shared/size-class';

export * from './enterprise/enterprise-tags';
export * from './enterprise/enterprise.commands';
export * from './enterprise/enterprise.events';
export * from './enterprise/enterprise.access';
export * from './enterprise/enterprise.state';
export * from './enterprise/enterprise.decider';
export * from './enterprise/enterprise.kind';
export * from './enterprise/uscc-reservation';
export * from './enterprise/uscc-reservation.access';
export * from './enterprise/uscc-reservation.kind';

export * from './shared/service-domains';
export * from './provider/removal-grounds';
export * from './provider/monitoring';
export * from './provider/provider.commands';
export * from './provider/provider.events';
export * from './provider/provider.state';
export * from './provider/provider.rules';
export * from './provider/provider.decider';
export * from './provider/provider.access';
export * from './provider/provider.kind';

export * from './expert/expert.commands';
export * from './expert/expert.events';
export * from './expert/expert.state';
export * from './expert/expert.decider';
export * from './expert/expert.access';
export * from './expert/expert.kind';

export { requireCodeSet, requireCodeSetOrAny, requireTextList } from './shared/code-lists';
export * from './policy/policy-matching';
export * from './policy/policy.rules';
export * from './policy/policy.commands';
export * from './policy/policy.events';
export * from './policy/policy.decider';
export * from './policy/policy.access';
export * from './policy/policy.kind';
export * from './policy/faq.commands';
export * from './policy/faq.events';
export * from './policy/faq.decider';
export * from './policy/faq.access';
export * from './policy/faq.kind';

export * from './product/service-classification';
export * from './shared/revisions';
export * from './product/product.rules';
export * from './product/product.commands';
export * from './product/product.events';
export * from './product/product.decider';
export * from './product/product.access';
export * from './product/product.kind';
export * from './product/case.commands';
export * from './product/case.events';
export * from './product/case.decider';
export * from './product/case.access';
export * from './product/case.kind';

export * from './demand/demand.commands';
export * from './demand/demand.events';
export * from './demand/demand.decider';
export * from './demand/demand.access';
export * from './demand/demand.kind';

export * from './kinds';

export * from './shared/calendar/working-days';
export * from './feedback/feedback';
export * from './feedback/satisfaction-figures';
export * from './delivery/delivery.terms';
export * from './delivery/delivery.commands';
export * from './delivery/delivery.events';
export * from './delivery/delivery.state';
export * from './delivery/delivery.rules';
export * from './delivery/delivery.parties';
export * from './delivery/delivery.decider';
export * from './delivery/delivery.access';
export * from './delivery/delivery.kind';
export * from './follow-up/follow-up.commands';
export * from './follow-up/follow-up.events';
export * from './follow-up/follow-up.decider';
export * from './follow-up/follow-up.access';
export * from './follow-up/follow-up.kind';

export * from './shared/service-counting';
export * from './activity/activity.terms';
export * from './activity/activity.commands';
export * from './activity/activity.events';
export * from './activity/activity.state';
export * from './activity/activity.rules';
export * from './activity/activity.decider';
export * from './activity/activity.access';
export * from './activity/activity.kind';
export * from './themeplan/themeplan.terms';
export * from './themeplan/themeplan.events';
export * from './themeplan/themeplan.decider';
export * from './themeplan/themeplan.access';
export * from './themeplan/themeplan.kind';
