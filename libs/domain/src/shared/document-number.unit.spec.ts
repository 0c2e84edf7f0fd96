import { DOCUMENT_NUMBER_PATTERN, isDocumentNumber, parseDocumentNumber } from './document-number';

describe('Document numbers (发文字号)', () => {
  it('read issuer, year and serial', () => {
    expect(parseDocumentNumber('穗工信函〔2019〕1100号')).toEqual({ issuer: '穗工信函', year: 2019, serial: 1100 });
    expect(parseDocumentNumber('工信部企业〔2023〕213号')).toEqual({ issuer: '工信部企业', year: 2023, serial: 213 });
    expect(parseDocumentNumber('工信部联企业〔2011〕300号')?.serial).toBe(300);
  });

  it.each([
    '穗工信函[2019]1100号',
    '穗工信函〔19〕1100号',
    '穗工信函〔2019〕1100',
    '〔2019〕1100号',
    '穗工信函〔2019〕号',
    '穗工信函〔2019〕0100号',
    '穗工信函 〔2019〕1100号',
    '2019工信〔2019〕1100号',
    '穗工信函〔2019〕1234567号',
  ])('refuse %s', (value) => {
    expect(isDocumentNumber(value)).toBe(false);
    expect(new RegExp(DOCUMENT_NUMBER_PATTERN, 'u').test(value)).toBe(false);
  });

  it('publish the same rule as a JSON Schema pattern', () => {
    for (const value of ['穗工信函〔2019〕1100号', '工信部企业〔2023〕213号', '工信部联企业〔2011〕300号', '粤工信〔2020〕1号', '国发〔2021〕999999号']) {
      expect({ value, pattern: new RegExp(DOCUMENT_NUMBER_PATTERN, 'u').test(value) }).toEqual({ value, pattern: isDocumentNumber(value) });
    }
  });
});
