import { domainErrorOf } from './testing';
import { isEmail, isPhone, isPostcode, requireAmount, requireBoolean, requireFormat, requireInteger, requireOneOf, requireOpinion, requirePositive, requireText } from './validation';

const label = { zh: '名称', en: 'Name' };

describe('Field validation', () => {
  it('requireText trims and refuses blanks', () => {
    expect(requireText('  广州  ', 'name', label)).toBe('广州');
    expect(domainErrorOf(() => requireText('  ', 'a.b', label))).toMatchObject({ code: 'FIELD_REQUIRED', kind: 'VALIDATION', field: 'a.b', messageZh: '名称不能为空' });
    expect(domainErrorOf(() => requireText(undefined, 'a', label)).code).toBe('FIELD_REQUIRED');
  });

  it('requireInteger keeps to its range', () => {
    expect(requireInteger(3, 'n', label, 1, 3)).toBe(3);
    expect(domainErrorOf(() => requireInteger(4, 'n', label, 1, 3))).toMatchObject({ code: 'FIELD_INVALID', field: 'n' });
    expect(domainErrorOf(() => requireInteger(0, 'n', label, 1)).code).toBe('FIELD_INVALID');
    expect(domainErrorOf(() => requireInteger(1.5, 'n', label, 1)).code).toBe('FIELD_INVALID');
    expect(domainErrorOf(() => requireInteger('2', 'n', label, 1)).code).toBe('FIELD_INVALID');
  });

  it('requireAmount takes finite numbers, bounded below when asked', () => {
    expect(requireAmount(-3.5, 'p', label)).toBe(-3.5);
    expect(requireAmount(0, 'p', label, 0)).toBe(0);
    expect(domainErrorOf(() => requireAmount(-0.01, 'p', label, 0)).code).toBe('FIELD_INVALID');
    expect(domainErrorOf(() => requireAmount(Number.NaN, 'p', label)).code).toBe('FIELD_INVALID');
    expect(domainErrorOf(() => requireAmount(Infinity, 'p', label)).code).toBe('FIELD_INVALID');
  });

  it('requirePositive refuses zero', () => {
    expect(requirePositive(0.5, 'a', label)).toBe(0.5);
    expect(domainErrorOf(() => requirePositive(0, 'a', label)).code).toBe('FIELD_INVALID');
  });

  it('requireOneOf and requireBoolean', () => {
    expect(requireOneOf('A', ['A', 'B'] as const, 'k', label)).toBe('A');
    expect(domainErrorOf(() => requireOneOf('C', ['A', 'B'] as const, 'k', label)).code).toBe('FIELD_INVALID');
    expect(requireBoolean(false, 'b', label)).toBe(false);
    expect(domainErrorOf(() => requireBoolean('yes', 'b', label)).code).toBe('FIELD_INVALID');
  });

  it('requireFormat distinguishes missing from malformed', () => {
    expect(requireFormat(' 510000 ', isPostcode, 'p', label, '六位数字', 'six digits')).toBe('510000');
    expect(domainErrorOf(() => requireFormat('', isPostcode, 'p', label, '六位数字', 'six digits')).code).toBe('FIELD_REQUIRED');
    expect(domainErrorOf(() => requireFormat('5100', isPostcode, 'p', label, '六位数字', 'six digits')).code).toBe('FIELD_INVALID');
  });

  it.each([
    { recognise: isEmail, value: 'chenyu@gz.gov.cn', expected: true },
    { recognise: isEmail, value: 'chenyu@gz', expected: false },
    { recognise: isPhone, value: '020-83123932', expected: true },
    { recognise: isPhone, value: '83522270-802、13826473459', expected: true },
    { recognise: isPhone, value: '12345', expected: false },
    { recognise: isPhone, value: 'call me', expected: false },
    { recognise: isPostcode, value: '510623', expected: true },
    { recognise: isPostcode, value: '51062', expected: false },
  ])('recognise e-mail addresses, phone numbers and postcodes: $recognise.name($value) is $expected', ({ recognise, value, expected }) => {
    expect(recognise(value)).toBe(expected);
  });

  it('requireOpinion wants a non-blank opinion', () => {
    expect(requireOpinion(' 同意 ')).toBe('同意');
    expect(domainErrorOf(() => requireOpinion(''))).toMatchObject({ code: 'FIELD_REQUIRED', field: 'opinion', messageZh: '意见不能为空' });
  });
});
