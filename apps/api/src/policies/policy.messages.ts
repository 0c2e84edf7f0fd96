import { Command, Query } from '@nestjs/cqrs';
import type { Actor, PolicyCommand, PushPolicy } from '@sme/domain';
import type { FaqListFilter, PageRequest, PolicyListFilter } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import type { CommandResult } from '../commands/command-executor';
import type { RequestContext } from '../commands/request-context';
import { ListQuery } from '../read-side/list-query';

export type PolicyCommandBody = CommandBody<Exclude<PolicyCommand, PushPolicy>>;

/** 政策推送: the handler computes the eligible enterprises now and pushes to those not yet shown this version. */
export class PushPolicyCommand extends Command<CommandResult> {
  constructor(
    readonly policyId: string,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

export class ListPoliciesQuery extends ListQuery<PolicyListFilter> {}

export class ListFaqsQuery extends ListQuery<FaqListFilter> {}

/** For a policy, the enterprises eligible on `on` (inside the actor's region unless it reads every region). */
export class EligibleEnterprisesQuery extends Query<unknown> {
  constructor(
    readonly policyId: string,
    readonly on: string,
    readonly page: PageRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** For an enterprise, the policies in force on `on` that it is eligible for, with every criterion's reason. */
export class EligiblePoliciesQuery extends Query<unknown> {
  constructor(
    readonly enterpriseId: string,
    readonly on: string,
    readonly page: PageRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
