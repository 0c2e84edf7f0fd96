import type { Actor, Role } from '../shared/decider';
import { forbidden } from '../shared/domain-error';
import { isWithinRegion, regionNameZh } from '../shared/region-code';
import type { Label } from '../shared/validation';

/** Besides the enterprise itself, who may register an enterprise on its behalf (inside their region). */
export const ENTERPRISE_REGISTRAR_ROLES: readonly Role[] = ['STATION_OPERATOR', 'HUB', 'DISTRICT_AUTHORITY'];
/** Besides the enterprise itself, who may report figures and update the profile (inside their region). */
export const ENTERPRISE_MAINTAINER_ROLES: readonly Role[] = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB'];
/**
 * Who records and revokes tags (inside their region). The recognition itself is often issued higher
 * up (province, MIIT, the 高新技术企业 认定机构); the ledger names that issuer in `issuedBy`, and the
 * city or district SME authority answers for recording it.
 */
export const ENTERPRISE_TAG_AUTHORITY_ROLES: readonly Role[] = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY'];

/** REGION_NOT_PERMITTED unless the record's region lies inside the actor's. */
export function requireWithinRegion(actor: Actor, regionCode: string): void {
  if (!isWithinRegion(regionCode, actor.regionCode)) {
    throw forbidden(
      'REGION_NOT_PERMITTED',
      `该企业位于${regionNameZh(regionCode)}，不在您的管辖范围（${regionNameZh(actor.regionCode)}）内`,
      `The enterprise is in region ${regionCode}, outside the actor's region ${actor.regionCode}`,
    );
  }
}

/** ROLE_NOT_PERMITTED unless the actor holds one of `roles`; `who` says in words who may. */
export function requireRoleAmong(actor: Actor, roles: readonly Role[], who: Label): void {
  if (!roles.includes(actor.role)) {
    throw forbidden('ROLE_NOT_PERMITTED', `仅${who.zh}可执行此操作（当前角色：${actor.role}）`, `Only ${who.en} may do this (actor's role: ${actor.role})`);
  }
}

/** NOT_OWNER unless the acting enterprise is the one the record is about. */
export function requireEnterpriseItself(actor: Actor, uscc: string): void {
  if (actor.orgId !== uscc) {
    throw forbidden('NOT_OWNER', '企业只能办理本企业的事项', 'An enterprise may act only on its own record');
  }
}
