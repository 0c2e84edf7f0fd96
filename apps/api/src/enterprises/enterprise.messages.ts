import { Command } from '@nestjs/cqrs';
import type { EnterpriseCommand, RegisterEnterprise } from '@sme/domain';
import type { EnterpriseListFilter, EnterpriseView } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import type { CommandResult } from '../commands/command-executor';
import type { RequestContext } from '../commands/request-context';
import { ActorListQuery } from '../read-side/list-query';

/** A registration as the controller builds it: whether the USCC is taken is the handler's to find out. */
export type RegisterEnterpriseBody = { type: 'RegisterEnterprise'; data: Omit<RegisterEnterprise['data'], 'usccAlreadyRegistered'> };
export type EnterpriseCommandBody = RegisterEnterpriseBody | CommandBody<Exclude<EnterpriseCommand, RegisterEnterprise>>;

/** 入库: the USCC is reserved across records before the enterprise is written. */
export class RegisterEnterpriseCommand extends Command<CommandResult> {
  constructor(
    readonly command: RegisterEnterpriseBody,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

export class ListEnterprisesQuery extends ActorListQuery<EnterpriseListFilter, EnterpriseView> {}
