import type { Actor } from '@sme/domain/shared/decider';
import { usccCheckCharacter } from '@sme/domain/shared/uscc';

/** The Guangzhou authorities the test and benchmark histories act as. */
export const CITY: Actor = { id: 'city-1', role: 'CITY_AUTHORITY', orgId: 'GZ-MIIT', regionCode: '440100' };
export const HUB: Actor = { id: 'hub-1', role: 'HUB', orgId: 'GZ-HUB', regionCode: '440100' };
export const ADMIN: Actor = { id: 'admin-1', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440100' };
/** 天河区's district authority. */
export const TIANHE_DISTRICT: Actor = { id: 'district-440106', role: 'DISTRICT_AUTHORITY', orgId: 'D-440106', regionCode: '440106' };

/** A valid USCC from its first 17 characters. */
export function uscc(first17: string): string {
  const check = usccCheckCharacter(first17);
  if (check === undefined) throw new Error(`${first17} cannot start a USCC`);
  return first17 + check;
}
