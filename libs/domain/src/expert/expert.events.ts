import { personal } from '../shared/personal';
import {
  arrayOf,
  at,
  businessDate,
  cityCode,
  closed,
  localRegionCode,
  oneOf,
  opinion,
  optional,
  text,
  type Static,
} from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { ServiceDomainSchema } from '../shared/service-domains';

/** A field of expertise: one of the service domains, with free text (required for OTHER), e.g. IP / 专利布局. */
export const ExpertSpecialtySchema = closed(
  { domain: ServiceDomainSchema, detail: optional(text('专长说明, e.g. 专利布局; present for OTHER')) },
  { $id: 'ExpertSpecialty', description: 'A field of expertise' },
);
export type ExpertSpecialty = Static<typeof ExpertSpecialtySchema>;

/** The organisation the expert works for: its id (a USCC for legal persons) and name. */
export const ExpertOrganisationSchema = closed(
  {
    id: text('所在单位代码: a USCC (upper case, verified) for legal persons, otherwise as given'),
    name: text('所在单位名称'),
  },
  { $id: 'ExpertOrganisation', description: 'The organisation the expert works for' },
);
export type ExpertOrganisation = Static<typeof ExpertOrganisationSchema>;

/** 服务专家库: every event of an expert's record. */
export const EXPERT_EVENTS = recordEvents({ expertId: text('The expert’s user id (the `sub` of their token): the stream is `expert-<expertId>`') }, {
  ExpertRegistered: {
    action: 'registered',
    title: 'Expert registered (专家登记)',
    summary: 'An expert record begins, registered by the expert or the hub of their city; status REGISTERED, not yet on panels.',
    payload: {
      name: personal(text('专家姓名')),
      specialties: arrayOf(ExpertSpecialtySchema, { minItems: 1, description: '专长领域, no two the same' }),
      organisation: ExpertOrganisationSchema,
      regionCode: localRegionCode(),
      cityCode: cityCode('GB/T 2260 code of the city: the first four digits of regionCode, then 00'),
      title: text('职称或资格, e.g. 高级经济师, 执业律师'),
      registeredBy: oneOf(['SELF', 'HUB'], 'SELF: the expert; HUB: the hub of their city'),
      registeredAt: at('When they were registered'),
    },
  },
  ExpertAdmitted: {
    action: 'admitted',
    title: 'Expert admitted (专家入库)',
    summary: 'The hub or city authority admitted the expert; status ADMITTED, available for panels.',
    payload: { opinion: opinion(), admittedAt: at('When they were admitted') },
  },
  ExpertSuspended: {
    action: 'suspended',
    title: 'Expert suspended (暂停)',
    summary: 'The expert is off panels to the end of until (China calendar), or until reinstated when until is absent.',
    payload: {
      reason: text('The reason'),
      until: optional(businessDate('Last day of the suspension, not before the day of the act')),
      suspendedAt: at('When they were suspended'),
    },
  },
  ExpertReinstated: {
    action: 'reinstated',
    title: 'Expert reinstated (恢复)',
    summary: 'The suspension in force ended; the expert is available for panels again.',
    payload: { opinion: opinion(), reinstatedAt: at('When they were reinstated') },
  },
  ExpertRemoved: {
    action: 'removed',
    title: 'Expert removed (专家出库)',
    summary: 'The expert left the pool for good; status REMOVED.',
    payload: { reason: text('The reason'), removedAt: at('When they were removed') },
  },
  /** The changed profile fields other than the organisation (which has its own event). */
  ExpertProfileUpdated: {
    action: 'profile-updated',
    title: 'Expert profile updated (专家信息变更)',
    summary: 'Profile fields other than the organisation changed; only the changed ones are given.',
    payload: {
      changes: closed(
        {
          name: optional(personal(text('New name'))),
          specialties: optional(arrayOf(ExpertSpecialtySchema, { minItems: 1, description: 'The new specialties, all of them' })),
          regionCode: optional(localRegionCode()),
          cityCode: optional(cityCode('The city of the new regionCode (present with it)')),
          title: optional(text('New title or qualification')),
        },
        { description: 'The changed fields, at least one; regionCode and cityCode change together' },
      ),
      updatedAt: at('When it was updated'),
    },
  },
  /** A move to another organisation: conflict-of-interest checks use the organisation at the time. */
  ExpertOrganisationChanged: {
    action: 'organisation-changed',
    title: 'Organisation changed (所在单位变更)',
    summary: 'The expert moved to another organisation; conflict-of-interest checks use the organisation at the time.',
    payload: { from: ExpertOrganisationSchema, to: ExpertOrganisationSchema, changedAt: at('When it changed') },
  },
});

export type ExpertEvent = EventOf<typeof EXPERT_EVENTS>;
export type ExpertEvents = EventsByType<typeof EXPERT_EVENTS>;
