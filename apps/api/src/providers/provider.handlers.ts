import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { authorize, notFound, providerKind, stationKind, type ProviderCommand, type SettleAtStation } from '@sme/domain';
import { EVENT_STORE, loadAggregate, type EventStore } from '@sme/event-store';
import { endOfBusinessDay } from '../read-side/business-day';
import { foldView, toPublicView } from '@sme/read-models';
import { projectProvider } from '@sme/read-models/provider.projection';
import { listProviders, providerMovements } from '@sme/read-models/queries/provider-list';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { mayReadProvider, providerReadForbidden, scopeProviderFilter } from './provider-access';
import { ExecuteProviderCommand, GetProviderQuery, ListProvidersQuery, ProviderMovementsQuery } from './provider.messages';

const providerNotFound = () => notFound('PROVIDER_NOT_FOUND', '服务机构不存在', 'The provider does not exist');

@CommandHandler(ExecuteProviderCommand)
export class ExecuteProviderHandler implements ICommandHandler<ExecuteProviderCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ command, ctx }: ExecuteProviderCommand): Promise<CommandResult> {
    const { providerId } = command.data;
    let body = command;
    if (command.type === 'RecordMonitoringEvaluation') {
      body = { ...command, data: { ...command.data, passMark: this.config.providerPassMark } };
    }
    if (command.type === 'SettleAtStation') await this.requireStationFor({ ...command, metadata: { now: ctx.occurredAt, actor: ctx.actor } });
    return toResponse(
      await this.executor.execute({
        id: providerId,
        kind: providerKind,
        command: body as Omit<ProviderCommand, 'metadata'>,
        ctx,
      }),
    );
  }

  /**
   * 入驻 needs a station that exists, is ACTIVE and lies in the provider's city. The provider's access
   * gate runs first, as the executor runs it, so a caller who may not act learns nothing of the station.
   */
  private async requireStationFor(command: SettleAtStation): Promise<void> {
    const { state: provider } = await loadAggregate(this.store, providerKind.streamId(command.data.providerId), providerKind.decider);
    authorize(providerKind.access, command, provider);
    if (provider.status === 'NONE') throw providerNotFound();
    const { state: station } = await loadAggregate(this.store, stationKind.streamId(command.data.stationId), stationKind.decider);
    if (station.status === 'NONE') throw notFound('STATION_NOT_FOUND', '服务站不存在', 'The station does not exist');
    if (station.status !== 'ACTIVE') {
      throw ApiError.conflict('STATION_NOT_ACTIVE', `服务站已${station.status === 'REVOKED' ? '撤销' : '退出'}，不能入驻`, `The station is ${station.status} and takes no providers`);
    }
    if (station.cityCode !== provider.cityCode) {
      throw ApiError.conflict(
        'STATION_OUTSIDE_PROVIDER_CITY',
        `服务站（${station.cityCode}）不在服务机构所在城市（${provider.cityCode}）`,
        `The station (${station.cityCode}) is not in the provider's city (${provider.cityCode})`,
      );
    }
  }
}

@QueryHandler(GetProviderQuery)
export class GetProviderHandler implements IQueryHandler<GetProviderQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ providerId, actor }: GetProviderQuery) {
    const view = foldView(projectProvider, await this.store.readStream(providerKind.streamId(providerId)));
    if (!view) throw providerNotFound();
    if (!mayReadProvider(actor, view)) throw providerReadForbidden();
    return toPublicView(view);
  }
}

@QueryHandler(ListProvidersQuery)
export class ListProvidersHandler implements IQueryHandler<ListProvidersQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListProvidersQuery) {
    const scoped = scopeProviderFilter(actor, filter);
    return listResult(() => listProviders(this.readSide.reader, scoped, sort, page));
  }
}

@QueryHandler(ProviderMovementsQuery)
export class ProviderMovementsHandler implements IQueryHandler<ProviderMovementsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ scope, from, to, actor }: ProviderMovementsQuery) {
    if (from !== undefined && to !== undefined && from > to) {
      throw ApiError.badRequest('PERIOD_INVALID', '起始日期不能晚于结束日期', 'from must not be after to', [
        { field: 'from', rule: 'period', message: { zh: 'from 不能晚于 to', en: 'from must not be after to' } },
      ]);
    }
    const scoped = scopeProviderFilter(actor, scope);
    return { from: from ?? null, to: to ?? null, ...(await providerMovements(this.readSide.reader, scoped, from, to)) };
  }
}

/** A business date as the instant the "in the 库 on" filter compares with (the close of that day, China). */
export const inPoolInstant = (date: string): string => endOfBusinessDay(date).toISOString();
