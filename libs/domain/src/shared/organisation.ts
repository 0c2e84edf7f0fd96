/**
 * Organisations are named by their USCC (or another registry id). Ids typed by hand carry stray
 * spaces and lower-case letters; two ids name the same organisation when they agree after trimming
 * and upper-casing. This is the one comparison the ledger uses.
 */
export const organisationKey = (orgId: string): string => orgId.trim().toUpperCase();

export function sameOrganisation(a: string | undefined, b: string | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const key = organisationKey(a);
  return key !== '' && key === organisationKey(b);
}
