import { publishedEvent, recordId, retiredEvent, revisedEvent } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';
import { PRODUCT_CONTENT, PRODUCT_CONTENT_FIELDS, providerOrgIdField } from './product.rules';

/** 服务产品: every event of a product's record. */
export const PRODUCT_EVENTS = {
  ProductPublished: publishedEvent({ productId: recordId('The product'), providerId: recordId('The provider'), providerOrgId: providerOrgIdField }, PRODUCT_CONTENT, {
    title: 'Product published (发布服务产品)',
    summary: 'A provider in the quality pool published a service product, version 1, with its 六公开, fee and time limit.',
  }),
  ProductRevised: revisedEvent({ productId: recordId('The product') }, PRODUCT_CONTENT, PRODUCT_CONTENT_FIELDS, {
    action: 'revised',
    title: 'Product revised (服务产品修订)',
    summary: 'The provider published a new version of the product; the event carries the whole version and the fields that changed.',
  }),
  ProductRetired: retiredEvent({ productId: recordId('The product') }, {
    title: 'Product retired (服务产品下架)',
    summary: 'The provider, or an administrator, took the product off; it takes no more revisions.',
  }),
} satisfies EventSpecs;

export type ProductEvent = EventOf<typeof PRODUCT_EVENTS>;
export type ProductEvents = EventsByType<typeof PRODUCT_EVENTS>;
