import { Body, Injectable, Optional, Param, type PipeTransform, type Type } from '@nestjs/common';
import { Reactors } from '../reactors/reactors.service';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Actor, DomainCommand, RecordKind } from '@sme/domain';
import type { RecordedEvent } from '@sme/event-store';
import type { PageRequest, PublicView, TimeSlice, ViewVersion } from '@sme/read-models';
import { pageOf, type ActorListQuery, type ShownPage } from '../read-side/list-query';
import type { ListQueryDto } from '../read-side/list-query.dto';
import { recordQuery, type ReadTime, type RecordReading } from '../records/record-query';
import type { CommandResult } from './command-executor';
import { ExecuteKindCommand, type AnyKindCommands } from './kind-command';
import { IdPipe } from '../records/id.pipe';
import { Ctx, type RequestContext } from './request-context';
import { CommandPost, type CommandPostRoute } from './routes';

/** A controller of one record kind: its command routes run the kind's commands, its reads go to the query bus. */
@Injectable()
export abstract class KindController<B> {
  protected abstract readonly kindCommands: AnyKindCommands<B>;

  constructor(
    protected readonly commands: CommandBus,
    protected readonly queries: QueryBus,
    @Optional() protected readonly reactors?: Reactors,
  ) {}

  /** Runs one of the kind's commands (the `commandRoutes` rows call it too). */
  run(command: B, ctx: RequestContext): Promise<CommandResult> {
    return this.commands.execute(new ExecuteKindCommand(this.kindCommands, command, ctx));
  }

  /** For a step whose event has follow-ups (a 差评 opens one): answers once the reactions have written them, or their wait ran out. */
  async runAndSettle(command: B, ctx: RequestContext): Promise<CommandResult> {
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

type DataOf<B, T> = B extends { type: T; data: infer D } ? D : never;

/** The parameters of a route path: `':id/orders/:orderId'` → `{ id: string; orderId: string }`. */
type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<Rest>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : object;

/** A command route: its command's data is built from the path's parameters, the validated body and the request's context. */
export interface CommandRouteRow<B, T, P extends string, D> extends CommandPostRoute {
  path?: P;
  /** The body's class, validated before `data` sees it; none for a route that takes no body. */
  body?: Type<D>;
  data: (params: PathParams<P>, dto: D, ctx: RequestContext) => DataOf<B, T>;
  /** What the answer names besides the command's result (the id of a part the command added, its Location). */
  answer?: (data: DataOf<B, T>) => object;
  /** The pipe the `:id` parameter passes through (record ids are UUIDs: `IdPipe`, the default). */
  idPipe?: Type<PipeTransform>;
  /** Answer once the reactions to its events have written their follow-ups (`runAndSettle`). */
  settle?: true;
}

/** Makes one row, typed by its command, its path and its body class. */
export type CommandRowOf<B> = <T extends B extends { type: infer U } ? U : never, const P extends string = '', D = undefined>(
  command: T,
  route: CommandRouteRow<B, T, P, D>,
) => CommandRow;

interface CommandRow extends CommandPostRoute {
  command: string;
  body?: Type<unknown>;
  data: (params: never, dto: never, ctx: RequestContext) => unknown;
  answer?: (data: never) => object;
  idPipe?: Type<PipeTransform>;
  settle?: true;
}

/**
 * Declares a record kind's command routes, a row each: what the route is (path, summary, status, body
 * class) and how its command's data is made of the path, the body and the request. Each row becomes a
 * method of `controller` named by its key, with the same route, guards, pipes and API docs
 * (`ActivityController_postpone`) a hand-written `@CommandPost` method would have.
 */
export function commandRoutes<B, C extends DomainCommand>(
  controller: abstract new (...args: never[]) => KindController<B>,
  kind: Pick<RecordKind<C, never, never>, 'name' | 'access'>,
  table: (on: CommandRowOf<B>) => Record<string, CommandRow>,
): void {
  const prototype = controller.prototype as object;
  const rows = table((command, route) => ({ command, ...route }) as CommandRow);
  for (const [method, row] of Object.entries(rows)) {
    const { command, path = '', body, data, answer, idPipe = IdPipe, settle } = row;
    const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const bodyAt = body === undefined ? -1 : names.length;
    const ctxAt = names.length + (body === undefined ? 0 : 1);
    const handler = async function (this: KindController<B>, ...args: unknown[]) {
      const params = Object.fromEntries(names.map((name, i) => [name, args[i]]));
      const ctx = args[ctxAt] as RequestContext;
      const commandData = data(params as never, (bodyAt < 0 ? undefined : args[bodyAt]) as never, ctx);
      const commandBody = { type: command, data: commandData } as B;
      const result = await (settle ? this.runAndSettle(commandBody, ctx) : this.run(commandBody, ctx));
      return answer === undefined ? result : { ...result, ...answer(commandData as never) };
    };
    Object.defineProperty(handler, 'name', { value: method });
    Object.defineProperty(prototype, method, { value: handler, writable: true, configurable: true, enumerable: false });
    Reflect.defineMetadata('design:paramtypes', [...names.map(() => String), ...(body === undefined ? [] : [body]), Object], prototype, method);
    // Right to left, as TypeScript applies parameter decorators: the API docs list the path's parameters in order.
    Ctx()(prototype, method, ctxAt);
    if (body !== undefined) Body()(prototype, method, bodyAt);
    names.forEach((_, i) => {
      const name = names[names.length - 1 - i];
      Param(name, name === 'id' ? idPipe : IdPipe)(prototype, method, names.length - 1 - i);
    });
    CommandPost(kind, command as C['type'], row)(prototype, method, Object.getOwnPropertyDescriptor(prototype, method)!);
  }
}
