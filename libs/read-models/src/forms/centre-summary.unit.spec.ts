import ExcelJS from 'exceljs';
import { buildCentreSummary, CENTRE_SUMMARY_LAYOUT, writeCentreSummaryXlsx, type CentreSummaryInput } from './centre-summary';

const input: CentreSummaryInput = {
  region: { code: '441900', name: '东莞市' },
  year: 2026,
  filedOn: '2026-12-05',
  divisions: [
    { code: '441900003', name: '东城街道', centres: 1 },
    { code: '441900101', name: '石龙镇', centres: 0 },
    { code: '441900102', name: '石排镇', centres: 0 },
    { code: '441900113', name: '长安镇', centres: 1 },
  ],
  centres: [
    { name: '东莞市中小企业服务中心', legalForm: '事业单位', fullTimeStaff: 12, venueArea: 650, providers: ['东莞某会计师事务所', '东莞某律师事务所'], activities: 48, served: 2310, head: '陈主任', contact: '0769-22000000', note: '' },
    { name: '长安镇中小企业服务中心', legalForm: '民办非企业', fullTimeStaff: 3, venueArea: 120, providers: [], activities: 9, served: 310, head: '李站长', contact: '0769-85000000', note: '未达标，整改期限2027-03-31' },
  ],
};

describe('中小企业服务中心建设情况汇总表', () => {
  it('counts the divisions with and without a centre and names those without, as the form asks', () => {
    const summary = buildCentreSummary(input);
    expect(summary.title).toBe('东莞市中小企业服务中心建设情况汇总表');
    expect(summary.divisions).toEqual({ total: 4, withCentre: 2, withoutCentre: 2, without: ['石龙镇', '石排镇'] });
    expect(summary.headerLines[1]).toBe('该地区有4个市（县、区）行政区划，目前已成立服务中心的有2个；没有成立服务中心的有2个，包括石龙镇、石排镇。');
    expect(summary.columns[6]).toBe('2026年服务活动数量（场次）');
    expect(summary.rows[0]).toEqual([1, '东莞市中小企业服务中心', '事业单位', 12, 650, '2家：东莞某会计师事务所、东莞某律师事务所', 48, 2310, '陈主任', '0769-22000000', '']);
    expect(summary.rows[1][5]).toBe('0');
  });

  it('writes an XLSX whose every cell equals the JSON', async () => {
    const summary = buildCentreSummary(input);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeCentreSummaryXlsx(summary)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('汇总表')!;
    const text = (row: number, col: number) => sheet.getCell(row, col).value;
    expect(text(CENTRE_SUMMARY_LAYOUT.title, 1)).toBe(summary.title);
    summary.headerLines.forEach((line, i) => expect(text(CENTRE_SUMMARY_LAYOUT.headerLines[i], 1)).toBe(line));
    summary.columns.forEach((column, c) => expect(text(CENTRE_SUMMARY_LAYOUT.columns, c + 1)).toBe(column));
    summary.rows.forEach((row, r) => row.forEach((value, c) => expect(text(CENTRE_SUMMARY_LAYOUT.firstRow + r, c + 1)).toEqual(value)));
    expect(text(CENTRE_SUMMARY_LAYOUT.firstRow + summary.rows.length, 1)).toBe(summary.footnote);
    expect(sheet.getCell(CENTRE_SUMMARY_LAYOUT.title, 1).isMerged).toBe(true);
  });
});
