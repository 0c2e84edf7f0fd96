import type { ExportColumn } from '@sme/read-models';

type Cell = ReturnType<ExportColumn<never>['value']>;
/** The fields of `Row` whose value is a table cell as it stands. */
type CellField<Row> = { [K in keyof Row]-?: Row[K] extends Cell ? K : never }[keyof Row] & string;

/** A column that shows one field of the row as it is, keyed by the field's name, under the Chinese header `zh`. */
export const fieldColumn = <Row>(key: CellField<Row>, zh: string): ExportColumn<Row> => ({ key, zh, value: (row) => row[key] as Cell });
