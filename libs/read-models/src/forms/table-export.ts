import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * A table for evaluators, as JSON, CSV or XLSX, written row by row from an async source so that a
 * year of records never sits in memory. Each column has a documented English key (the JSON and the
 * CSV's second header line) and a Chinese header (the CSV's and the sheet's first line).
 */
export interface ExportColumn<Row> {
  key: string;
  zh: string;
  value: (row: Row) => string | number | boolean | null;
}

export type ExportFormat = 'json' | 'csv' | 'xlsx';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** An empty text is no value, in every format (a spreadsheet keeps no empty strings). */
const cellOf = <Row>(column: ExportColumn<Row>, row: Row): string | number | boolean | null => {
  const value = column.value(row);
  return value === '' ? null : value;
};

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
const csvCell = (value: string | number | boolean | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

async function* csvLines<Row>(columns: readonly ExportColumn<Row>[], rows: AsyncIterable<Row> | Iterable<Row>): AsyncGenerator<string> {
  // A byte-order mark so that spreadsheet programs read the Chinese headers as UTF-8.
  yield `\uFEFF${columns.map((c) => csvCell(c.zh)).join(',')}\r\n`;
  yield `${columns.map((c) => csvCell(c.key)).join(',')}\r\n`;
  for await (const row of rows) yield `${columns.map((c) => csvCell(cellOf(c, row))).join(',')}\r\n`;
}

async function* jsonChunks<Row>(columns: readonly ExportColumn<Row>[], rows: AsyncIterable<Row> | Iterable<Row>): AsyncGenerator<string> {
  yield `{"columns":${JSON.stringify(columns.map(({ key, zh }) => ({ key, zh })))},"rows":[`;
  let first = true;
  for await (const row of rows) {
    yield `${first ? '' : ','}${JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, cellOf(c, row)])))}`;
    first = false;
  }
  yield ']}';
}

/** The table as a stream in the format asked; XLSX rows are committed one by one (ExcelJS's streaming writer). */
export function exportTable<Row>(format: ExportFormat, sheet: string, columns: readonly ExportColumn<Row>[], rows: AsyncIterable<Row> | Iterable<Row>): Readable {
  const out = new PassThrough();
  const pump = async () => {
    if (format === 'xlsx') {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
      const worksheet = workbook.addWorksheet(sheet);
      worksheet.addRow(columns.map((c) => c.zh)).commit();
      worksheet.addRow(columns.map((c) => c.key)).commit();
      for await (const row of rows) worksheet.addRow(columns.map((c) => cellOf(c, row))).commit();
      worksheet.commit();
      await workbook.commit();
      return;
    }
    for await (const chunk of format === 'csv' ? csvLines(columns, rows) : jsonChunks(columns, rows)) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    }
    out.end();
  };
  pump().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
