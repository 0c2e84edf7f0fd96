import { createServer } from 'node:http';
import { PROJECTIONS, Projector, lagMetrics, projectionLag, rebuildProjection } from '@sme/read-models';
import { backgroundCheckpoints, closeOnSignal, runMain } from '@sme/event-store';
import { openStores } from './projector-process';

/**
 * The projector as its own process (PROJECTOR=external on the API instances): keeps every projection
 * current from its checkpoint, rebuilds projections whose code version changed (blue-green), and
 * serves /health and /metrics with the lag on PROJECTOR_PORT (default 3001).
 */
async function main(): Promise<void> {
  backgroundCheckpoints.enable();
  const env = await openStores();
  const projector = new Projector(env.events, env.docs, PROJECTIONS, { logger: env.logger, batchSize: Number(process.env.PROJECTOR_BATCH_SIZE ?? 500) });
  const stale = await projector.prepare();
  projector.start();
  for (const projection of stale) {
    env.logger.warn(`${projection.name} changed to v${projection.version}: rebuilding while the previous version serves`);
    const result = await rebuildProjection(env.events, env.docs, projection, { logger: env.logger });
    env.logger.log(`rebuilt ${result.projection} into ${result.collection} from ${result.events} events in ${result.millis} ms`);
  }

  const port = Number(process.env.PROJECTOR_PORT ?? 3001);
  const server = createServer((request, response) => {
    const lag = () => projectionLag(env.events, projector.registry, PROJECTIONS, new Date(), undefined, (collection) => projector.applied(collection));
    if (request.url === '/health') {
      void lag().then((projections) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 'ok', projections }));
      }, (error: unknown) => {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 'error', error: String(error) }));
      });
    } else if (request.url === '/metrics') {
      void lag().then((projections) => {
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        response.end(lagMetrics(projections));
      });
    } else {
      response.writeHead(404).end();
    }
  });
  server.listen(port, () => env.logger.log(`health and metrics on http://localhost:${port}`));

  closeOnSignal(async () => {
    server.close();
    await projector.stop();
    await env.close();
  });
}

runMain(main);
