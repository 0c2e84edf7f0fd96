import type { DomainCommand } from '../shared/decider';
import type { IndustryCode } from '../shared/size-class';
import type { EnterpriseTagCode } from './enterprise-tags';

/** A year's figures: employees (从业人员, persons), revenue (营业收入) and total assets (资产总额) in 万元. */
export type EnterpriseFigures = { year: number; employees: number; revenue: number; assets: number };

/** Who the enterprise is: what registration records besides its figures. */
export type EnterpriseIdentity = {
  enterpriseId: string;
  uscc: string;
  name: string;
  industryCode: IndustryCode;
  /** GB/T 2260 code of where the enterprise is, usually its district. */
  regionCode: string;
  /** 成立日期, YYYY-MM-DD. */
  foundedOn: string;
};

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
export type ReportEnterpriseFigures = DomainCommand<'ReportEnterpriseFigures', { enterpriseId: string; figures: EnterpriseFigures }>;

/** Changes the name, industry or region; fields left out stay as they are. */
export type UpdateEnterpriseProfile = DomainCommand<
  'UpdateEnterpriseProfile',
  { enterpriseId: string; name?: string; industryCode?: IndustryCode; regionCode?: string }
>;

/** Records a recognition issued by `issuedBy`, valid from `validFrom` to `validUntil` (inclusive). */
export type GrantEnterpriseTag = DomainCommand<
  'GrantEnterpriseTag',
  { enterpriseId: string; tag: EnterpriseTagCode; issuedBy: string; documentNumber?: string; validFrom: string; validUntil: string }
>;

/** Withdraws a tag from the day of the act: its current grant and any grant still to come. */
export type RevokeEnterpriseTag = DomainCommand<'RevokeEnterpriseTag', { enterpriseId: string; tag: EnterpriseTagCode; reason: string }>;

export type EnterpriseCommand = RegisterEnterprise | ReportEnterpriseFigures | UpdateEnterpriseProfile | GrantEnterpriseTag | RevokeEnterpriseTag;
