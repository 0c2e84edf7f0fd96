import { Injectable, Optional } from '@nestjs/common';
import { Reactors } from '../reactors/reactors.service';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { RecordedEvent } from '@sme/event-store';
import type { PageRequest, PublicView, TimeSlice, ViewVersion } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { pageOf, type ActorListQuery, type ShownPage } from '../read-side/list-query';
import type { ListQueryDto } from '../read-side/list-query.dto';
import { recordQuery, type ReadTime, type RecordReading } from '../records/record-query';
import type { CommandResult } from './command-executor';
import { ExecuteKindCommand, type AnyKindCommands } from './kind-command';
import type { RequestContext } from './request-context';

/** A controller of one record kind: its command routes run the kind's commands, its reads go to the query bus. */
@Injectable()
export abstract class KindController<B> {
  protected abstract readonly kindCommands: AnyKindCommands<B>;

  constructor(
    protected readonly commands: CommandBus,
    protected readonly queries: QueryBus,
    @Optional() protected readonly reactors?: Reactors,
  ) {}

  protected run(command: B, ctx: RequestContext): Promise<CommandResult> {
    return this.commands.execute(new ExecuteKindCommand(this.kindCommands, command, ctx));
  }

  /** For a step whose event has follow-ups (a 差评 opens one): answers once the reactions have written them, or their wait ran out. */
  protected async runAndSettle(command: B, ctx: RequestContext): Promise<CommandResult> {
    const result = await this.run(command, ctx);
    const { recorded } = result as CommandResult & { recorded?: RecordedEvent[] };
    if (result.position !== null && this.reactors) await this.reactors.settled(BigInt(result.position), undefined, recorded);
    return result;
  }

  /** One record as `reading` folds it; replayed to a business time (`asOf`) as known at a record time (`knownAt`) for an AUDITOR only. */
  protected readRecord<V extends ViewVersion, S = PublicView<V>>(reading: RecordReading<V, S>, id: string, actor: Actor, when: ReadTime = {}): Promise<S> {
    return this.queries.execute(recordQuery(reading, id, actor, when));
  }

  /** A list read on behalf of `actor` whose filter is every field of the request but its sort, page and time. */
  protected readList<Q extends ListQueryDto, V extends ViewVersion>(
    list: new (filter: Omit<Q, 'sort' | 'limit' | 'cursor' | 'asOf' | 'knownAt'>, sort: string | undefined, page: PageRequest, actor: Actor, when?: TimeSlice) => ActorListQuery<unknown, V>,
    query: Q,
    actor: Actor,
  ): Promise<ShownPage<PublicView<V>>> {
    const { filter, sort, page, when } = pageOf(query);
    return this.queries.execute(new list(filter, sort, page, actor, when));
  }
}
