import { arrayOf, at, closed, optional, recordId, text } from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { CentreCheckSchema, CentreFactsSchema, LinkedProviderSchema, RemediationSchema } from './centre.terms';

/** 服务中心: every event of a centre's record. Each carries the whole 汇总表 row as it stands after it. */
export const CENTRE_EVENTS = recordEvents({ centreId: recordId('The centre') }, {
  CentreRecognised: {
    action: 'recognised',
    title: 'Centre recognised (服务中心达标登记)',
    summary: 'A centre meeting its level’s standard was recorded by the authority of its region (ADMIN for the province centre); status RECOGNISED.',
    payload: { facts: CentreFactsSchema, check: CentreCheckSchema, recognisedAt: at('When it was recorded') },
  },
  CentreRecordedBelowStandard: {
    action: 'recorded-below-standard',
    title: 'Centre recorded below standard (服务中心未达标登记)',
    summary: 'A centre short of its level’s standard was recorded with the shortfalls named, a remediation plan and a deadline; status BELOW_STANDARD.',
    payload: {
      facts: CentreFactsSchema,
      check: CentreCheckSchema,
      remediation: RemediationSchema,
      recordedAt: at('When it was recorded'),
    },
  },
  CentreFactsUpdated: {
    action: 'facts-updated',
    title: 'Centre facts updated (服务中心情况变更)',
    summary:
      'Venue, staff, legal form, name, head or contact changed and the centre was checked again: RECOGNISED when it meets the standard, else BELOW_STANDARD with a remediation plan and deadline.',
    payload: {
      changed: arrayOf(text('A changed field of the facts'), { minItems: 1, description: 'The fields that changed' }),
      facts: CentreFactsSchema,
      check: CentreCheckSchema,
      remediation: optional(RemediationSchema),
      updatedAt: at('When it was recorded'),
    },
  },
  CentreProvidersLinked: {
    action: 'providers-linked',
    title: 'Providers linked (联系服务机构)',
    summary: 'The centre works with these providers of the 优质服务机构库 (联系主要服务机构), each in the 库 when linked.',
    payload: { providers: arrayOf(LinkedProviderSchema, { minItems: 1 }), linkedAt: at('When it was recorded') },
  },
  CentreProviderUnlinked: {
    action: 'provider-unlinked',
    title: 'Provider unlinked (解除联系)',
    summary: 'The centre no longer works with the provider.',
    payload: { providerId: recordId('The provider'), reason: text('原因'), unlinkedAt: at('When it was recorded') },
  },
  CentreClosed: {
    action: 'closed',
    title: 'Centre closed (服务中心撤销或关闭)',
    summary: 'The authority that records the centre closed it (撤销/关闭), with a reason; status CLOSED, nothing more changes it.',
    payload: { reason: text('撤销或关闭原因'), closedAt: at('When it was recorded') },
  },
});

export type CentreEvent = EventOf<typeof CENTRE_EVENTS>;
export type CentreEvents = EventsByType<typeof CENTRE_EVENTS>;
