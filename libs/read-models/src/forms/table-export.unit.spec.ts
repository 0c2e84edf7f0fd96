import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { exportTable, type ExportColumn } from './table-export';

type Row = { name: string; visits: number; rating: number | null; note: string };
const columns: ExportColumn<Row>[] = [
  { key: 'name', zh: '单位名称', value: (r) => r.name },
  { key: 'serviceVisits', zh: '服务家次', value: (r) => r.visits },
  { key: 'averageRating', zh: '平均满意度', value: (r) => r.rating },
  { key: 'note', zh: '备注', value: (r) => r.note },
];
const rows: Row[] = [
  { name: '天河区某服务站', visits: 120, rating: 4.35, note: '' },
  { name: '海珠区"示范"服务站, 二期', visits: 0, rating: null, note: '第一行\n第二行' },
];
async function* source() {
  for (const row of rows) yield row;
}
const read = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
};

describe('tables for evaluators as JSON, CSV and XLSX', () => {
  it('writes JSON with the English keys and the Chinese headers (an empty text is no value)', async () => {
    const json = JSON.parse((await read(exportTable('json', '表', columns, source()))).toString('utf8'));
    expect(json.columns).toEqual(columns.map(({ key, zh }) => ({ key, zh })));
    expect(json.rows).toEqual([
      { name: '天河区某服务站', serviceVisits: 120, averageRating: 4.35, note: null },
      { name: '海珠区"示范"服务站, 二期', serviceVisits: 0, averageRating: null, note: '第一行\n第二行' },
    ]);
  });

  it('writes CSV (RFC 4180, UTF-8 with a byte-order mark): the Chinese headers, then the keys, then the rows', async () => {
    const csv = (await read(exportTable('csv', '表', columns, source()))).toString('utf8');
    expect(csv).toBe('\uFEFF单位名称,服务家次,平均满意度,备注\r\nname,serviceVisits,averageRating,note\r\n天河区某服务站,120,4.35,\r\n"海珠区""示范""服务站, 二期",0,,"第一行\n第二行"\r\n');
  });

  it('writes an XLSX whose every cell equals the JSON', async () => {
    const json = JSON.parse((await read(exportTable('json', '表', columns, source()))).toString('utf8'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await read(exportTable('xlsx', '评价结果', columns, source()))) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('评价结果')!;
    columns.forEach((c, i) => {
      expect(sheet.getCell(1, i + 1).value).toBe(c.zh);
      expect(sheet.getCell(2, i + 1).value).toBe(c.key);
    });
    json.rows.forEach((row: Record<string, unknown>, r: number) =>
      columns.forEach((c, i) => expect(sheet.getCell(3 + r, i + 1).value).toEqual(row[c.key])),
    );
  });

  it('streams a large table without holding it', async () => {
    async function* many() {
      for (let i = 0; i < 20_000; i += 1) yield { name: `服务站${i}`, visits: i, rating: 4, note: '' };
    }
    const csv = (await read(exportTable('csv', '表', columns, many()))).toString('utf8');
    expect(csv.split('\r\n')).toHaveLength(20_000 + 3);
  });
});
