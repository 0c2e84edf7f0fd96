import type { ApplicationStage } from '@sme/domain';
import type { DocumentCollection, DocumentStore, Filter, StoredDocument } from '../document-store/document-store.port';
import { ProjectionRegistry } from '../projector/projection-registry';
import type { ApplicationView, CallView, StationView } from '../views';
import { cursorPage, type Page, type PageRequest, type SortKey } from './cursor-page';

type Stored<V> = V & StoredDocument;

export interface ApplicationListFilter {
  callId?: string;
  /** Applications of any of these calls. */
  callIds?: readonly string[];
  cityCode?: string;
  districtCode?: string;
  stage?: ApplicationStage;
  ownerOrgId?: string;
  /** Only applications on whose expert panel this expert sits. */
  expertId?: string;
  /** Case-insensitive text in the operator's or the station's name. */
  q?: string;
}

export interface StationListFilter {
  cityCode?: string;
  districtCode?: string;
  status?: StationView['status'];
  callId?: string;
  /** Case-insensitive text in the station's name, the operator's name or the plaque number. */
  q?: string;
}

export interface CallListFilter {
  cityCode?: string;
  status?: CallView['status'];
}

/** Sorts a list accepts: name → keys. A leading '-' in a request means descending. */
export const APPLICATION_SORTS = ['draftedAt', 'updatedAt', 'stationName', 'operatorName'] as const;
export const STATION_SORTS = ['plaqueNumber', 'name', 'designatedAt', 'updatedAt'] as const;
export const CALL_SORTS = ['openedAt', 'districtDeadline', 'title'] as const;

export class NoProjectionError extends Error {
  constructor(readonly projection: string) {
    super(`The read model ${projection} has not been built yet`);
    this.name = 'NoProjectionError';
  }
}

export function sortKeys(requested: string | undefined, allowed: readonly string[], fallback: string): SortKey[] {
  const spec = requested ?? fallback;
  const descending = spec.startsWith('-');
  const field = descending ? spec.slice(1) : spec;
  if (!allowed.includes(field)) throw new RangeError(`sort must be one of ${allowed.flatMap((f) => [f, `-${f}`]).join(', ')}`);
  return [[field, descending ? -1 : 1]];
}

/** Regex-safe, case-insensitive "contains". */
export function containsText(text: string): { $regex: string; $options: string } {
  return { $regex: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
}

/** Reads the projections' active collections (looked up in the registry at each query, so a rebuild's switch is seen at once). */
export interface ReadModelReaderOptions {
  /**
   * Runs before a projection's collection is read: where the caller waits until the projection has
   * applied the position it must see (read-your-writes). Only the projection read is waited for.
   */
  beforeRead?: (projection: string, collection: string) => Promise<void>;
}

export class ReadModelReader {
  readonly registry: ProjectionRegistry;

  constructor(
    private readonly docs: DocumentStore,
    private readonly options: ReadModelReaderOptions = {},
  ) {
    this.registry = new ProjectionRegistry(docs);
  }

  async collection<V>(name: string): Promise<DocumentCollection<Stored<V>>> {
    const entry = await this.registry.active(name);
    if (!entry) throw new NoProjectionError(name);
    await this.options.beforeRead?.(name, entry.collection);
    return this.docs.collection<Stored<V>>(entry.collection);
  }

  async call(id: string): Promise<Stored<CallView> | null> {
    return (await this.collection<CallView>('calls')).findOne({ _id: id });
  }

  async listCalls(filter: CallListFilter, sort: string | undefined, page: PageRequest): Promise<Page<Stored<CallView>>> {
    const query: Filter = {};
    if (filter.cityCode) query.cityCode = filter.cityCode;
    if (filter.status) query.status = filter.status;
    return cursorPage(await this.collection<CallView>('calls'), query, sortKeys(sort, CALL_SORTS, '-openedAt'), page);
  }

  async listApplications(filter: ApplicationListFilter, sort: string | undefined, page: PageRequest): Promise<Page<Stored<ApplicationView>>> {
    const query = applicationFilter(filter);
    return cursorPage(await this.collection<ApplicationView>('applications'), query, sortKeys(sort, APPLICATION_SORTS, 'draftedAt'), page);
  }

  async applications(filter: ApplicationListFilter): Promise<Stored<ApplicationView>[]> {
    return (await this.collection<ApplicationView>('applications')).find(applicationFilter(filter), { sort: { _id: 1 } });
  }

  async listStations(filter: StationListFilter, sort: string | undefined, page: PageRequest): Promise<Page<Stored<StationView>>> {
    return cursorPage(await this.collection<StationView>('stations'), stationFilter(filter), sortKeys(sort, STATION_SORTS, 'plaqueNumber'), page);
  }

  async stations(filter: StationListFilter): Promise<Stored<StationView>[]> {
    return (await this.collection<StationView>('stations')).find(stationFilter(filter), { sort: { plaqueNumber: 1, _id: 1 } });
  }

  async calls(filter: CallListFilter): Promise<Stored<CallView>[]> {
    const query: Filter = {};
    if (filter.cityCode) query.cityCode = filter.cityCode;
    if (filter.status) query.status = filter.status;
    return (await this.collection<CallView>('calls')).find(query, { sort: { openedAt: 1, _id: 1 } });
  }
}

export function applicationFilter(filter: ApplicationListFilter): Filter {
  const query: Filter = {};
  if (filter.callId) query.callId = filter.callId;
  else if (filter.callIds) query.callId = { $in: [...filter.callIds] };
  if (filter.cityCode) query.cityCode = filter.cityCode;
  if (filter.districtCode) query.districtCode = filter.districtCode;
  if (filter.stage) query.stage = filter.stage;
  if (filter.ownerOrgId) query.ownerOrgId = filter.ownerOrgId;
  if (filter.expertId) query['panel.expertId'] = filter.expertId;
  if (filter.q) query.$or = [{ operatorName: containsText(filter.q) }, { stationName: containsText(filter.q) }];
  return query;
}

export function stationFilter(filter: StationListFilter): Filter {
  const query: Filter = {};
  if (filter.cityCode) query.cityCode = filter.cityCode;
  if (filter.districtCode) query.districtCode = filter.districtCode;
  if (filter.status) query.status = filter.status;
  if (filter.callId) query.callId = filter.callId;
  if (filter.q) {
    query.$or = [{ name: containsText(filter.q) }, { 'operator.name': containsText(filter.q) }, { plaqueNumber: containsText(filter.q) }];
  }
  return query;
}
