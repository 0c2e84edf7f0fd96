import { Body, Param, Query } from '@nestjs/common';
import type { Query as CqrsQuery } from '@nestjs/cqrs';
import { chinaDateOf, isBusinessDate, policyKind, type Actor } from '@sme/domain';
import type { PageRequest } from '@sme/read-models';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { ApiError } from '../http/api-error';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { Ctx, type RequestContext } from '../commands/request-context';
import { CommandPost, ReadRoute, TokenController } from '../commands/routes';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import { AmendPolicyDto, EligibilityQueryDto, ListPoliciesQueryDto, PublishPolicyDto, PushPolicyDto, RepealPolicyDto } from './policy.dto';
import {
  EligibleEnterprisesQuery,
  EligiblePoliciesQuery,
  ListPoliciesQuery,
  PushPolicyCommand,
  type PolicyCommandBody,
} from './policy.messages';
import { policyCommands } from './policy.commands';
import { AsOfDto } from '../records/as-of.dto';
import { recordQuery } from '../records/record-query';
import { policyReading } from './policy.reading';
import { pageOf } from '../read-side/list-query';

/** `on` as given (a real calendar date), or today in China. */
function matchingDate(on: string | undefined): string {
  if (on === undefined) return chinaDateOf(new Date());
  if (!isBusinessDate(on)) {
    throw ApiError.badRequest('FIELD_INVALID', `日期“${on}”无效`, `"${on}" is not a date`, [
      { field: 'on', rule: 'isDate', message: { zh: 'on 须为有效日期 YYYY-MM-DD', en: 'on must be a valid date YYYY-MM-DD' } },
    ]);
  }
  return on;
}

const present = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

@TokenController('policies (基础信息库)')
export class PolicyController extends KindController<PolicyCommandBody> {
  protected readonly kindCommands = policyCommands;

  @CommandPost(policyKind, 'PushPolicy', {
    path: 'policies/:id/push',
    summary: '政策推送: one PolicyPushed per enterprise eligible today inside the actor’s region and not yet pushed the current version; 409 NOTHING_TO_PUSH when none is left',
    status: 201,
  })
  push(@Param('id', IdPipe) id: string, @Body() _dto: PushPolicyDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new PushPolicyCommand(id, ctx));
  }

  @ReadRoute({
    path: 'policies',
    summary: 'Public: the policy library by level, issuer, in force on a date and text (sort: effectiveFrom, publishedAt, title, updatedAt; cursor paging)',
  })
  @Public()
  list(@Query() query: ListPoliciesQueryDto, @CurrentActor() actor: Actor | undefined) {
    const { filter, sort, page, when } = pageOf(query);
    return this.queries.execute(new ListPoliciesQuery(filter, sort, page, when, actor));
  }

  @ReadRoute({ path: 'policies/:id', summary: 'Public: one policy, folded from its events' })
  @Public()
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor | undefined) {
    return this.queries.execute(recordQuery(policyReading, id, actor, query));
  }

  @ReadRoute({
    path: 'policies/:id/eligible-enterprises',
    summary: 'The enterprises eligible for the policy on `on` (default today), inside the reader’s region; each with every criterion’s reason',
  })
  eligibleEnterprises(@Param('id', IdPipe) id: string, @Query() query: EligibilityQueryDto, @CurrentActor() actor: Actor) {
    return this.matching(EligibleEnterprisesQuery, id, query, actor);
  }

  @ReadRoute({
    path: 'enterprises/:id/eligible-policies',
    summary: 'The policies in force on `on` (default today) the enterprise is eligible for, with every criterion’s reason',
  })
  eligiblePolicies(@Param('id', IdPipe) id: string, @Query() query: EligibilityQueryDto, @CurrentActor() actor: Actor) {
    return this.matching(EligiblePoliciesQuery, id, query, actor);
  }

  /** One side of the matching (a policy's enterprises, an enterprise's policies) on the day asked, a page of it. */
  private matching<R>(
    read: new (id: string, on: string, page: PageRequest, actor: Actor) => CqrsQuery<R>,
    id: string,
    query: EligibilityQueryDto,
    actor: Actor,
  ): Promise<R> {
    return this.queries.execute(new read(id, matchingDate(query.on), { limit: query.limit, cursor: query.cursor }, actor));
  }
}

commandRoutes(PolicyController, policyKind, (on) => ({
  repeal: on('RepealPolicy', { path: 'policies/:id/repeal', summary: '废止 from the day `on` (no longer in force that day); the reason is required', status: 201, body: RepealPolicyDto, data: ({ id }, dto) => ({ policyId: id, on: dto.on, reason: dto.reason ?? '' }) }),
  publish: on('PublishPolicy', {
    path: 'policies',
    summary: 'Publish a policy: district authorities their district’s, city authorities municipal and district ones of the city, ADMIN any level',
    status: 201,
    body: PublishPolicyDto,
    data: (_, { level, regionCode, title, issuer, documentNumber, effectiveFrom, effectiveUntil, summary, eligibility }, ctx) => ({
      policyId: newRecordId(ctx, 'policy'),
      level,
      ...present('regionCode', regionCode),
      title,
      issuer,
      documentNumber,
      effectiveFrom,
      ...present('effectiveUntil', effectiveUntil),
      summary,
      eligibility: { ...eligibility },
    }),
  }),
  amend: on('AmendPolicy', {
    path: 'policies/:id/amendments',
    summary: 'A new version of the policy; fields left out stay, effectiveUntil: null makes it open-ended',
    status: 201,
    body: AmendPolicyDto,
    data: ({ id }, dto) => {
      const { title, issuer, documentNumber, effectiveFrom, effectiveUntil, summary, eligibility } = dto;
      const changes = {
        ...present('title', title),
        ...present('issuer', issuer),
        ...present('documentNumber', documentNumber),
        ...present('effectiveFrom', effectiveFrom),
        ...present('effectiveUntil', effectiveUntil),
        ...present('summary', summary),
        ...(eligibility === undefined ? {} : { eligibility: { ...eligibility } }),
      };
      return { policyId: id, changes };
    },
  }),
}));
