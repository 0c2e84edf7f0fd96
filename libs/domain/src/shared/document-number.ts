/**
 * 发文字号: issuer's abbreviation, year in 六角括号 〔〕, serial number, 号 — e.g. 穗工信函〔2019〕1100号.
 */
export type DocumentNumber = { issuer: string; year: number; serial: number };

/** As a JSON Schema pattern: the same shape, and a serial number without leading zeros. */
export const DOCUMENT_NUMBER_PATTERN = '^[^\\s〔〕0-9][^\\s〔〕]*〔[0-9]{4}〕[1-9][0-9]{0,5}号$';

const DOCUMENT_NUMBER = /^([^\s〔〕\d][^\s〔〕]*)〔(\d{4})〕(\d{1,6})号$/u;

export function parseDocumentNumber(value: string): DocumentNumber | undefined {
  const match = DOCUMENT_NUMBER.exec(value);
  if (match === null || match[3].startsWith('0')) return undefined;
  return { issuer: match[1], year: Number(match[2]), serial: Number(match[3]) };
}

export const isDocumentNumber = (value: string): boolean => parseDocumentNumber(value) !== undefined;
