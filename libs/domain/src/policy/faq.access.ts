import { grant, type AccessPolicy } from '../shared/access';
import type { FaqCommand } from './faq.commands';
import type { ExistingFaq, FaqState } from './faq.decider';

/** The hub and the authorities keep the FAQs of their region (a city its districts' too); ADMIN any. */
const keepers = [
  grant<ExistingFaq, unknown>({ roles: ['HUB', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY'], region: { of: (faq) => faq?.regionCode, match: 'within' } }),
  grant<ExistingFaq, unknown>({ roles: ['ADMIN'] }),
];

/** Who may do what to an FAQ of the 基础信息库. */
export const faqAccess: AccessPolicy<FaqCommand, FaqState> = {
  // The FAQ belongs to the publishing actor's region, so a keeper publishes into its own.
  PublishFaq: [{ roles: ['HUB', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'ADMIN'] }],
  ReviseFaq: keepers,
  RetireFaq: keepers,
};
