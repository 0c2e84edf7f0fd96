import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, openSqliteDatabase } from '@sme/event-store';
import { runTsChild } from '@sme/event-store/testing/run-ts-child';
import { createDocumentStore } from '../create-document-store';
import { PROJECTIONS } from '../projections';
import { writeStationHistory } from '../testing/station-history';
import { ProjectionRegistry } from './projection-registry';
import { Projector } from './projector';
import { activeDocuments, expectedDocuments } from './projector.suite';

const runChild = (env: Record<string, string>) => runTsChild(join(__dirname, '../testing/projector-child.ts'), env);

/** Kills a projector process in the middle of a batch, restarts it, and compares with a clean run. */
export function projectorCrashSuite(name: string, docsUrl: () => string | undefined): void {
  describe(name, () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'sme-projector-crash-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('leaves every document as if it had never stopped', async () => {
      const eventsFile = join(dir, 'events.sqlite');
      const events = new SqliteEventStore(openSqliteDatabase(eventsFile));
      await writeStationHistory(events, { calls: 1, applicationsPerCall: 36 });
      const url = docsUrl();

      const ended = await runChild({ EVENTS_FILE: eventsFile, DOCS_URL: url ?? '', DOCS_DIR: dir, KILL_AFTER_WRITES: '25' });
      expect(ended).toBe('SIGKILL');

      const { docs } = await createDocumentStore({ url, dataDir: dir });
      try {
        // The kill came mid-batch: documents were written beyond the stored checkpoint.
        const registry = new ProjectionRegistry(docs);
        const calls = (await registry.active('calls'))!.collection;
        const applications = (await registry.active('applications'))!.collection;
        const written = await docs.collection(applications).count({});
        expect(written).toBeGreaterThan(0);
        expect(await registry.checkpoint(applications)).toBeLessThan(Number(await events.headPosition()));
        expect(await docs.collection(calls).count({})).toBe(1);

        const restarted = new Projector(events, docs, PROJECTIONS, { batchSize: 40 });
        await restarted.prepare();
        await restarted.catchUp();
        for (const projection of PROJECTIONS) {
          expect(await activeDocuments(docs, projection.name)).toBe(await expectedDocuments(events, projection));
        }
      } finally {
        await docs.close();
        await events.close();
      }
    }, 60_000);
  });
}
