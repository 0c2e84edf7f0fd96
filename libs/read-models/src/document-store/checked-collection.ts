import {
  assertFilter,
  assertFindOptions,
  assertIndexSpecs,
  assertStorableBatch,
  assertStorableDocument,
  defaultIndexName,
  effectiveSort,
} from './document-rules';
import type { DocumentCollection, Filter, FindOptions, IndexSpec, Sort, StoredDocument, WriteOutcome } from './document-store.port';

/** An index as both adapters keep it: its name given or MongoDB's default, `unique` always said. */
export interface NamedIndex {
  name: string;
  keys: Record<string, 1 | -1>;
  unique: boolean;
}

/**
 * A collection of either adapter, behind the port's rules: every call's arguments are checked here
 * (document-rules.ts) before the adapter's storage is touched, the sort is the effective one and an
 * index has its name, so an adapter writes only what its storage does with them.
 */
export abstract class CheckedCollection implements DocumentCollection {
  constructor(readonly name: string) {}

  async findOne(filter: Filter): Promise<StoredDocument | null> {
    assertFilter(filter);
    return this.first(filter, effectiveSort(undefined));
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<StoredDocument[]> {
    assertFilter(filter);
    assertFindOptions(options);
    return this.page(filter, effectiveSort(options.sort), options);
  }

  async count(filter: Filter): Promise<number> {
    assertFilter(filter);
    return this.countMatching(filter);
  }

  async putIfNewer(doc: StoredDocument): Promise<WriteOutcome> {
    assertStorableDocument(doc);
    return this.replaceIfNewer(doc);
  }

  async putManyIfNewer(docs: readonly StoredDocument[], stored?: ReadonlyMap<string, number>): Promise<number> {
    assertStorableBatch(docs, 'putManyIfNewer');
    if (docs.length === 0) return 0;
    return this.replaceManyIfNewer(docs, stored);
  }

  async put(doc: StoredDocument): Promise<void> {
    assertStorableDocument(doc);
    return this.replace(doc);
  }

  async insertMany(docs: readonly StoredDocument[]): Promise<void> {
    assertStorableBatch(docs, 'insertMany');
    if (docs.length > 0) await this.insertAll(docs);
  }

  abstract delete(id: string): Promise<boolean>;

  async deleteMany(filter: Filter): Promise<number> {
    assertFilter(filter);
    return this.deleteMatching(filter);
  }

  async distinct(field: string, filter: Filter = {}): Promise<unknown[]> {
    assertFilter(filter);
    return this.distinctMatching(field, filter);
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    assertIndexSpecs(indexes);
    if (indexes.length === 0) return;
    return this.ensureNamedIndexes(
      indexes.map((spec) => ({ name: spec.name ?? defaultIndexName(spec.keys), keys: { ...spec.keys }, unique: spec.unique === true })),
    );
  }

  protected abstract first(filter: Filter, sort: Sort): Promise<StoredDocument | null>;
  /** The matching documents in `sort` order, `skip` and `limit` applied (limit 0 means none, as in MongoDB). */
  protected abstract page(filter: Filter, sort: Sort, options: Pick<FindOptions, 'skip' | 'limit'>): Promise<StoredDocument[]>;
  protected abstract countMatching(filter: Filter): Promise<number>;
  protected abstract replaceIfNewer(doc: StoredDocument): Promise<WriteOutcome>;
  /** At least one document, with distinct ids. */
  /** `stored`: the positions the caller has just read, when it has (see DocumentCollection.putManyIfNewer). */
  protected abstract replaceManyIfNewer(docs: readonly StoredDocument[], stored?: ReadonlyMap<string, number>): Promise<number>;
  protected abstract replace(doc: StoredDocument): Promise<void>;
  protected abstract insertAll(docs: readonly StoredDocument[]): Promise<void>;
  protected abstract deleteMatching(filter: Filter): Promise<number>;
  protected abstract distinctMatching(field: string, filter: Filter): Promise<unknown[]>;
  /** At least one index. */
  protected abstract ensureNamedIndexes(indexes: readonly NamedIndex[]): Promise<void>;
}
