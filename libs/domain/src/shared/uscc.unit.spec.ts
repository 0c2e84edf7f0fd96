import { domainErrorOf } from './testing';
import { isValidUscc, parseUscc, requireLegalPersonUscc, USCC_CHARSET, usccCheckCharacter } from './uscc';

/** Codes published by the companies themselves on their business licences. */
const KNOWN_VALID = [
  '91110000600037341L',
  '9144030071526726XG',
  '914403001922038216',
  '91110000802100433B',
  '91330100799655058B',
];

describe('USCC (统一社会信用代码, GB 32100-2015)', () => {
  it('has 31 symbols without I, O, Z, S, V', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(USCC_CHARSET).not.toMatch(/[IOZSV]/);
  });

  it.each(KNOWN_VALID)('accepts the known code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('takes 31 − (Σ mod 31), with 31 written as 0', () => {
    expect(usccCheckCharacter('10000000000000000')).toBe('Y'); // Σ = 1 → 30
    expect(usccCheckCharacter('00000000000000000')).toBe('0'); // Σ = 0 → 31 → 0
    expect(usccCheckCharacter('W1000000000000000')).toBe('0'); // Σ = 28 × 1 + 1 × 3 = 31 → 31 → 0
    expect(usccCheckCharacter('0000000000000000U')).toBe('K'); // Σ = 27 × 28 = 756, mod 31 = 12 → 19
  });

  it.each(KNOWN_VALID)('refuses %s with any other check character', (code) => {
    for (const symbol of USCC_CHARSET) {
      if (symbol !== code[17]) expect(isValidUscc(code.slice(0, 17) + symbol)).toBe(false);
    }
  });

  it.each(KNOWN_VALID)('catches a single changed character in %s', (code) => {
    for (let i = 0; i < 17; i++) {
      const replacement = code[i] === '1' ? '2' : '1';
      expect(isValidUscc(code.slice(0, i) + replacement + code.slice(i + 1))).toBe(false);
    }
  });

  it('catches two swapped neighbours', () => {
    expect(isValidUscc('91110000600037314L')).toBe(false);
  });

  it.each([
    ['too short', '91110000600037341'],
    ['too long', '91110000600037341LL'],
    ['a letter outside the charset', '9111000060003734IL'],
    ['a letter in the division code', '911A0000600037341L'],
    ['lower case', '91110000600037341l'],
    ['a registration department that does not exist', withCheck('B1110000600037341')],
    ['a zero category', withCheck('90110000600037341')],
  ])('refuses a code with %s', (_, code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('accepts every registration department 1–9, A, N, Y', () => {
    for (const department of '123456789ANY') {
      expect(isValidUscc(withCheck(`${department}1110000600037341`))).toBe(true);
    }
  });

  describe('parseUscc', () => {
    it('trims and upper-cases input', () => {
      expect(parseUscc(' 91110000600037341l ')).toEqual({ ok: true, value: '91110000600037341L' });
    });

    it('returns USCC_INVALID naming the field', () => {
      const parsed = parseUscc('91110000600037341X', 'operator.uscc');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error).toMatchObject({ code: 'USCC_INVALID', kind: 'VALIDATION', field: 'operator.uscc' });
        expect(parsed.error.messageZh).toContain('统一社会信用代码');
      }
    });

    it('refuses what is not a string', () => {
      expect(parseUscc(undefined).ok).toBe(false);
    });
  });
});

describe('a legal person’s code', () => {
  it('takes every category but 92 (个体工商户)', () => {
    for (const first17 of ['91440106MA59C3PL2', '12440100455860066', '52440106MJL123456', '93440106MA5D0E7F8']) expect(requireLegalPersonUscc(withCheck(first17), 'uscc')).toBe(withCheck(first17));
    expect(domainErrorOf(() => requireLegalPersonUscc(withCheck('92440106MA5D0E7F8'), 'operator.uscc'))).toMatchObject({ code: 'NOT_LEGAL_PERSON', field: 'operator.uscc' });
  });
});

function withCheck(first17: string): string {
  return first17 + (usccCheckCharacter(first17) ?? '?');
}
