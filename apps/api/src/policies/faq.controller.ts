import { Query } from '@nestjs/common';
import { faqKind, type Actor, type FaqCommand } from '@sme/domain';
import { CurrentActor, Public } from '../auth/auth.decorators';
import type { CommandBody } from '../commands/command-body';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';
import { newRecordId } from '../records/new-record-id';
import { ListFaqsQueryDto, PublishFaqDto, ReviseFaqDto, RetireFaqDto } from './policy.dto';
import { faqCommands } from './policy.commands';
import { ListFaqsQuery } from './policy.messages';
import { pageOf } from '../read-side/list-query';

@TokenController('FAQs (基础信息库)', 'faqs')
export class FaqController extends KindController<CommandBody<FaqCommand>> {
  protected readonly kindCommands = faqCommands;

  @ReadRoute({ summary: 'Public: the active FAQs, by topic, region (with the regions containing it) and text; cursor paging' })
  @Public()
  list(@Query() query: ListFaqsQueryDto, @CurrentActor() actor: Actor | undefined) {
    const { filter, sort, page, when } = pageOf(query);
    return this.queries.execute(new ListFaqsQuery({ ...filter, status: 'ACTIVE' }, sort, page, when, actor));
  }
}

commandRoutes(FaqController, faqKind, (on) => ({
  retire: on('RetireFaq', { path: ':id/retirement', summary: 'Retire the FAQ (reason required)', status: 201, body: RetireFaqDto, data: ({ id }, dto) => ({ faqId: id, reason: dto.reason ?? '' }) }),
  publish: on('PublishFaq', {
    summary: 'Publish an FAQ into the actor’s region',
    status: 201,
    body: PublishFaqDto,
    data: (_, { question, answer, topics, policyIds }, ctx) => ({ faqId: newRecordId(ctx, 'faq'), question, answer, topics, ...(policyIds === undefined ? {} : { policyIds }) }),
  }),
  revise: on('ReviseFaq', {
    path: ':id/revisions',
    summary: 'A new version; fields left out stay',
    status: 201,
    body: ReviseFaqDto,
    data: ({ id }, dto) => {
      const { question, answer, topics, policyIds } = dto;
      const changes = {
        ...(question === undefined ? {} : { question }),
        ...(answer === undefined ? {} : { answer }),
        ...(topics === undefined ? {} : { topics }),
        ...(policyIds === undefined ? {} : { policyIds }),
      };
      return { faqId: id, changes };
    },
  }),
}));
