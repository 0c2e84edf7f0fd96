import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { chinaDateOf, conflict, decideAuthorized, isEligible, policyKind, type PolicyEvent, type PolicyState, type PushPolicy, recordNotFound, enterpriseKind } from '@sme/domain';
import { EVENT_STORE, loadAggregate, type EventStore } from '@sme/event-store';
import { listFaqs, listPolicies, policiesInForce, policyCandidates, toPublicView, type EnterpriseView } from '@sme/read-models';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { newRecordId } from '../records/new-record-id';
import { enterpriseReadForbidden, matchable, matchingScope, mayReadEnterprise, pageById } from './matching';
import {
  EligibleEnterprisesQuery,
  EligiblePoliciesQuery,
  ListFaqsQuery,
  ListPoliciesQuery,
  PushPolicyCommand,
} from './policy.messages';
import { policyNotFound, publicPolicy } from './policy.reading';

async function loadPolicy(store: EventStore, policyId: string) {
  return (await loadAggregate<PolicyState, PolicyEvent>(store, policyKind.streamId(policyId), policyKind.decider)).state;
}

/**
 * 政策推送. The eligible set is computed now (China date of the act) from the enterprises projection,
 * inside the actor's region (ADMIN: everywhere). Enterprises already pushed the policy's current version
 * are left out, so pushing again reaches only enterprises newly eligible (or every one after an
 * amendment); when nobody is left, 409 NOTHING_TO_PUSH and nothing is written.
 */
@CommandHandler(PushPolicyCommand)
export class PushPolicyHandler implements ICommandHandler<PushPolicyCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly readSide: ReadSide,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ policyId, ctx }: PushPolicyCommand): Promise<CommandResult> {
    const policy = await loadPolicy(this.store, policyId);
    if (policy.status === 'NONE') throw policyNotFound();
    // Refusals come before any enterprise is read: the access gate (a refused caller learns nothing,
    // not even who is eligible), then the policy's own (repealed, expired). Decided once, not written.
    const probe: PushPolicy = { type: 'PushPolicy', data: { policyId, pushId: '-', enterpriseIds: ['-'] }, metadata: { now: ctx.occurredAt, actor: ctx.actor } };
    decideAuthorized(policyKind, probe, policy);
    const on = chinaDateOf(ctx.occurredAt);
    await this.readSide.requireCurrent(['enterprises']);
    const scope = ctx.actor.role === 'ADMIN' ? undefined : ctx.actor.regionCode;
    const candidates = await policyCandidates(this.readSide.reader, policy, scope);
    const eligible = candidates.filter((doc) => isEligible(policy, matchable(doc), on).eligible).map((doc) => doc.id);
    const fresh = eligible.filter((id) => policy.pushedVersions[id] !== policy.version);
    if (fresh.length === 0) {
      throw conflict(
        'NOTHING_TO_PUSH',
        `没有尚未收到该政策当前版本（第${policy.version}版）的符合条件企业`,
        `No eligible enterprise is left that has not been pushed the current version (${policy.version})`,
      );
    }
    const command: Omit<PushPolicy, 'metadata'> = {
      type: 'PushPolicy',
      data: { policyId, pushId: newRecordId(ctx, 'policy-push'), enterpriseIds: fresh },
    };
    return toResponse(
      await this.executor.execute({
        id: policyId,
        kind: policyKind,
        command,
        ctx,
        legalBasis: policy.documentNumber,
      }),
    );
  }
}

@QueryHandler(ListPoliciesQuery)
export class ListPoliciesHandler implements IQueryHandler<ListPoliciesQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, when, actor }: ListPoliciesQuery) {
    const result = await this.readSide.at(when, actor, (reader) => listResult(() => listPolicies(reader, filter, sort, page)));
    return { ...result, items: result.items.map(publicPolicy) };
  }
}

@QueryHandler(ListFaqsQuery)
export class ListFaqsHandler implements IQueryHandler<ListFaqsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, when, actor }: ListFaqsQuery) {
    return this.readSide.at(when, actor, (reader) => listResult(() => listFaqs(reader, filter, sort, page)));
  }
}

@QueryHandler(EligibleEnterprisesQuery)
export class EligibleEnterprisesHandler implements IQueryHandler<EligibleEnterprisesQuery> {
  constructor(
    private readonly readSide: ReadSide,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ policyId, on, page, actor }: EligibleEnterprisesQuery) {
    const scope = matchingScope(actor);
    const policy = await loadPolicy(this.store, policyId);
    if (policy.status === 'NONE') throw policyNotFound();
    const candidates = await policyCandidates(this.readSide.reader, policy, scope);
    const eligible = candidates
      .map((doc) => ({ doc, result: isEligible(policy, matchable(doc), on) }))
      .filter(({ result }) => result.eligible)
      .map(({ doc, result }) => ({
        id: doc.id,
        uscc: doc.uscc,
        name: doc.name,
        industryCode: doc.industryCode,
        sizeClass: doc.sizeClass,
        regionCode: doc.regionCode,
        reasons: result.reasons,
      }));
    return { on, policyId, version: policy.version, ...pageById(eligible, page) };
  }
}

@QueryHandler(EligiblePoliciesQuery)
export class EligiblePoliciesHandler implements IQueryHandler<EligiblePoliciesQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ enterpriseId, on, page, actor }: EligiblePoliciesQuery) {
    const enterprise = await (await this.readSide.reader.collection<EnterpriseView>('enterprises')).findOne({ _id: enterpriseId });
    if (!enterprise) throw recordNotFound(enterpriseKind.label);
    if (!mayReadEnterprise(actor, enterprise)) throw enterpriseReadForbidden();
    const subject = matchable(enterprise);
    const policies = (await policiesInForce(this.readSide.reader, on))
      .map((view) => ({
        view,
        result: isEligible(
          {
            effectiveFrom: view.effectiveFrom,
            ...(view.effectiveUntil === null ? {} : { effectiveUntil: view.effectiveUntil }),
            ...(view.repealedOn === null ? {} : { repealedOn: view.repealedOn }),
            eligibility: view.eligibility,
          },
          subject,
          on,
        ),
      }))
      .filter(({ result }) => result.eligible)
      .map(({ view, result }) => ({ ...publicPolicy(toPublicView(view)), reasons: result.reasons }));
    return { on, enterpriseId, ...pageById(policies, page) };
  }
}
