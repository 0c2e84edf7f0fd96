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
  /** Global position of the newest event: compared before and after to prove nothing was written. */
  head(): Promise<string>;
  /** Hands the stored events of `streamIds` to every reaction that reacts to them again, as after a restart before a checkpoint. */
  reactAgain(streamIds: readonly string[]): Promise<void>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** The API on the embedded default, in a fresh data directory of its own. */
export async function startTestApp(options: { dataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sme-ledger-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, ...options.env }, []);
  const app = await createApp(config, { logger: false });
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    http,
    config,
    dataDir,
    async token(actor) {
      const key = JSON.stringify(actor);
      if (!tokens.has(key)) {
        const res = await http
          .post('/auth/dev-token')
          .send({ sub: actor.id, role: actor.role, orgId: actor.orgId, regionCode: actor.regionCode })
          .expect(201);
        tokens.set(key, res.body.token);
      }
      return tokens.get(key)!;
    },
    async head() {
      const res = await http.get('/health').expect(200);
      return res.body.eventStore.headPosition as string;
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
