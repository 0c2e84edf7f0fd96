import type { Actor, CommandMetadata, Role } from '../decider';

export const anActor = (role: Role, regionCode: string, id = `${role.toLowerCase()}-${regionCode}`, orgId = `org-${id}`): Actor => ({
  id,
  role,
  orgId,
  regionCode,
});

/** Command metadata at a business time given as an ISO instant. */
export const at = (instant: string, actor: Actor): CommandMetadata => ({ now: new Date(instant), actor });
