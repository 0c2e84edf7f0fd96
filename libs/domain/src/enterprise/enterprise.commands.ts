import type { DomainCommand } from '../shared/decider';
import type { IndustryCode } from '../shared/size-class';
import type { EnterpriseEvents, EnterpriseFigures } from './enterprise.events';

export type { EnterpriseFigures };

/** Who the enterprise is: what registration records besides its figures. */
export type EnterpriseIdentity = Omit<EnterpriseEvents['EnterpriseRegistered']['data'], 'registeredAt'>;

/**
 * 中小企业数据库 入库: by the ENTERPRISE itself (actor.orgId is its USCC), or on its behalf by a
 * STATION_OPERATOR, HUB or DISTRICT_AUTHORITY whose region contains the enterprise's.
 * `usccAlreadyRegistered` is filled by the handler from the USCC uniqueness index, never by the client.
 */
export type RegisterEnterprise = DomainCommand<
  'RegisterEnterprise',
  EnterpriseIdentity & { figures: EnterpriseFigures; usccAlreadyRegistered: boolean }
>;

/** A year's figures; a later report for the same year replaces the earlier one (a correction). */
export type ReportEnterpriseFigures = DomainCommand<'ReportEnterpriseFigures', Omit<EnterpriseEvents['EnterpriseFiguresReported']['data'], 'reportedAt'>>;

/** Changes the name, industry or region; fields left out stay as they are. */
export type UpdateEnterpriseProfile = DomainCommand<
  'UpdateEnterpriseProfile',
  { enterpriseId: string; name?: string; industryCode?: IndustryCode; regionCode?: string }
>;

/** Records a recognition issued by `issuedBy`, valid from `validFrom` to `validUntil` (inclusive). */
export type GrantEnterpriseTag = DomainCommand<'GrantEnterpriseTag', Omit<EnterpriseEvents['EnterpriseTagGranted']['data'], 'grantedAt'>>;

/** Withdraws a tag from the day of the act: its current grant and any grant still to come. */
export type RevokeEnterpriseTag = DomainCommand<'RevokeEnterpriseTag', Omit<EnterpriseEvents['EnterpriseTagRevoked']['data'], 'revokedOn' | 'revokedAt'>>;

/** 法定代表人与股东, as the enterprise gives them: replaces what was recorded before. */
export type RecordEnterpriseTies = DomainCommand<'RecordEnterpriseTies', Omit<EnterpriseEvents['EnterpriseTiesRecorded']['data'], 'recordedAt'>>;

export type EnterpriseCommand = RegisterEnterprise | ReportEnterpriseFigures | UpdateEnterpriseProfile | GrantEnterpriseTag | RevokeEnterpriseTag | RecordEnterpriseTies;
