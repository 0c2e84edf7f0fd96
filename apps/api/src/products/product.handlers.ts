import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ReadModelReader } from '@sme/read-models';
import type { ProviderView } from '@sme/read-models/provider.projection';
import { listCatalogue, listProducts, listServiceCases } from '@sme/read-models/queries/product-list';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { catalogueEntry } from './catalogue-entry';
import { scopeLibraryFilter } from './product-access';
import { ListLibraryQuery } from './product.messages';

@QueryHandler(ListLibraryQuery)
export class ListLibraryHandler implements IQueryHandler<ListLibraryQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute(query: ListLibraryQuery) {
    return this.readSide.at(query.when, query.actor, (reader) => this.list(reader, query));
  }

  private async list(reader: ReadModelReader, { list, filter, sort, page, actor }: ListLibraryQuery) {
    // Everyone sees the products on show in the public catalogue; the lists show what the actor may read.
    if (list !== 'catalogue') {
      if (!actor) throw new Error(`The ${list} list needs an actor`);
      const scoped = await scopeLibraryFilter(actor, filter, reader);
      if (list === 'products') return listResult(() => listProducts(reader, scoped, sort, page));
      return listResult(() => listServiceCases(reader, scoped, sort, page));
    }
    const result = await listResult(() => listCatalogue(reader, filter, sort, page));
    const ids = [...new Set(result.items.map((p) => p.providerId))];
    const providers = await (await reader.collection<ProviderView>('providers')).find({ _id: { $in: ids } });
    const byId = new Map(providers.map((p) => [p.id, p]));
    return { ...result, items: result.items.map((p) => catalogueEntry(p, byId)) };
  }
}
