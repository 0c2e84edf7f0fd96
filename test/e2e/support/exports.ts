import ExcelJS from 'exceljs';

type Download = (path: string) => Promise<{ status: number; body: Buffer; headers: Record<string, string> }>;

/** RFC 4180 fields of a CSV body (after its byte-order mark), line by line. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 1);
    else field += ch;
  }
  return rows;
}

/** A table's JSON, with its CSV and XLSX opened and checked against it cell by cell. */
export async function tableInEveryFormat(download: Download, path: string, sheetName: string) {
  const as = (format: string) => `${path}${path.includes('?') ? '&' : '?'}format=${format}`;
  const json = JSON.parse((await download(path)).body.toString('utf8')) as { columns: { key: string; zh: string }[]; rows: any[] };
  const csv = csvRows((await download(as('csv'))).body.toString('utf8').replace(/^\uFEFF/, ''));
  expect(csv[0]).toEqual(json.columns.map((col) => col.zh));
  expect(csv[1]).toEqual(json.columns.map((col) => col.key));
  expect(csv.slice(2)).toEqual(json.rows.map((row) => json.columns.map((col) => (row[col.key] === null ? '' : String(row[col.key])))));
  const xlsx = await download(as('xlsx'));
  expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(sheetName)!;
  expect(sheet.rowCount).toBe(2 + json.rows.length);
  json.rows.forEach((row, r) => json.columns.forEach((col, i) => expect(sheet.getCell(3 + r, i + 1).value).toEqual(row[col.key])));
  return json;
}
