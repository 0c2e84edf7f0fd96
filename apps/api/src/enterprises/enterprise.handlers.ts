import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  chinaDateOf,
  authorize,
  enterpriseKind,
  notFound,
  parseUscc,
  ENTERPRISE_TAGS,
  isTagGrantValidOn,
  usccHeldByAnother,
  usccReservationKind,
  type RegisterEnterprise,
  type ReserveUscc,
} from '@sme/domain';
import { EVENT_STORE, loadAggregate, WrongExpectedRevisionError, type EventStore } from '@sme/event-store';
import { listEnterprises, projectEnterprise, toPublicView, type EnterpriseView } from '@sme/read-models';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { RecordLoader } from '../records/record-loader';
import { enterpriseReadForbidden, mayReadEnterprise, scopeEnterpriseFilter } from './enterprise-access';
import { sizeStandard } from './enterprise.commands';
import { GetEnterpriseQuery, ListEnterprisesQuery, RegisterEnterpriseCommand } from './enterprise.messages';

const enterpriseNotFound = () => notFound('ENTERPRISE_NOT_FOUND', '企业不存在', 'The enterprise does not exist');
const notYetRegistered = (asOf: Date) =>
  notFound('ENTERPRISE_NOT_YET_REGISTERED', `企业在 ${asOf.toISOString()} 时尚未入库`, `The enterprise had not been registered at ${asOf.toISOString()}`);

@CommandHandler(RegisterEnterpriseCommand)
export class RegisterEnterpriseHandler implements ICommandHandler<RegisterEnterpriseCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * 入库, with the USCC made unique across records: check it once without writing, as the executor will —
   * the access gate, then the If-Match, then the decider (any refusal, including a code another record
   * holds, leaves the log untouched) — then reserve the code — the stream `uscc-<USCC>` is created with
   * 'no_stream', so one of two racing registrations gets 409 USCC_ALREADY_REGISTERED — and then write the
   * enterprise. A retry of the same registration (same enterpriseId) finds its own reservation.
   */
  async execute({ command, ctx }: RegisterEnterpriseCommand): Promise<CommandResult> {
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
    return toResponse(await this.executor.execute({ id: enterpriseId, kind: enterpriseKind, command: full, ctx, legalBasis: sizeStandard(ctx) }));
  }
}

@QueryHandler(GetEnterpriseQuery)
export class GetEnterpriseHandler implements IQueryHandler<GetEnterpriseQuery> {
  constructor(private readonly records: RecordLoader) {}

  async execute({ enterpriseId, actor, asOf }: GetEnterpriseQuery) {
    const mayRead = (view: EnterpriseView) => mayReadEnterprise(actor, view);
    const view = await this.records.view(enterpriseKind, projectEnterprise, enterpriseId, {
      missing: enterpriseNotFound,
      mayRead,
      forbidden: enterpriseReadForbidden,
      asOf,
      notYet: notYetRegistered,
    });
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
