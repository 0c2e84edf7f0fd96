import { invalid } from './domain-error';
import type { Parsed } from './parsed';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters —
 * 1 registration department, 2 organisation category, 3–8 administrative division code (GB/T 2260),
 * 9–17 organisation code, 18 check character.
 */
export type Uscc = string & { readonly __brand: 'Uscc' };

/** The 31 symbols of the code, in value order; I, O, Z, S and V are not used. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Position weights 3^i mod 31 for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** 登记管理部门代码: 1–9, A (中央军委改革和编制办公室), N (农业), Y (其他). */
const REGISTRATION_DEPARTMENTS = '123456789ANY';

/** The shape of a USCC as a JSON-Schema/OpenAPI pattern; the check character is `isValidUscc`'s to judge. */
export const USCC_PATTERN = '^[0-9ANY][1-9][0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$';
const SHAPE = new RegExp(USCC_PATTERN);

/** The check character for the first 17 characters, or undefined when they hold a foreign symbol. */
export function usccCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET[check === 31 ? 0 : check];
}

/** Strict: upper case, no spaces. Use `parseUscc` for user input. */
export function isValidUscc(value: string): value is Uscc {
  if (!SHAPE.test(value)) return false;
  if (!REGISTRATION_DEPARTMENTS.includes(value[0])) return false;
  return usccCheckCharacter(value.slice(0, 17)) === value[17];
}

/** Trims and upper-cases, then validates; the error (USCC_INVALID) names `field`. */
export function parseUscc(input: unknown, field?: string): Parsed<Uscc> {
  const value = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (isValidUscc(value)) return { ok: true, value };
  return {
    ok: false,
    error: invalid(
      'USCC_INVALID',
      `统一社会信用代码“${String(input)}”无效（须为18位且校验码正确）`,
      `"${String(input)}" is not a valid unified social credit code (18 characters with a correct check character)`,
      field,
    ),
  };
}

/** The code in canonical form, or parseUscc's USCC_INVALID (naming `field`) thrown. */
export function requireUscc(input: unknown, field: string): Uscc {
  const uscc = parseUscc(input, field);
  if (!uscc.ok) throw uscc.error;
  return uscc.value;
}

/**
 * 机构类别 (the USCC's second character, under its registration department) that are not legal persons:
 * 92, 个体工商户 registered with market regulation. Every other category the code names — 机关, 事业单位,
 * 社会团体, 民办非企业单位, 基金会, 企业, 农民专业合作社 — is a 法人单位. (A branch of an enterprise shares the
 * category 91 and cannot be told from the code.)
 */
const NOT_LEGAL_PERSONS: Record<string, { zh: string; en: string }> = { '92': { zh: '个体工商户', en: 'an individually-owned business (个体工商户)' } };

/** The code of a 法人单位, or NOT_LEGAL_PERSON naming what the code says it is (the seeds require a legal person to run a station or a centre). */
export function requireLegalPersonUscc(input: unknown, field: string): Uscc {
  const uscc = requireUscc(input, field);
  const kind = NOT_LEGAL_PERSONS[uscc.slice(0, 2)];
  if (kind !== undefined) {
    throw invalid('NOT_LEGAL_PERSON', `统一社会信用代码${uscc}属于${kind.zh}，不是法人单位`, `${uscc} is the code of ${kind.en}, not of a legal person`, field);
  }
  return uscc;
}
