import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  chinaDateOf,
  authorize,
  enterpriseKind,
  notFound,
  parseUscc,
  sizeStandardOn,
  ENTERPRISE_TAGS,
  isTagGrantValidOn,
  usccHeldByAnother,
  usccReservationKind,
  type EnterpriseCommand,
  type RegisterEnterprise,
  type ReserveUscc,
} from '@sme/domain';
import { EVENT_STORE, loadAggregate, WrongExpectedRevisionError, type EventStore } from '@sme/event-store';
import { foldView, listEnterprises, projectEnterprise, toPublicView } from '@sme/read-models';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import type { RequestContext } from '../commands/request-context';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { enterpriseReadForbidden, mayReadEnterprise, scopeEnterpriseFilter } from './enterprise-access';
import { ExecuteEnterpriseCommand, GetEnterpriseQuery, ListEnterprisesQuery, type RegisterEnterpriseBody } from './enterprise.messages';

const enterpriseNotFound = () => notFound('ENTERPRISE_NOT_FOUND', '企业不存在', 'The enterprise does not exist');

@CommandHandler(ExecuteEnterpriseCommand)
export class ExecuteEnterpriseHandler implements ICommandHandler<ExecuteEnterpriseCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ command, ctx }: ExecuteEnterpriseCommand): Promise<CommandResult> {
    if (command.type === 'RegisterEnterprise') return this.register(command, ctx);
    const { enterpriseId } = command.data;
    const legalBasis =
      command.type === 'GrantEnterpriseTag' ? command.data.documentNumber : command.type === 'RevokeEnterpriseTag' ? undefined : this.sizeStandard(ctx);
    return toResponse(await this.run(enterpriseId, command, ctx, legalBasis));
  }

  /**
   * 入库, with the USCC made unique across records: check it once without writing, as the executor will —
   * the access gate, then the If-Match, then the decider (any refusal, including a code another record
   * holds, leaves the log untouched) — then reserve the code — the stream `uscc-<USCC>` is created with
   * 'no_stream', so one of two racing registrations gets 409 USCC_ALREADY_REGISTERED — and then write the
   * enterprise. A retry of the same registration (same enterpriseId) finds its own reservation.
   */
  private async register(command: RegisterEnterpriseBody, ctx: RequestContext): Promise<CommandResult> {
    const { enterpriseId } = command.data;
    const uscc = parseUscc(command.data.uscc, 'uscc');
    const reservation = uscc.ok
      ? (await loadAggregate(this.store, usccReservationKind.streamId(uscc.value), usccReservationKind.decider)).state
      : usccReservationKind.decider.initialState();
    const full: RegisterEnterprise = {
      type: 'RegisterEnterprise',
      data: { ...command.data, usccAlreadyRegistered: usccHeldByAnother(reservation, enterpriseId) },
      metadata: { now: ctx.occurredAt, actor: ctx.actor },
    };

    const streamId = enterpriseKind.streamId(enterpriseId);
    const { state, revision } = await loadAggregate(this.store, streamId, enterpriseKind.decider);
    authorize(enterpriseKind.access, full, state);
    if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== revision) {
      throw new WrongExpectedRevisionError(streamId, ctx.expectedRevision, revision < 0n ? 'no_stream' : revision);
    }
    enterpriseKind.decider.decide(full, state);

    if (uscc.ok) {
      const reserve: Omit<ReserveUscc, 'metadata'> = { type: 'ReserveUscc', data: { uscc: uscc.value, enterpriseId } };
      await this.executor.execute({ id: uscc.value, kind: usccReservationKind, command: reserve, ctx, ignoreExpectedRevision: true });
    }
    return toResponse(await this.run(enterpriseId, full, ctx, this.sizeStandard(ctx)));
  }

  private run(enterpriseId: string, command: Omit<EnterpriseCommand, 'metadata'>, ctx: RequestContext, legalBasis: string | undefined) {
    return this.executor.execute({ id: enterpriseId, kind: enterpriseKind, command, ctx, ...(legalBasis ? { legalBasis } : {}) });
  }

  /** The size standard the figures are classified under (the rule behind a size class change). */
  private sizeStandard(ctx: RequestContext): string | undefined {
    return sizeStandardOn(chinaDateOf(ctx.occurredAt))?.documentNumber;
  }
}

@QueryHandler(GetEnterpriseQuery)
export class GetEnterpriseHandler implements IQueryHandler<GetEnterpriseQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ enterpriseId, actor, asOf }: GetEnterpriseQuery) {
    const events = await this.store.readStream(enterpriseKind.streamId(enterpriseId));
    const limit = asOf?.getTime();
    const replayed = limit === undefined ? events : events.filter((e) => Date.parse(e.metadata.occurredAt) <= limit);
    const view = foldView(projectEnterprise, replayed);
    if (!view) {
      if (events.length > 0 && asOf) {
        throw notFound(
          'ENTERPRISE_NOT_YET_REGISTERED',
          `企业在 ${asOf.toISOString()} 时尚未入库`,
          `The enterprise had not been registered at ${asOf.toISOString()}`,
        );
      }
      throw enterpriseNotFound();
    }
    if (!mayReadEnterprise(actor, view)) throw enterpriseReadForbidden();
    const on = chinaDateOf(asOf ?? new Date());
    const valid = ENTERPRISE_TAGS.filter((tag) => view.tags.some((grant) => grant.tag === tag && isTagGrantValidOn(grant, on)));
    return { ...toPublicView(view), tagsValid: { on, tags: valid } };
  }
}

@QueryHandler(ListEnterprisesQuery)
export class ListEnterprisesHandler implements IQueryHandler<ListEnterprisesQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListEnterprisesQuery) {
    const scoped = scopeEnterpriseFilter(actor, filter);
    const tagValidOn = scoped.tag !== undefined && scoped.tagValidOn === undefined ? chinaDateOf(new Date()) : scoped.tagValidOn;
    return listResult(() => listEnterprises(this.readSide.reader, { ...scoped, ...(tagValidOn ? { tagValidOn } : {}) }, sort, page));
  }
}
