import { isSha256Hex } from './digest';

describe('SHA-256 digests', () => {
  it.each([
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', true],
    ['E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', true],
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85', false],
    ['g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', false],
    [undefined, false],
  ])('are 64 hex characters: %p is one: %p', (value, expected) => {
    expect(isSha256Hex(value)).toBe(expected);
  });
});
