import { CHAIN_HASH_ALGORITHMS, type ChainHashAlgorithm } from '../chain-hash';
import type { SqliteDatabase } from './open-sqlite-database';
import { ensureLedgerMetaSchema } from './sqlite-schema';

/** The hash algorithm the file records, recording `asked` (or sha256) when it records none yet. */
export function recordedHashAlgorithm(db: SqliteDatabase, asked: ChainHashAlgorithm | undefined): ChainHashAlgorithm {
  ensureLedgerMetaSchema(db);
  return db.transaction(() => {
    const row = db.prepare<[], { value: string }>("SELECT value FROM ledger_meta WHERE key = 'hash_algorithm'").get();
    if (row === undefined) {
      // A file that already holds events was written with SHA-256, before the algorithm was recorded;
      // an empty one takes what is asked, and records it (a process that asks nothing records nothing).
      const holdsEvents = db.prepare('SELECT 1 FROM event_log LIMIT 1').get() !== undefined;
      const algorithm = holdsEvents ? 'sha256' : (asked ?? 'sha256');
      if (asked !== undefined && asked !== algorithm) throw new Error(`This event store holds events hashed with ${algorithm}; it cannot switch to ${asked}`);
      if (holdsEvents || asked !== undefined) db.prepare("INSERT INTO ledger_meta (key, value) VALUES ('hash_algorithm', ?)").run(algorithm);
      return algorithm;
    }
    const recorded = row.value as ChainHashAlgorithm;
    if (!CHAIN_HASH_ALGORITHMS.includes(recorded)) throw new Error(`This event store records an unknown hash algorithm: ${row.value}`);
    if (asked !== undefined && asked !== recorded) throw new Error(`This event store was created with ${recorded}; it cannot switch to ${asked}`);
    return recorded;
  }).immediate();
}
