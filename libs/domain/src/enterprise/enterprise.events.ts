import type { DomainEvent } from '../shared/decider';
import type { IndustryCode, SizeClass } from '../shared/size-class';
import type { EnterpriseFigures, EnterpriseIdentity } from './enterprise.commands';
import type { EnterpriseTagCode, EnterpriseTagGrantTerms } from './enterprise-tags';

export type EnterpriseRegistered = DomainEvent<'EnterpriseRegistered', EnterpriseIdentity & { registeredAt: string }>;

/** Replaces any earlier report for the same year. */
export type EnterpriseFiguresReported = DomainEvent<
  'EnterpriseFiguresReported',
  { enterpriseId: string; figures: EnterpriseFigures; reportedAt: string }
>;

export type EnterpriseProfileChanges = { name?: string; industryCode?: IndustryCode; regionCode?: string };

/** Only the fields that changed. */
export type EnterpriseProfileUpdated = DomainEvent<
  'EnterpriseProfileUpdated',
  { enterpriseId: string; changes: EnterpriseProfileChanges; updatedAt: string }
>;

/** The enterprise's size class as decided on `figuresYear`'s figures; `from` is null at registration. */
export type EnterpriseSizeClassChanged = DomainEvent<
  'EnterpriseSizeClassChanged',
  {
    enterpriseId: string;
    from: SizeClass | null;
    to: SizeClass;
    standardId: string;
    industryCode: IndustryCode;
    figuresYear: number;
    /** Why, in Chinese, as `classifySize` gave it. */
    basis: string;
    changedAt: string;
  }
>;

export type EnterpriseTagGranted = DomainEvent<'EnterpriseTagGranted', { enterpriseId: string } & EnterpriseTagGrantTerms>;

/** Every grant of `tag` not yet over on `revokedOn` stops counting from that day. */
export type EnterpriseTagRevoked = DomainEvent<
  'EnterpriseTagRevoked',
  { enterpriseId: string; tag: EnterpriseTagCode; reason: string; revokedOn: string; revokedAt: string }
>;

export type EnterpriseEvent =
  | EnterpriseRegistered
  | EnterpriseFiguresReported
  | EnterpriseProfileUpdated
  | EnterpriseSizeClassChanged
  | EnterpriseTagGranted
  | EnterpriseTagRevoked;

/** Current schema version of each event type (the envelope carries it). */
export const ENTERPRISE_EVENT_SCHEMA_VERSIONS: Record<EnterpriseEvent['type'], number> = {
  EnterpriseRegistered: 1,
  EnterpriseFiguresReported: 1,
  EnterpriseProfileUpdated: 1,
  EnterpriseSizeClassChanged: 1,
  EnterpriseTagGranted: 1,
  EnterpriseTagRevoked: 1,
};
