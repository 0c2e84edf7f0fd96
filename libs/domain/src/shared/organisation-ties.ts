import { isErased, personal } from './personal';
import { arrayOf, closed, optional, text, uscc, type Static } from './schema/builders';
import { requireUscc } from './uscc';
import { fieldInvalid, requireText } from './validation';

/**
 * 法定代表人与股东: who stands behind an organisation, as its record holds it. An enterprise records its
 * own (the enterprise database); a provider gives its own when it applies for the 库. The rules that
 * read them (a voucher's provider and enterprise must not be related) are `relationBetween`'s.
 */
export const ShareholderSchema = closed(
  { name: text('股东名称或姓名'), uscc: optional(uscc('The shareholder’s USCC, for an organisation')) },
  { $id: 'Shareholder', description: '股东' },
);
export const OrganisationTiesSchema = closed(
  {
    legalRepresentative: personal(text('法定代表人')),
    shareholders: arrayOf(ShareholderSchema, { description: '股东 (may be empty); an organisation with its USCC' }),
  },
  { $id: 'OrganisationTies', description: '法定代表人与股东, as recorded' },
);
export type OrganisationTies = Static<typeof OrganisationTiesSchema>;

/** Ties as given, checked and normalised: names trimmed, USCCs verified and upper-cased; a shareholder named at most once. */
export function checkTies(ties: unknown, field: string): OrganisationTies {
  const given = (ties ?? {}) as Partial<OrganisationTies>;
  if (given.shareholders !== undefined && !Array.isArray(given.shareholders)) {
    throw fieldInvalid(`${field}.shareholders`, { zh: '股东', en: 'Shareholders' }, '须为列表', 'must be a list');
  }
  const shareholders = (given.shareholders ?? []).map((s, i) => ({
    name: requireText(s?.name, `${field}.shareholders.${i}.name`, { zh: '股东名称或姓名', en: 'Shareholder name' }),
    ...(s?.uscc === undefined || s.uscc === null || s.uscc === '' ? {} : { uscc: requireUscc(s.uscc, `${field}.shareholders.${i}.uscc`) }),
  }));
  const seen = new Set<string>();
  for (const [i, s] of shareholders.entries()) {
    const key = s.uscc ?? s.name;
    if (seen.has(key)) throw fieldInvalid(`${field}.shareholders.${i}`, { zh: '股东', en: 'Shareholder' }, `“${key}”重复`, `“${key}” is named twice`);
    seen.add(key);
  }
  return { legalRepresentative: requireText(given.legalRepresentative, `${field}.legalRepresentative`, { zh: '法定代表人', en: 'Legal representative' }), shareholders };
}

/** One side of a relation: an organisation's USCC and, when recorded, its ties. */
export interface TiedOrganisation {
  uscc: string;
  ties?: OrganisationTies;
}

const person = (name: string) => name.replace(/\s+/g, '');
/** Two recorded names of one person: never when either was erased (an erased name names nobody). */
const samePerson = (a: string, b: string) => !isErased(a) && !isErased(b) && person(a) === person(b);

/**
 * Why two organisations are related as their records show it, in Chinese and English, or undefined:
 * one organisation on both sides; the same legal representative; either one a shareholder of the other.
 */
export function relationBetween(a: TiedOrganisation, b: TiedOrganisation): { zh: string; en: string } | undefined {
  if (a.uscc === b.uscc) return { zh: `同一统一社会信用代码（${a.uscc}）`, en: `the same USCC (${a.uscc})` };
  if (a.ties && b.ties && samePerson(a.ties.legalRepresentative, b.ties.legalRepresentative)) {
    return { zh: `同一法定代表人（${a.ties.legalRepresentative}）`, en: `the same legal representative (${a.ties.legalRepresentative})` };
  }
  const holds = (holder: TiedOrganisation, held: TiedOrganisation) => held.ties?.shareholders.some((s) => s.uscc === holder.uscc) ?? false;
  if (holds(a, b)) return { zh: `${a.uscc}是${b.uscc}的股东`, en: `${a.uscc} is a shareholder of ${b.uscc}` };
  if (holds(b, a)) return { zh: `${b.uscc}是${a.uscc}的股东`, en: `${b.uscc} is a shareholder of ${a.uscc}` };
  return undefined;
}
