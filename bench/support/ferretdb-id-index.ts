import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Gives every collection of one FerretDB 1.24 database (SQLite backend) an index on the very
 * expression its queries filter `_id` by, so that reads, replacements and deletes by `_id` are
 * answered from an index as MongoDB answers them. FerretDB's own `_id` index is on another
 * expression (`_ferretdb_sjson->"_id"`, its queries use `_ferretdb_sjson->'$._id'`), so SQLite scans
 * the whole table for each of them (docs/test-services.md, "How fast FerretDB 1.24 answers").
 *
 * A measurement aid for the bench, not something the ledger does: it opens FerretDB's own file. A
 * collection FerretDB creates afterwards does not have the index. Returns the tables indexed.
 */
export function indexFerretdbIds(dataDirectory: string, database: string): string[] {
  const file = join(dataDirectory, `${database}.sqlite`);
  if (!existsSync(file)) throw new Error(`no FerretDB database file ${file}: BENCH_FERRETDB_DATA names the directory FerretDB keeps its *.sqlite files in`);
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 10000');
    const tables = db.prepare<[], { table_name: string }>('SELECT table_name FROM _ferretdb_collections').all().map((row) => row.table_name);
    for (const table of tables) {
      db.exec(`CREATE INDEX IF NOT EXISTS "${table}_by_id_expression" ON "${table}" (_ferretdb_sjson->'$._id')`);
    }
    return tables;
  } finally {
    db.close();
  }
}
