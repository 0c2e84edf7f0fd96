import { SqliteEventStore, type EventStore } from '@sme/event-store';
import { writeActivityHistory } from '@sme/messaging/asyncapi/testing/activity-history';
import { writeServiceHistory } from '@sme/messaging/asyncapi/testing/service-history';
import {
  deliveriesProjection,
  EmbeddedDocumentStore,
  EVALUATION_PROJECTIONS,
  evaluatedOrganisations,
  eventsUpTo,
  foldViews,
  RecordTimeIndex,
  viewsAt,
  type DocumentStore,
  type Projection,
  type SliceStats,
} from '@sme/read-models';
import { rebuildProjection } from '@sme/read-models/projector/rebuild';
import { writeStationHistory } from '@sme/read-models/testing/station-history';

/** Through the index of dated record states alone (what `documentsAt` falls back to), keeping each answer's statistics. */
const throughIndex = (index: RecordTimeIndex, stats: SliceStats[]): Pick<RecordTimeIndex, 'documentsAt'> => ({
  documentsAt: async (projection, upTo) => {
    const answer = await index.documentsAsOf(projection, {}, upTo);
    stats.push(answer.stats);
    return answer.documents as never;
  },
});

describe('An evaluation’s views from the read side, as the replay of the log gives them', () => {
  const events = new SqliteEventStore(':memory:');
  const stores: DocumentStore[] = [];
  let middle: bigint;
  let head: bigint;
  /** The documents and the index at the head; the documents at the middle of the log, the index at the head; the reverse; the index alone. */
  let full: DocumentStore;
  let documentsEarly: DocumentStore;
  let indexEarly: DocumentStore;
  let indexOnly: DocumentStore;
  const newStore = () => {
    const store = new EmbeddedDocumentStore(':memory:');
    stores.push(store);
    return store;
  };
  const rebuildAll = async (docs: DocumentStore) => {
    for (const projection of EVALUATION_PROJECTIONS) await rebuildProjection(events, docs, projection);
  };

  beforeAll(async () => {
    await writeStationHistory(events, { calls: 1, applicationsPerCall: 10, startYear: 2019 });
    await writeServiceHistory(events, { year: 2019 });
    await writeActivityHistory(events, { year: 2019 });
    middle = await events.headPosition();
    documentsEarly = newStore();
    indexEarly = newStore();
    await rebuildAll(documentsEarly);
    await new RecordTimeIndex(events, indexEarly).catchUp();
    await writeServiceHistory(events, { year: 2019 });
    await writeActivityHistory(events, { year: 2019 });
    await writeStationHistory(events, { calls: 1, applicationsPerCall: 6, startYear: 2020 });
    head = await events.headPosition();
    await new RecordTimeIndex(events, documentsEarly).catchUp();
    await rebuildAll(indexEarly);
    full = newStore();
    await rebuildAll(full);
    await new RecordTimeIndex(events, full).catchUp();
    indexOnly = newStore();
    await new RecordTimeIndex(events, indexOnly).catchUp();
  }, 120_000);

  afterAll(async () => {
    for (const store of stores) await store.close();
    await events.close();
  });

  /** Positions across the log: records begun before and changed after most of them. */
  const positions = () => [1n, middle / 3n, middle / 2n, middle - 1n, middle, middle + (head - middle) / 2n, head - 3n, head];

  /** The views at positions across the log, as the API reads them and through the index alone, against the replay. */
  const compare = async (docs: DocumentStore, log: EventStore = events) => {
    const stats: SliceStats[] = [];
    const differing: string[] = [];
    for (const position of positions()) {
      const replayed = await foldViews(eventsUpTo(events, position));
      const index = new RecordTimeIndex(log, docs);
      for (const [path, read] of [
        ['read side', await viewsAt(index, position)],
        ['index', await viewsAt(throughIndex(index, stats), position)],
      ] as const) {
        if (JSON.stringify(read) !== JSON.stringify(replayed)) differing.push(`${path} at ${position}`);
        for (const subject of ['STATION', 'PROVIDER', 'CENTRE'] as const) {
          const scope = { cityCode: '440100', year: 2019, subject };
          if (JSON.stringify(evaluatedOrganisations(read, scope)) !== JSON.stringify(evaluatedOrganisations(replayed, scope))) differing.push(`${path} at ${position}, ${subject}`);
        }
      }
    }
    return { differing, stats };
  };

  it('the log holds what an evaluation counts', async () => {
    const views = await foldViews(eventsUpTo(events, head));
    expect(views.stations.length).toBeGreaterThan(3);
    expect(views.deliveries.length).toBeGreaterThan(3);
    expect(views.activities.length).toBeGreaterThan(1);
    expect(views.followUps.length).toBeGreaterThan(0);
    expect(evaluatedOrganisations(views, { cityCode: '440100', year: 2019, subject: 'STATION' }).length).toBeGreaterThan(0);
  });

  it('gives the replay’s views at every position, today’s documents serving the records with no event since', async () => {
    const { differing, stats } = await compare(full);
    expect(differing).toEqual([]);
    expect(stats.some((s) => s.current > 0 && s.folded > 0)).toBe(true);
    expect(stats.every((s) => s.tail === 0)).toBe(true);
  });

  it('gives them when the documents stand behind (the records changed since are folded)', async () => {
    const { differing, stats } = await compare(documentsEarly);
    expect(differing).toEqual([]);
    expect(stats.some((s) => s.current > 0)).toBe(true);
  });

  it('gives them when the index stands behind (the rest read from the log up to the position)', async () => {
    const { differing, stats } = await compare(indexEarly);
    expect(differing).toEqual([]);
    expect(stats.some((s) => s.tail > 0)).toBe(true);
  });

  it('gives them when a rebuild makes another generation active while the documents are read', async () => {
    const docs = newStore();
    await rebuildAll(docs);
    await new RecordTimeIndex(events, docs).catchUp();
    // The first read of the deliveries' whole collection starts a rebuild first, which swaps the generation and drops (no grace period) the one about to be read.
    let swapped = false;
    const racing: DocumentStore = Object.assign(Object.create(docs) as DocumentStore, {
      collection: (name: string) => {
        const collection = docs.collection(name);
        if (!name.startsWith('deliveries')) return collection;
        return Object.assign(Object.create(collection), {
          find: async (...args: Parameters<typeof collection.find>) => {
            if (!swapped && Object.keys(args[0]).length === 0) {
              swapped = true;
              await rebuildProjection(events, docs, deliveriesProjection as Projection, { dropPreviousAfterMs: 0 });
            }
            return collection.find(...args);
          },
        });
      },
    });
    const read = await viewsAt(new RecordTimeIndex(events, racing), head);
    expect(swapped).toBe(true);
    expect(JSON.stringify(read)).toBe(JSON.stringify(await foldViews(eventsUpTo(events, head))));
  });

  it('gives them with no documents at all (every record folded)', async () => {
    const { differing, stats } = await compare(indexOnly);
    expect(differing).toEqual([]);
    expect(stats.every((s) => s.current === 0)).toBe(true);
  });
});
