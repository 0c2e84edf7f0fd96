import ExcelJS from 'exceljs';

/**
 * 中小企业服务中心建设情况汇总表 (the 2016 Guangdong guidance, 附件2): one row per centre of a region,
 * with the header lines that count the region's divisions with and without a centre. Built from the
 * ledger's records as JSON, and written as an XLSX laid out like the form.
 */
export interface CentreSummaryInput {
  /** 所在地区: the city (or district) the table is for. */
  region: { code: string; name: string };
  year: number;
  /** 填报日期 (YYYY-MM-DD). */
  filedOn: string;
  /** The divisions below the region (counties and districts; towns where the city has none) and the centres each has. */
  divisions: { code: string; name: string; centres: number }[];
  centres: CentreSummaryCentre[];
}

export interface CentreSummaryCentre {
  name: string;
  /** 性质: 事业单位, 民办非企业 or 企业. */
  legalForm: string;
  fullTimeStaff: number;
  venueArea: number;
  /** 联系主要服务机构: the providers it works with, by name. */
  providers: string[];
  activities: number;
  served: number;
  head: string;
  contact: string;
  note: string;
}

export type CentreSummaryCell = string | number;

export interface CentreSummary {
  title: string;
  region: { code: string; name: string };
  year: number;
  filedOn: string;
  divisions: { total: number; withCentre: number; withoutCentre: number; without: string[] };
  /** The lines above the table, as the form words them. */
  headerLines: string[];
  columns: string[];
  rows: CentreSummaryCell[][];
  footnote: string;
}

export const CENTRE_SUMMARY_FOOTNOTE = '备注：性质一栏填写事业单位、民办非企业等社会组织或企业。';

/** The form's columns, for `year`. */
export const centreSummaryColumns = (year: number): string[] => [
  '序号',
  '单位名称',
  '性质',
  '全职从业人员数（人）',
  '服务场地（平方米）',
  '联系主要服务机构数量及名称',
  `${year}年服务活动数量（场次）`,
  `${year}年服务人数`,
  '负责人',
  '联系方式（含手机、固话、传真、邮箱）',
  '备注',
];

const providersCell = (names: readonly string[]): string => (names.length === 0 ? '0' : `${names.length}家：${names.join('、')}`);

export function buildCentreSummary(input: CentreSummaryInput): CentreSummary {
  const without = input.divisions.filter((d) => d.centres === 0).map((d) => d.name);
  const total = input.divisions.length;
  const divisions = { total, withCentre: total - without.length, withoutCentre: without.length, without };
  const [y, m, d] = input.filedOn.split('-');
  return {
    title: `${input.region.name}中小企业服务中心建设情况汇总表`,
    region: input.region,
    year: input.year,
    filedOn: input.filedOn,
    divisions,
    headerLines: [
      `所在地区：${input.region.name}    填报日期：${y}年${Number(m)}月${Number(d)}日`,
      `该地区有${total}个市（县、区）行政区划，目前已成立服务中心的有${divisions.withCentre}个；没有成立服务中心的有${divisions.withoutCentre}个` +
        (without.length === 0 ? '。' : `，包括${without.join('、')}。`),
    ],
    columns: centreSummaryColumns(input.year),
    rows: input.centres.map((c, i) => [i + 1, c.name, c.legalForm, c.fullTimeStaff, c.venueArea, providersCell(c.providers), c.activities, c.served, c.head, c.contact, c.note]),
    footnote: CENTRE_SUMMARY_FOOTNOTE,
  };
}

/** Row numbers of the sheet: title, two header lines, the column headers, then one row per centre and the footnote. */
export const CENTRE_SUMMARY_LAYOUT = { title: 1, headerLines: [2, 3], columns: 4, firstRow: 5 } as const;

const WIDTHS = [6, 30, 12, 10, 10, 36, 12, 10, 10, 30, 16];

/** The table as an XLSX file, laid out like the form: a merged title, the header lines, bordered cells. */
export async function writeCentreSummaryXlsx(summary: CentreSummary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(`${summary.filedOn}T00:00:00+08:00`);
  const sheet = workbook.addWorksheet('汇总表', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  const width = summary.columns.length;
  sheet.columns = WIDTHS.slice(0, width).map((w) => ({ width: w }));
  const merged = (row: number, text: string, font: Partial<ExcelJS.Font> = {}) => {
    sheet.mergeCells(row, 1, row, width);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { name: 'SimSun', size: 11, ...font };
    cell.alignment = { vertical: 'middle', horizontal: row === CENTRE_SUMMARY_LAYOUT.title ? 'center' : 'left', wrapText: true };
  };
  merged(CENTRE_SUMMARY_LAYOUT.title, summary.title, { bold: true, size: 16 });
  summary.headerLines.forEach((line, i) => merged(CENTRE_SUMMARY_LAYOUT.headerLines[i], line));
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  const header = sheet.getRow(CENTRE_SUMMARY_LAYOUT.columns);
  header.values = summary.columns;
  header.eachCell((cell) => {
    cell.font = { name: 'SimSun', bold: true, size: 10 };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = border;
  });
  summary.rows.forEach((values, i) => {
    const row = sheet.getRow(CENTRE_SUMMARY_LAYOUT.firstRow + i);
    row.values = values;
    row.eachCell((cell) => {
      cell.font = { name: 'SimSun', size: 10 };
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = border;
    });
  });
  merged(CENTRE_SUMMARY_LAYOUT.firstRow + summary.rows.length, summary.footnote, { size: 9 });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
