export type Cell = string | number;

export interface Column {
  header: string;
  /** Numbers are right-aligned by default, text left-aligned. */
  align?: 'left' | 'right';
}

/** Prints rows as a fixed-width text table under a title. */
export function printTable(title: string, columns: readonly (Column | string)[], rows: readonly Cell[][], notes: readonly string[] = []): void {
  const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  const text = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)));
  const widths = cols.map((col, i) => Math.max(width(col.header), ...text.map((row) => width(row[i] ?? ''))));
  const alignOf = (i: number) => cols[i].align ?? (rows.every((row) => typeof row[i] === 'number' || !row[i]) ? 'right' : 'left');
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (alignOf(i) === 'right' ? padStart(cell, widths[i]) : padEnd(cell, widths[i]))).join('  ');

  console.log(`\n${title}`);
  console.log(line(cols.map((c) => c.header)));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of text) console.log(line(row));
  for (const note of notes) console.log(`  ${note}`);
}

/** Thousands separators for large values, a few significant decimals for small ones. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '-';
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1000) return String(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export const formatBytes = (bytes: number): string => {
  const sign = bytes < 0 ? '-' : '';
  const abs = Math.abs(bytes);
  if (abs >= 1024 * 1024) return `${sign}${(abs / (1024 * 1024)).toFixed(1)} MiB`;
  if (abs >= 1024) return `${sign}${(abs / 1024).toFixed(1)} KiB`;
  return `${sign}${abs} B`;
};

/** Display width: CJK and other wide characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const padStart = (text: string, w: number) => ' '.repeat(Math.max(0, w - width(text))) + text;
const padEnd = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
