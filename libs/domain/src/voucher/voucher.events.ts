import { at, closed, integer, oneOf, recordId, regionCode, text, uscc } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';
import { GRANT_WAYS, VOUCHER_TIERS, VoucherTermsSchema } from './voucher.terms';

const programmeId = () => recordId('The programme');
const enterprise = {
  enterpriseId: recordId('The enterprise (its record in the enterprise database)'),
  uscc: uscc(),
  regionCode: regionCode('Where the enterprise is registered'),
  tier: oneOf(VOUCHER_TIERS, 'Its tier on the day: LITTLE_GIANT, SPECIALISED (by its titles) or SMALL_MICRO (by its size class)'),
};

/** 服务券计划: a programme's terms, its budget and every quota granted from it. */
export const VOUCHER_EVENTS = {
  VoucherProgrammePublished: {
    version: 1,
    action: 'programme-published',
    title: 'Voucher programme published (服务券计划发布)',
    summary: 'A city or district authority published a programme: budget, who is eligible, which services, the subsidy rule, the application, order and settlement dates; version 1.',
    payload: closed({
      programmeId: programmeId(),
      issuer: closed({ role: oneOf(['CITY_AUTHORITY', 'DISTRICT_AUTHORITY'] as const), regionCode: regionCode('The issuer’s city or district') }, { description: 'The authority that issues it' }),
      version: integer(1, 1, 'The first version'),
      terms: VoucherTermsSchema,
      publishedAt: at('When it was published'),
    }),
  },
  VoucherProgrammeAmended: {
    version: 1,
    action: 'programme-amended',
    title: 'Voucher programme amended (服务券计划调整)',
    summary: 'The issuer amended the terms, with a reason: the next version, whole. A budget cut never goes below what is granted.',
    payload: closed({ programmeId: programmeId(), version: integer(2, undefined, 'One more than the last'), terms: VoucherTermsSchema, reason: text('调整理由'), amendedAt: at('When it was amended') }),
  },
  VoucherApplied: {
    version: 1,
    action: 'applied',
    title: 'Voucher applied for (申领服务券)',
    summary: 'An eligible enterprise applied inside the application window; its tier fixes the quota it would be granted.',
    payload: closed({ programmeId: programmeId(), ...enterprise, appliedAt: at('When it applied') }),
  },
  VoucherApplicationRefused: {
    version: 1,
    action: 'application-refused',
    title: 'Voucher application refused (不予发放)',
    summary: 'The issuer refused an application, with its reason.',
    payload: closed({ programmeId: programmeId(), enterpriseId: recordId('The enterprise'), reason: text('不予发放的理由'), refusedAt: at('When it was refused') }),
  },
  VoucherGranted: {
    version: 1,
    action: 'granted',
    title: 'Voucher granted (发放服务券)',
    summary: 'The issuer granted an enterprise its tier’s quota from the budget, on its application or on eligibility (免申即享).',
    payload: closed({
      programmeId: programmeId(),
      ...enterprise,
      quotaFen: integer(1, undefined, 'The quota granted, in 分, moved from the unallocated budget'),
      way: oneOf(GRANT_WAYS, 'APPLIED or ON_ELIGIBILITY'),
      grantedAt: at('When it was granted'),
    }),
  },
} satisfies EventSpecs;

export type VoucherEvent = EventOf<typeof VOUCHER_EVENTS>;
export type VoucherEvents = EventsByType<typeof VOUCHER_EVENTS>;
