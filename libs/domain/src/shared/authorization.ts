import type { Actor, Role } from './decider';
import { forbidden } from './domain-error';
import { regionNameZh } from './region-code';

const ROLE_LABELS: Record<Role, string> = {
  CITY_AUTHORITY: '市中小企业主管部门',
  DISTRICT_AUTHORITY: '区中小企业主管部门',
  HUB: '服务总站',
  STATION_OPERATOR: '服务站运营主体',
  EXPERT: '评审专家',
  PROVIDER: '服务机构',
  ENTERPRISE: '企业',
  AUDITOR: '审计人员',
  SUPERVISOR: '监督人员',
  EVALUATOR: '评价人员',
  ADMIN: '管理员',
};

/** The actor must hold the role. */
export function requireRole(actor: Actor, role: Role): void {
  if (actor.role !== role) {
    throw forbidden(
      'ROLE_NOT_PERMITTED',
      `仅${ROLE_LABELS[role]}可执行此操作（当前角色：${ROLE_LABELS[actor.role] ?? actor.role}）`,
      `Only ${role} may do this (actor's role: ${actor.role})`,
    );
  }
}

/** The actor acts only inside its own region: its region code must be the record's. */
export function requireRegion(actor: Actor, regionCode: string): void {
  if (actor.regionCode !== regionCode) {
    throw forbidden(
      'REGION_NOT_PERMITTED',
      `此记录属于${regionNameZh(regionCode)}，不在您的管辖范围（${regionNameZh(actor.regionCode)}）内`,
      `This record belongs to region ${regionCode}, outside the actor's region ${actor.regionCode}`,
    );
  }
}

/** Only the owning organisation may act on its own record. */
export function requireOwner(actor: Actor, ownerOrgId: string): void {
  if (actor.orgId !== ownerOrgId) {
    throw forbidden(
      'NOT_OWNER',
      '仅该记录所属的运营主体可执行此操作',
      "Only the record's owning organisation may do this",
    );
  }
}

/** The role, acting in the record's region (e.g. the city authority of the call's city). */
export function requireRoleIn(actor: Actor, role: Role, regionCode: string): void {
  requireRole(actor, role);
  requireRegion(actor, regionCode);
}
