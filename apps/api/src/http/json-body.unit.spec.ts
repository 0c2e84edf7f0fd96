import { jsonDepthExceeds } from './json-body';

const deeper = (text: string, max: number) => jsonDepthExceeds(Buffer.from(text, 'utf8'), max);

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays, stopping past the bound', () => {
    expect(deeper('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(deeper('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(deeper('[]', 1)).toBe(false);
    expect(deeper('[[]]', 1)).toBe(true);
  });

  it('skips strings, their escaped quotes and backslashes', () => {
    expect(deeper(JSON.stringify({ a: '[[[[{{{{' }), 1)).toBe(false);
    expect(deeper(JSON.stringify({ a: 'say \\"[[[[\\" \\\\' }), 1)).toBe(false);
    expect(deeper(`{"a":"\\\\"}`.replace('}', ',"b":[[1]]}'), 2)).toBe(true);
    expect(deeper('"中文[[[["', 0)).toBe(false);
  });
});
