import { stationKind } from '@sme/domain';
import type { EventStore } from '@sme/event-store';
import { foldView, projectStation, type StationView } from '@sme/read-models';

/** A station as the ledger's own projection shows it, without the storage fields. */
export type ProjectedStation = Omit<StationView, '_id' | '_position'>;

/** The ledger's registry: the stations projection folded from each station stream of the store. */
export async function projectedRegistry(store: EventStore, stationIds: readonly string[]): Promise<Map<string, ProjectedStation>> {
  const registry = new Map<string, ProjectedStation>();
  for (const id of stationIds) {
    const view = foldView(projectStation, await store.readStream(stationKind.streamId(id)));
    if (!view) throw new Error(`Station ${id} has no view`);
    const { _id: _ignored, _position: _alsoIgnored, ...shown } = view;
    registry.set(id, shown);
  }
  return registry;
}
