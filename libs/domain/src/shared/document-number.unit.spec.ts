import { isDocumentNumber, parseDocumentNumber } from './document-number';

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
  ])('refuse %s', (value) => {
    expect(isDocumentNumber(value)).toBe(false);
  });
});
