import { invalid } from './domain-error';
import { isCityCode } from './region-code';

/** 授牌编号: `${cityCode}-${year}-${seq}` with the sequence padded to three digits, e.g. 440100-2019-001. */
const PLAQUE_NUMBER = /^(\d{6})-(\d{4})-(\d{3,})$/;

export function formatPlaqueNumber(cityCode: string, year: number, sequence: number): string {
  return `${cityCode}-${year}-${String(sequence).padStart(3, '0')}`;
}

export function isPlaqueNumber(value: string): boolean {
  const match = PLAQUE_NUMBER.exec(value);
  return match !== null && isCityCode(match[1]) && Number(match[3]) >= 1;
}

/** The city code a plaque number was issued under, when it is one. */
export const plaqueCityCode = (value: string): string | undefined => (isPlaqueNumber(value) ? value.slice(0, 6) : undefined);

/** PLAQUE_NUMBER_INVALID unless `value` is a plaque number issued under `cityCode`. */
export function requirePlaqueNumber(value: string, cityCode: string, field: string): void {
  if (plaqueCityCode(value) !== cityCode) {
    throw invalid(
      'PLAQUE_NUMBER_INVALID',
      `授牌编号“${value}”格式应为“${cityCode}-年份-序号”`,
      `Plaque number "${value}" must read ${cityCode}-YYYY-NNN`,
      field,
    );
  }
}
