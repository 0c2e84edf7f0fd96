import { Command, Query } from '@nestjs/cqrs';
import type { Actor, EligibilityReason, PolicyCommand, PushPolicy } from '@sme/domain';
import type { EnterpriseView, FaqListFilter, FaqView, PageRequest, PolicyListFilter, PolicyView, PublicView } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import type { CommandResult } from '../commands/command-executor';
import type { RequestContext } from '../commands/request-context';
import { ListQuery, type ShownPage } from '../read-side/list-query';

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

/** A policy as anyone reads it: without whom it was pushed to. */
export type ShownPolicy = Omit<PublicView<PolicyView>, 'pushedVersions'>;

/** An enterprise a policy applies to, with every criterion's reason. */
export interface EligibleEnterprise {
  id: string;
  uscc: string;
  name: string;
  industryCode: EnterpriseView['industryCode'];
  sizeClass: EnterpriseView['sizeClass'];
  regionCode: string;
  reasons: EligibilityReason[];
}

export class ListPoliciesQuery extends ListQuery<PolicyListFilter, PolicyView, ShownPolicy> {}

export class ListFaqsQuery extends ListQuery<FaqListFilter, FaqView> {}

/** For a policy, the enterprises eligible on `on` (inside the actor's region unless it reads every region). */
export class EligibleEnterprisesQuery extends Query<{ on: string; policyId: string; version: number } & ShownPage<EligibleEnterprise>> {
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
export class EligiblePoliciesQuery extends Query<{ on: string; enterpriseId: string } & ShownPage<ShownPolicy & { reasons: EligibilityReason[] }>> {
  constructor(
    readonly enterpriseId: string,
    readonly on: string,
    readonly page: PageRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
