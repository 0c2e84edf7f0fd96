import { Body, Param, Query } from '@nestjs/common';
import { faqKind, type Actor, type FaqCommand } from '@sme/domain';
import { CurrentActor, Public } from '../auth/auth.decorators';
import type { CommandBody } from '../commands/command-body';
import { commandRoute, commandRoutes, KindController } from '../commands/kind-controller';
import { Ctx, type RequestContext } from '../commands/request-context';
import { CommandPost, ReadRoute, TokenController } from '../commands/routes';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import { ListFaqsQueryDto, PublishFaqDto, ReviseFaqDto, RetireFaqDto } from './policy.dto';
import { faqCommands } from './policy.commands';
import { ListFaqsQuery } from './policy.messages';
import { pageOf } from '../read-side/list-query';

@TokenController('FAQs (基础信息库)', 'faqs')
export class FaqController extends KindController<CommandBody<FaqCommand>> {
  protected readonly kindCommands = faqCommands;

  @CommandPost(faqKind, 'PublishFaq', { summary: 'Publish an FAQ into the actor’s region', status: 201 })
  publish(@Body() dto: PublishFaqDto, @Ctx() ctx: RequestContext) {
    const { question, answer, topics, policyIds } = dto;
    const data = { faqId: newRecordId(ctx, 'faq'), question, answer, topics, ...(policyIds === undefined ? {} : { policyIds }) };
    return this.run({ type: 'PublishFaq', data }, ctx);
  }

  @CommandPost(faqKind, 'ReviseFaq', { path: ':id/revisions', summary: 'A new version; fields left out stay', status: 201 })
  revise(@Param('id', IdPipe) id: string, @Body() dto: ReviseFaqDto, @Ctx() ctx: RequestContext) {
    const { question, answer, topics, policyIds } = dto;
    const changes = {
      ...(question === undefined ? {} : { question }),
      ...(answer === undefined ? {} : { answer }),
      ...(topics === undefined ? {} : { topics }),
      ...(policyIds === undefined ? {} : { policyIds }),
    };
    return this.run({ type: 'ReviseFaq', data: { faqId: id, changes } }, ctx);
  }

  @ReadRoute({ summary: 'Public: the active FAQs, by topic, region (with the regions containing it) and text; cursor paging' })
  @Public()
  list(@Query() query: ListFaqsQueryDto, @CurrentActor() actor: Actor | undefined) {
    const { filter, sort, page, when } = pageOf(query);
    return this.queries.execute(new ListFaqsQuery({ ...filter, status: 'ACTIVE' }, sort, page, when, actor));
  }
}

const on = commandRoute<CommandBody<FaqCommand>>();

commandRoutes(FaqController, faqKind, {
  retire: on('RetireFaq', { path: ':id/retirement', summary: 'Retire the FAQ (reason required)', status: 201, body: RetireFaqDto, data: ({ id }, dto) => ({ faqId: id, reason: dto.reason ?? '' }) }),
});
