import { formatPlaqueNumber, isPlaqueNumber, plaqueCityCode, requirePlaqueNumber } from './plaque-number';
import { domainErrorOf } from './testing';

describe('Plaque numbers (授牌编号)', () => {
  it('are city code, year and a sequence padded to three digits', () => {
    expect(formatPlaqueNumber('440100', 2019, 1)).toBe('440100-2019-001');
    expect(formatPlaqueNumber('440100', 2019, 42)).toBe('440100-2019-042');
    expect(formatPlaqueNumber('440100', 2019, 1234)).toBe('440100-2019-1234');
  });

  it('are recognised and tell their city', () => {
    expect(isPlaqueNumber('440100-2019-001')).toBe(true);
    expect(plaqueCityCode('440100-2019-001')).toBe('440100');
    expect(isPlaqueNumber('440106-2019-001')).toBe(false);
    expect(isPlaqueNumber('440100-2019-000')).toBe(false);
    expect(isPlaqueNumber('440100-2019-1')).toBe(false);
    expect(isPlaqueNumber('440100-19-001')).toBe(false);
    expect(plaqueCityCode('nope')).toBeUndefined();
  });

  it('requirePlaqueNumber wants one issued under the given city', () => {
    expect(() => requirePlaqueNumber('440100-2019-001', '440100', 'plaqueNumber')).not.toThrow();
    expect(domainErrorOf(() => requirePlaqueNumber('440300-2019-001', '440100', 'plaqueNumber'))).toMatchObject({ code: 'PLAQUE_NUMBER_INVALID', field: 'plaqueNumber' });
    expect(domainErrorOf(() => requirePlaqueNumber('rubbish', '440100', 'p')).code).toBe('PLAQUE_NUMBER_INVALID');
  });
});
