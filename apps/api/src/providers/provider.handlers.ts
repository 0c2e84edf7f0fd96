import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { endOfBusinessDay } from '../read-side/business-day';
import { listProviders, providerMovements } from '@sme/read-models/queries/provider-list';
import { ApiError } from '../http/api-error';
import { actorListHandler } from '../read-side/actor-list-handler';
import { ReadSide } from '../read-side/read-side.service';
import { scopeProviderFilter } from './provider-access';
import { ListProvidersQuery, ProviderMovementsQuery } from './provider.messages';

export const ListProvidersHandler = actorListHandler(ListProvidersQuery, scopeProviderFilter, listProviders);

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
