import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The code version of everything under `dir`: a SHA-256 over each source file's path and bytes, in
 * path order. Any change to the code there — a decider, an evolve, a rule it calls — gives a new
 * version, and snapshots taken by the old code are no longer used.
 */
export function codeVersionOf(dir: string): string {
  const hash = createHash('sha256');
  const files = sourceFilesUnder(dir);
  if (files.length === 0) throw new Error(`No source files under ${dir}: the code version of the deciders cannot be taken`);
  for (const file of files) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

const SOURCE = /\.(ts|js|json)$/;

function sourceFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFilesUnder(path));
    else if (SOURCE.test(entry.name) && !/\.(spec|d)\.ts$|\.map$|\.spec\.js$/.test(entry.name)) found.push(path);
  }
  return found.sort();
}
