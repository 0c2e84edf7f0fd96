import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, openSqliteDatabase, type EventStore } from '@sme/event-store';
import { testEvent } from '@sme/event-store/contract/contract-helpers';
import type { DocumentStore, StoredDocument } from '../document-store/document-store.port';
import { PROJECTIONS, applicationsProjection, stationsProjection } from '../projections';
import { writeStationHistory } from '../testing/station-history';
import { holdWrites, readingUpTo } from '../testing/held-stores';
import { foldView } from '../fold-view';
import { documentIdOf, type Projection } from './projection';
import { ProjectionRegistry } from './projection-registry';
import { projectionLag } from './projection-lag';
import { Projector } from './projector';
import { rebuildProjection } from './rebuild';

export interface ProjectorSuiteContext {
  dir: string;
  eventsFile: string;
  events: EventStore;
  docs: DocumentStore;
}

/** Documents of a projection's active collection, sorted by id, as JSON (what "byte-identical" compares). */
export async function activeDocuments(docs: DocumentStore, name: string): Promise<string> {
  const entry = await new ProjectionRegistry(docs).active(name);
  if (!entry) return '[]';
  return JSON.stringify(await docs.collection(entry.collection).find({}, { sort: { _id: 1 } }));
}

/** What each projection's documents must be: every stream folded on its own. */
export async function expectedDocuments(events: EventStore, projection: Projection): Promise<string> {
  const streams = new Map<string, ReturnType<typeof Array.prototype.slice>>();
  for (const event of await events.readAll({ maxCount: 1_000_000 })) {
    const id = documentIdOf(projection, event);
    if (id === undefined) continue;
    streams.set(id, [...(streams.get(id) ?? []), event]);
  }
  const docs = [...streams.values()]
    .map((evs) => foldView(projection.apply, evs) as StoredDocument | undefined)
    .filter((d): d is StoredDocument => d !== undefined)
    .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  return JSON.stringify(docs);
}

/**
 * The projector's behaviour against one document store: projections equal the folds of their
 * streams, redelivery changes nothing, a rebuild equals the live run, a rebuild while live switches
 * without loss, a version change asks for a rebuild, and lag is reported.
 */
export function projectorSuite(name: string, openDocs: (ctx: { dir: string }) => Promise<DocumentStore>): void {
  describe(name, () => {
    let ctx: ProjectorSuiteContext;

    beforeEach(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sme-projector-'));
      const eventsFile = join(dir, 'events.sqlite');
      ctx = { dir, eventsFile, events: new SqliteEventStore(openSqliteDatabase(eventsFile)), docs: await openDocs({ dir }) };
    });

    afterEach(async () => {
      await ctx.docs.close();
      await ctx.events.close();
      rmSync(ctx.dir, { recursive: true, force: true });
    });

    it('projects every record exactly as folding its own stream would', async () => {
      await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 24 });
      const projector = new Projector(ctx.events, ctx.docs, PROJECTIONS, { batchSize: 37 });
      await projector.prepare();
      await projector.catchUp();
      for (const projection of PROJECTIONS) {
        expect(await activeDocuments(ctx.docs, projection.name)).toBe(await expectedDocuments(ctx.events, projection));
      }
    });

    it('changes nothing when events are delivered twice (checkpoint lost after the documents were written)', async () => {
      await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 12 });
      const projector = new Projector(ctx.events, ctx.docs, PROJECTIONS, { batchSize: 50 });
      await projector.prepare();
      await projector.catchUp();
      const before = await Promise.all(PROJECTIONS.map((p) => activeDocuments(ctx.docs, p.name)));

      // Replay everything from position 0 into the same collections, as after a lost checkpoint.
      const registry = new ProjectionRegistry(ctx.docs);
      const fixedCollections = Object.fromEntries(
        await Promise.all(PROJECTIONS.map(async (p) => [p.name, (await registry.active(p.name))!.collection] as const)),
      );
      const replay = new Projector(ctx.events, ctx.docs, PROJECTIONS, { batchSize: 7, fixedCollections });
      for (const collection of Object.values(fixedCollections)) await ctx.docs.collection('_checkpoints').delete(collection);
      await replay.catchUp();

      expect(await Promise.all(PROJECTIONS.map((p) => activeDocuments(ctx.docs, p.name)))).toEqual(before);
    });

    it('a rebuild gives byte-identical documents to the live run, and switches the registry', async () => {
      await writeStationHistory(ctx.events, { calls: 2, applicationsPerCall: 12 });
      const live = new Projector(ctx.events, ctx.docs, PROJECTIONS, { batchSize: 25 });
      await live.prepare();
      live.start();
      await waitFor(async () => (await new ProjectionRegistry(ctx.docs).checkpoint('applications_v1_g1')) === Number(await ctx.events.headPosition()));
      await live.stop();
      const liveDocs = await activeDocuments(ctx.docs, 'applications');

      const result = await rebuildProjection(ctx.events, ctx.docs, applicationsProjection, { batchSize: 64, dropPreviousAfterMs: 0 });
      expect(result).toMatchObject({ previousCollection: 'applications_v1_g1', collection: 'applications_v1_g2' });
      expect(await activeDocuments(ctx.docs, 'applications')).toBe(liveDocs);
      expect(await ctx.docs.listCollections()).not.toContain('applications_v1_g1');
    });

    it('a rebuild while the live projector runs switches it to the new collection without losing events', async () => {
      const first = await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 12 });
      const live = new Projector(ctx.events, ctx.docs, PROJECTIONS, { batchSize: 20 });
      await live.prepare();
      live.start();
      try {
        await rebuildProjection(ctx.events, ctx.docs, stationsProjection, { dropPreviousAfterMs: 0 });
        const more = await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 12, startYear: 2021 });
        const head = Number(await ctx.events.headPosition());
        const rebuilt = `stations_v${stationsProjection.version}_g2`;
        // The live projector reads the registry again within refreshTargetsMs, events or not.
        await waitFor(async () => live.snapshot().some((t) => t.collection === rebuilt) && live.snapshot().every((t) => t.checkpoint === head));
        const stations = await ctx.docs.collection(rebuilt).count({});
        expect(stations).toBe(first.stationIds.length + more.stationIds.length);
        expect(await activeDocuments(ctx.docs, 'stations')).toBe(await expectedDocuments(ctx.events, stationsProjection));
      } finally {
        await live.stop();
      }
    });

    it('sees a switch made when no event follows it, and applies to the new collection what its rebuild did not read', async () => {
      await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 12 });
      const live = new Projector(ctx.events, ctx.docs, PROJECTIONS, { batchSize: 20, refreshTargetsMs: 30 });
      await live.prepare();
      live.start();
      try {
        const head = Number(await ctx.events.headPosition());
        await waitFor(async () => live.snapshot().every((t) => t.checkpoint === head));
        await new Promise((resolve) => setTimeout(resolve, 100)); // idle: every look at the registry after the last batch is over
        // A rebuild (here or in another process) whose last read ended 30 events before the head: those
        // were appended between that read and its switch.
        await rebuildProjection(readingUpTo(ctx.events, head - 30), ctx.docs, stationsProjection, { dropPreviousAfterMs: 0 });
        const rebuilt = `stations_v${stationsProjection.version}_g2`;
        expect(await new ProjectionRegistry(ctx.docs).checkpoint(rebuilt)).toBe(head - 30);
        await waitFor(async () => live.applied(rebuilt) === head, 5_000);
        expect(await activeDocuments(ctx.docs, 'stations')).toBe(await expectedDocuments(ctx.events, stationsProjection));
      } finally {
        await live.stop();
      }
    });

    it('never looks at the registry during a batch: a switch made meanwhile loses none of the batch for the new collection', async () => {
      await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 6 });
      const writes = holdWrites(ctx.docs, `stations_v${stationsProjection.version}_g1`);
      const live = new Projector(ctx.events, writes.docs, PROJECTIONS, { batchSize: 1000, refreshTargetsMs: 20 });
      await live.prepare();
      let readsDuringBatch = 0;
      const all = ProjectionRegistry.prototype.all;
      const spy = jest.spyOn(ProjectionRegistry.prototype, 'all').mockImplementation(function (this: ProjectionRegistry) {
        if (writes.holding()) readsDuringBatch += 1;
        return all.call(this);
      });
      live.start();
      try {
        const rebuiltUpTo = Number(await ctx.events.headPosition());
        await waitFor(async () => live.snapshot().every((t) => t.checkpoint === rebuiltUpTo));
        writes.hold();
        // A batch of new stations is read and held while writing them; more events wait behind it.
        await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 6, startYear: 2021 });
        await writes.held;
        await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 6, startYear: 2023 });
        // Meanwhile a rebuild that read the log before that batch switches the stations.
        await rebuildProjection(readingUpTo(ctx.events, rebuiltUpTo), ctx.docs, stationsProjection, { dropPreviousAfterMs: 60_000 });
        await new Promise((resolve) => setTimeout(resolve, 100)); // several looks at the registry are due
        writes.release();
        const head = Number(await ctx.events.headPosition());
        const rebuilt = `stations_v${stationsProjection.version}_g2`;
        await waitFor(async () => live.applied(rebuilt) === head, 5_000);
        expect(await activeDocuments(ctx.docs, 'stations')).toBe(await expectedDocuments(ctx.events, stationsProjection));
        expect(readsDuringBatch).toBe(0);
      } finally {
        writes.release();
        await live.stop();
        spy.mockRestore();
      }
    });

    it('reports a projection whose code version changed as needing a rebuild, and does not project it live', async () => {
      await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 4 });
      await new Projector(ctx.events, ctx.docs, PROJECTIONS).prepare();
      const changed = { ...applicationsProjection, version: 2 };
      const projector = new Projector(ctx.events, ctx.docs, [changed], {});
      expect((await projector.prepare()).map((p) => p.name)).toEqual(['applications']);
      expect(projector.snapshot()).toEqual([]);
      await rebuildProjection(ctx.events, ctx.docs, changed, { dropPreviousAfterMs: 0 });
      expect((await new ProjectionRegistry(ctx.docs).active('applications'))?.collection).toBe('applications_v2_g2');
    });

    it('stores at once the checkpoint of a collection whose documents a batch changed; the others together, later, and all of them when it stops', async () => {
      await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 4 });
      const told = new Map<string, number>();
      const projector = new Projector(ctx.events, ctx.docs, PROJECTIONS, { batchSize: 1, quietCheckpointMs: 60_000, onCheckpoint: (c, p) => told.set(c, p) });
      await projector.prepare();
      await projector.catchUp();
      const registry = new ProjectionRegistry(ctx.docs);
      const stored = () => Promise.all(projector.snapshot().map((t) => registry.checkpoint(t.collection)));
      const start = Number(await ctx.events.headPosition());
      expect(await stored()).toEqual(PROJECTIONS.map(() => start));
      projector.start();
      try {
        // An event no projection has a document for: every checkpoint moves, none is stored yet.
        await ctx.events.append('unrelated-1', [testEvent('Noted')], 'no_stream');
        await waitFor(async () => projector.snapshot().every((t) => t.checkpoint === start + 1));
        expect([...told.values()].every((p) => p === start + 1)).toBe(true);
        expect(await stored()).toEqual(PROJECTIONS.map(() => start));
        // Lag as stored, and as this projector has applied it.
        expect((await projectionLag(ctx.events, registry, PROJECTIONS)).map((l) => l.eventsBehind)).toEqual(PROJECTIONS.map(() => 1));
        const applied = await projectionLag(ctx.events, registry, PROJECTIONS, new Date(), undefined, (c) => projector.applied(c));
        expect(applied.map((l) => l.eventsBehind)).toEqual(PROJECTIONS.map(() => 0));
        // A second history: the applications' checkpoint is stored with the last batch that changed one.
        await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 2, startYear: 2021 });
        const head = Number(await ctx.events.headPosition());
        await waitFor(async () => projector.snapshot().every((t) => t.checkpoint === head));
        const events = await ctx.events.readAll({ after: BigInt(start + 1), maxCount: 10_000 });
        const lastOfApplications = Math.max(...events.filter((e) => documentIdOf(applicationsProjection, e) !== undefined).map((e) => Number(e.position)));
        const applications = projector.snapshot().find((t) => t.name === 'applications')!.collection;
        expect(await registry.checkpoint(applications)).toBeGreaterThanOrEqual(lastOfApplications);
      } finally {
        await projector.stop();
      }
      const end = Number(await ctx.events.headPosition());
      expect(await stored()).toEqual(PROJECTIONS.map(() => end));
    });

    it('stores a checkpoint that moved without a document changing within quietCheckpointMs', async () => {
      await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 2 });
      const projector = new Projector(ctx.events, ctx.docs, PROJECTIONS, { quietCheckpointMs: 20 });
      await projector.prepare();
      await projector.catchUp();
      projector.start();
      try {
        await ctx.events.append('unrelated-1', [testEvent('Noted')], 'no_stream');
        const head = Number(await ctx.events.headPosition());
        const registry = new ProjectionRegistry(ctx.docs);
        // waitFor's own bound, not a tighter one: on a loaded machine a FerretDB write alone has taken seconds.
        await waitFor(async () => (await Promise.all(projector.snapshot().map((t) => registry.checkpoint(t.collection)))).every((p) => p === head));
      } finally {
        await projector.stop();
      }
    });

    it('reads the registry every refreshTargetsMs, not after every batch', async () => {
      await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 2 });
      const reads = { all: 0 };
      const projector = new Projector(ctx.events, ctx.docs, PROJECTIONS, { batchSize: 1, refreshTargetsMs: 60_000 });
      await projector.prepare();
      const all = ProjectionRegistry.prototype.all;
      const spy = jest.spyOn(ProjectionRegistry.prototype, 'all').mockImplementation(function (this: ProjectionRegistry) {
        reads.all += 1;
        return all.call(this);
      });
      try {
        projector.start();
        for (let n = 0; n < 5; n++) await ctx.events.append(`unrelated-${n}`, [testEvent('Noted')], 'no_stream');
        const head = Number(await ctx.events.headPosition());
        await waitFor(async () => projector.snapshot().every((t) => t.checkpoint === head));
        // Once as the live run starts; not after each of its batches.
        expect(reads.all).toBe(1);
      } finally {
        await projector.stop();
        spy.mockRestore();
      }
    });

    it('reports lag in events and seconds', async () => {
      await writeStationHistory(ctx.events, { calls: 1, applicationsPerCall: 4 });
      const projector = new Projector(ctx.events, ctx.docs, PROJECTIONS);
      await projector.prepare();
      const registry = new ProjectionRegistry(ctx.docs);
      const behind = await projectionLag(ctx.events, registry, PROJECTIONS, new Date(Date.now() + 5000));
      const head = Number(await ctx.events.headPosition());
      expect(behind.map((l) => l.eventsBehind)).toEqual(PROJECTIONS.map(() => head));
      expect(behind.every((l) => l.secondsBehind >= 5)).toBe(true);
      await projector.catchUp();
      const caughtUp = await projectionLag(ctx.events, registry, PROJECTIONS);
      expect(caughtUp.map((l) => [l.eventsBehind, l.secondsBehind])).toEqual(PROJECTIONS.map(() => [0, 0]));
    });
  });
}

export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
