import { PROJECTIONS, projectionNamed, rebuildProjection } from '@sme/read-models';
import { openStores } from './projector-process';

/**
 * npm run projections:rebuild -- <name>
 * Rebuilds one projection into a new collection while the active one keeps serving, then switches.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  const projection = name ? projectionNamed(name) : undefined;
  if (!projection) {
    console.error(`usage: npm run projections:rebuild -- <${PROJECTIONS.map((p) => p.name).join('|')}>`);
    process.exit(2);
  }
  const env = await openStores();
  try {
    const result = await rebuildProjection(env.events, env.docs, projection, { logger: env.logger, dropPreviousAfterMs: 0 });
    console.log(JSON.stringify(result));
  } finally {
    await env.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
