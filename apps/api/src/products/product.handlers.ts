import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { inPoolOn, notFound, productKind, providerKind, serviceCaseKind, type Actor, type ProductCommand, type ServiceCaseCommand } from '@sme/domain';
import { EVENT_STORE, loadAggregate, type EventStore } from '@sme/event-store';
import { foldView, toPublicView } from '@sme/read-models';
import { projectProduct, projectServiceCase, type ProductView } from '@sme/read-models/product.projection';
import type { ProviderView } from '@sme/read-models/provider.projection';
import { listCatalogue, listProducts, listServiceCases } from '@sme/read-models/queries/product-list';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { caseReadForbidden, mayReadLibraryRecord, productReadForbidden, readsByRegion, scopeLibraryFilter } from './product-access';
import { ExecuteCaseCommand, ExecuteProductCommand, GetCaseQuery, GetProductQuery, ListLibraryQuery } from './product.messages';

const providerNotFound = () => notFound('PROVIDER_NOT_FOUND', '服务机构不存在', 'The provider does not exist');

/** The provider's record, as products and cases need it: its organisation and whether it is in the 库 at `at`. */
async function providerFacts(store: EventStore, providerId: string, at: Date): Promise<{ providerOrgId: string; providerInPool: boolean }> {
  const { state } = await loadAggregate(store, providerKind.streamId(providerId), providerKind.decider);
  if (state.status === 'NONE') throw providerNotFound();
  return { providerOrgId: state.uscc, providerInPool: inPoolOn(state, at) };
}

@CommandHandler(ExecuteProductCommand)
export class ExecuteProductHandler implements ICommandHandler<ExecuteProductCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ command, ctx }: ExecuteProductCommand): Promise<CommandResult> {
    const { productId } = command.data;
    let full: Omit<ProductCommand, 'metadata'>;
    if (command.type === 'PublishProduct') {
      full = { type: 'PublishProduct', data: { ...command.data, ...(await providerFacts(this.store, command.data.providerId, ctx.occurredAt)) } };
    } else if (command.type === 'ReviseProduct') {
      const { state } = await loadAggregate(this.store, productKind.streamId(productId), productKind.decider);
      const providerInPool = state.status === 'NONE' ? false : (await providerFacts(this.store, state.providerId, ctx.occurredAt)).providerInPool;
      full = { type: 'ReviseProduct', data: { ...command.data, providerInPool } };
    } else {
      full = command;
    }
    return toResponse(
      await this.executor.execute({
        id: productId,
        kind: productKind,
        command: full,
        ctx,
      }),
    );
  }
}

@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseHandler implements ICommandHandler<ExecuteCaseCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ command, ctx }: ExecuteCaseCommand): Promise<CommandResult> {
    const { caseId } = command.data;
    const full: Omit<ServiceCaseCommand, 'metadata'> =
      command.type === 'PublishCase'
        ? { type: 'PublishCase', data: { ...command.data, ...(await providerFacts(this.store, command.data.providerId, ctx.occurredAt)) } }
        : command;
    return toResponse(
      await this.executor.execute({
        id: caseId,
        kind: serviceCaseKind,
        command: full,
        ctx,
      }),
    );
  }
}

/** The region of a product's or case's provider, when the reader's access turns on it. */
async function providerRegionFor(store: EventStore, actor: Actor, providerId: string): Promise<string | undefined> {
  if (!readsByRegion(actor)) return undefined;
  const { state } = await loadAggregate(store, providerKind.streamId(providerId), providerKind.decider);
  return state.status === 'NONE' ? undefined : state.regionCode;
}

@QueryHandler(GetProductQuery)
export class GetProductHandler implements IQueryHandler<GetProductQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ productId, actor }: GetProductQuery) {
    const view = foldView(projectProduct, await this.store.readStream(productKind.streamId(productId)));
    if (!view) throw notFound('PRODUCT_NOT_FOUND', '服务产品不存在', 'The product does not exist');
    if (!mayReadLibraryRecord(actor, view, await providerRegionFor(this.store, actor, view.providerId))) throw productReadForbidden();
    return toPublicView(view);
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, actor }: GetCaseQuery) {
    const view = foldView(projectServiceCase, await this.store.readStream(serviceCaseKind.streamId(caseId)));
    if (!view) throw notFound('CASE_NOT_FOUND', '服务案例不存在', 'The case does not exist');
    if (!mayReadLibraryRecord(actor, view, await providerRegionFor(this.store, actor, view.providerId))) throw caseReadForbidden();
    return toPublicView(view);
  }
}

/** What the public catalogue shows of a product: the 六公开, the fee and time limit, the classification and the provider. */
function catalogueEntry(p: ProductView, providers: Map<string, ProviderView>) {
  const provider = providers.get(p.providerId);
  return {
    id: p.id,
    version: p.version,
    provider: { id: p.providerId, name: provider?.name ?? null, regionCode: provider?.regionCode ?? null },
    item: p.item,
    content: p.content,
    process: p.process,
    standard: p.standard,
    supervision: p.supervision,
    contact: p.contact,
    fee: p.fee,
    timeLimit: p.timeLimit,
    classification: p.classification,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
  };
}

@QueryHandler(ListLibraryQuery)
export class ListLibraryHandler implements IQueryHandler<ListLibraryQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ list, filter, sort, page, actor }: ListLibraryQuery) {
    const reader = this.readSide.reader;
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
    return { ...result, items: result.items.map((p) => catalogueEntry(p as unknown as ProductView, byId)) };
  }
}
