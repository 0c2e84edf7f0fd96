import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASYNCAPI_FILE, renderAsyncApiYaml } from './generate-asyncapi';

/**
 * Writes docs/asyncapi.yaml from code. With `--check`, writes nothing and exits 1 when the committed
 * file is out of date.
 *   npx ts-node -r tsconfig-paths/register --transpile-only libs/messaging/src/asyncapi/write-asyncapi.ts [--check]
 */
const path = join(__dirname, '../../../..', ASYNCAPI_FILE);
const fresh = renderAsyncApiYaml();
let current: string | undefined;
try {
  current = readFileSync(path, 'utf8');
} catch {
  current = undefined;
}

if (process.argv.includes('--check')) {
  if (current !== fresh) {
    console.error(`${ASYNCAPI_FILE} is out of date; run this script without --check to regenerate it`);
    process.exit(1);
  }
  console.log(`${ASYNCAPI_FILE} is up to date`);
} else if (current === fresh) {
  console.log(`${ASYNCAPI_FILE} is up to date`);
} else {
  writeFileSync(path, fresh);
  console.log(`wrote ${ASYNCAPI_FILE} (${fresh.length} characters)`);
}
