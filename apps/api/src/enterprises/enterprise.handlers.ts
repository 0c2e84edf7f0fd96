import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  chinaDateOf,
  authorize,
  enterpriseKind,
  parseUscc,
  usccHeldByAnother,
  usccReservationKind,
  type RegisterEnterprise,
  type ReserveUscc,
} from '@sme/domain';
import { EVENT_STORE, loadAggregate, WrongExpectedRevisionError, type EventStore } from '@sme/event-store';
import { listEnterprises } from '@sme/read-models';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { actorListHandler } from '../read-side/actor-list-handler';
import { scopeEnterpriseFilter } from './enterprise-access';
import { sizeStandard } from './enterprise.commands';
import { ListEnterprisesQuery, RegisterEnterpriseCommand } from './enterprise.messages';


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

/** The enterprises as the actor may read them; a tag asked without a day is the tag valid on the day read. */
export const ListEnterprisesHandler = actorListHandler(
  ListEnterprisesQuery,
  (actor, filter, now) => {
    const scoped = scopeEnterpriseFilter(actor, filter);
    const tagValidOn = scoped.tag !== undefined && scoped.tagValidOn === undefined ? chinaDateOf(now) : scoped.tagValidOn;
    return { ...scoped, ...(tagValidOn ? { tagValidOn } : {}) };
  },
  listEnterprises,
);
