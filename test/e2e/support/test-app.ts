import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Actor } from '@sme/domain';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { Reactors } from '../../../apps/api/src/reactors/reactors.service';
import { createApp } from '../../../apps/api/src/bootstrap';
import { loadConfig, type AppConfig } from '../../../apps/api/src/config/app-config';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  dataDir: string;
  token(actor: Actor): Promise<string>;
  /** GET /health (or another operator path) as the platform's ADMIN, who is shown the internals. */
  operatorGet(path: string): Promise<{ status: number; body: any; text: string; headers: Record<string, string> }>;
  /** Global position of the newest event: compared before and after to prove nothing was written. */
  head(): Promise<string>;
  /** Hands the stored events of `streamIds` to every reaction that reacts to them again, as after a restart before a checkpoint. */
  reactAgain(streamIds: readonly string[]): Promise<void>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** The API on the embedded default, in a fresh data directory of its own. */
export async function startTestApp(options: { dataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sme-ledger-e2e-'));
  // Suites send hundreds of requests a minute as a handful of callers: the rate limits have their own suite.
  const config = loadConfig({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '1000000', DEV_TOKEN_RATE_PER_MINUTE: '1000000', LOG_LEVEL: 'silent', ...options.env }, []);
  const app = await createApp(config, { logger: false });
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  const token = async (actor: Actor) => {
    const key = JSON.stringify(actor);
    if (!tokens.has(key)) {
      const res = await http
        .post('/auth/dev-token')
        .send({ sub: actor.id, role: actor.role, orgId: actor.orgId, regionCode: actor.regionCode })
        .expect(201);
      tokens.set(key, res.body.token);
    }
    return tokens.get(key)!;
  };
  const operator: Actor = { id: 'platform-operator', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440000' };
  return {
    app,
    http,
    config,
    dataDir,
    token,
    async operatorGet(path) {
      return http.get(path).set('Authorization', `Bearer ${await token(operator)}`);
    },
    async head() {
      return (await app.get<EventStore>(EVENT_STORE).headPosition()).toString();
    },
    async reactAgain(streamIds) {
      const store = app.get<EventStore>(EVENT_STORE);
      const reactions = app.get(Reactors).reactions();
      for (const streamId of streamIds) {
        for (const event of await store.readStream(streamId)) {
          for (const reaction of reactions.filter((r) => r.reactsTo(event))) await reaction.react(event);
        }
      }
    },
    async close({ keepData = false } = {}) {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
