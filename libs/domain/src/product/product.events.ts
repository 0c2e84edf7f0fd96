import type { DomainEvent } from '../shared/decider';
import type { ProductContent } from './product.rules';

export type ProductPublished = DomainEvent<
  'ProductPublished',
  { productId: string; providerId: string; providerOrgId: string; version: number; publishedAt: string } & ProductContent
>;

/** Carries the whole new version and which fields changed. */
export type ProductRevised = DomainEvent<
  'ProductRevised',
  { productId: string; version: number; changedFields: string[]; revisedAt: string } & ProductContent
>;

export type ProductRetired = DomainEvent<'ProductRetired', { productId: string; reason: string; retiredAt: string }>;

export type ProductEvent = ProductPublished | ProductRevised | ProductRetired;

/** Current schema version of each event type (the envelope carries it). */
export const PRODUCT_EVENT_SCHEMA_VERSIONS: Record<ProductEvent['type'], number> = {
  ProductPublished: 1,
  ProductRevised: 1,
  ProductRetired: 1,
};
