import { personal } from './personal';
import { closed, email, phone, text, type Static } from './schema/builders';

/**
 * 联系人: a name, a phone and an e-mail address, as a form gives them. One schema for every event that
 * carries a contact (the `Contact` component of AsyncAPI).
 */
export const ContactSchema = closed({ name: personal(text('Contact name')), phone: personal(phone()), email: personal(email()) }, { $id: 'Contact', description: '联系人' });
export type ContactDetails = Static<typeof ContactSchema>;
