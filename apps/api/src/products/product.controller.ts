import { Body, Param, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { productKind, serviceCaseKind, type Actor, type CaseEnterprise, type ProductContent } from '@sme/domain';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { ExecuteKindCommand } from '../commands/kind-command';
import { Ctx, type RequestContext } from '../commands/request-context';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import {
  CatalogueQueryDto,
  ListCasesQueryDto,
  ListProductsQueryDto,
  PublishCaseDto,
  PublishProductDto,
  RetireDto,
  ReviseProductDto,
  type ClassificationDto,
  type FeeDto,
} from './product.dto';
import { caseCommands, productCommands } from './product.commands';
import { ListLibraryQuery } from './product.messages';
import { AsOfDto } from '../records/as-of.dto';
import { recordQuery } from '../records/record-query';
import { caseReading, productReading } from './product.reading';
import { given } from '../commands/given';
import { CommandPost, ReadRoute, TokenController } from '../commands/routes';
import { pageOf } from '../read-side/list-query';

const feeOf = (fee: FeeDto) => given({ kind: fee.kind, amount: fee.amount }) as ProductContent['fee'];
const classificationOf = (c: ClassificationDto) =>
  ({ industries: c.industries, serviceDomains: c.serviceDomains, enterpriseSizes: c.enterpriseSizes }) as ProductContent['classification'];

@TokenController('products and cases (服务产品和案例库)')
export class ProductController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @CommandPost(productKind, 'PublishProduct', {
    path: 'products',
    summary: 'Publish a service product (六公开 + fee and time limit, classified); the provider itself, while in the 库',
    status: 201,
  })
  publish(@Body() dto: PublishProductDto, @Ctx() ctx: RequestContext) {
    const data = {
      productId: newRecordId(ctx, 'product'),
      providerId: dto.providerId,
      item: dto.item,
      content: dto.content,
      process: dto.process,
      standard: dto.standard,
      supervision: dto.supervision,
      contact: dto.contact,
      fee: feeOf(dto.fee),
      timeLimit: { workingDays: dto.timeLimit.workingDays },
      classification: classificationOf(dto.classification),
    };
    return this.commands.execute(new ExecuteKindCommand(productCommands, { type: 'PublishProduct', data }, ctx));
  }

  @CommandPost(productKind, 'ReviseProduct', {
    path: 'products/:id/revisions',
    summary: 'A new version of the product: the fields given replace the current ones',
    status: 201,
  })
  revise(@Param('id', IdPipe) id: string, @Body() dto: ReviseProductDto, @Ctx() ctx: RequestContext) {
    const c = dto.changes;
    const changes = given({
      item: c.item,
      content: c.content,
      process: c.process,
      standard: c.standard,
      supervision: c.supervision,
      contact: c.contact,
      fee: c.fee && feeOf(c.fee),
      timeLimit: c.timeLimit && { workingDays: c.timeLimit.workingDays },
      classification: c.classification && classificationOf(c.classification),
    });
    return this.commands.execute(new ExecuteKindCommand(productCommands, { type: 'ReviseProduct', data: { productId: id, changes } }, ctx));
  }

  @CommandPost(productKind, 'RetireProduct', { path: 'products/:id/retirement', summary: 'Retire the product (the provider, or an ADMIN), giving a reason' })
  retire(@Param('id', IdPipe) id: string, @Body() dto: RetireDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new ExecuteKindCommand(productCommands, { type: 'RetireProduct', data: { productId: id, reason: dto.reason ?? '' } }, ctx));
  }

  @CommandPost(serviceCaseKind, 'PublishCase', {
    path: 'cases',
    summary: 'Publish a service case (named or anonymised enterprise); the provider itself, while in the 库',
    status: 201,
  })
  publishCase(@Body() dto: PublishCaseDto, @Ctx() ctx: RequestContext) {
    const enterprise = given({ anonymised: dto.enterprise.anonymised, name: dto.enterprise.name, alias: dto.enterprise.alias }) as CaseEnterprise;
    const data = given({
      caseId: newRecordId(ctx, 'case'),
      providerId: dto.providerId,
      productId: dto.productId,
      title: dto.title,
      enterprise,
      summary: dto.summary,
      outcome: dto.outcome,
      servedOn: dto.servedOn,
      classification: classificationOf(dto.classification),
    });
    return this.commands.execute(new ExecuteKindCommand(caseCommands, { type: 'PublishCase', data }, ctx));
  }

  @CommandPost(serviceCaseKind, 'RetireCase', { path: 'cases/:id/retirement', summary: 'Retire the case (the provider, or an ADMIN), giving a reason' })
  retireCase(@Param('id', IdPipe) id: string, @Body() dto: RetireDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new ExecuteKindCommand(caseCommands, { type: 'RetireCase', data: { caseId: id, reason: dto.reason ?? '' } }, ctx));
  }

  @ReadRoute({ path: 'products/:id', summary: 'One product with every version: a PROVIDER its own, ADMIN any, others those of providers in their region' })
  getProduct(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(recordQuery(productReading, id, actor, query));
  }

  @ReadRoute({
    path: 'products',
    summary: 'Products by provider, domain, industry, enterprise size, fee kind and status (sort: publishedAt, item, updatedAt; cursor; total). A PROVIDER lists its own, ADMIN all, others those of providers in their region',
  })
  listProducts(@Query() query: ListProductsQueryDto, @CurrentActor() actor: Actor) {
    const { filter, sort, page, when } = pageOf(query);
    return this.queries.execute(new ListLibraryQuery('products', filter, sort, page, actor, when));
  }

  @ReadRoute({ path: 'cases/:id', summary: 'One case: a PROVIDER its own, ADMIN any, others those of providers in their region' })
  getCase(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(recordQuery(caseReading, id, actor, query));
  }

  @ReadRoute({
    path: 'cases',
    summary: 'Cases by provider, domain, industry, enterprise size and status (sort: publishedAt, servedOn, title, updatedAt; cursor; total). A PROVIDER lists its own, ADMIN all, others those of providers in their region',
  })
  listCases(@Query() query: ListCasesQueryDto, @CurrentActor() actor: Actor) {
    const { filter, sort, page, when } = pageOf(query);
    return this.queries.execute(new ListLibraryQuery('cases', filter, sort, page, actor, when));
  }

  @ReadRoute({ path: 'catalogue/products', summary: 'PUBLIC (no token): products on show of providers in the 库 now, with the 六公开/五公开 fields' })
  @Public()
  catalogue(@Query() query: CatalogueQueryDto, @CurrentActor() actor: Actor | undefined) {
    const { filter, sort, page, when } = pageOf(query);
    return this.queries.execute(new ListLibraryQuery('catalogue', filter, sort, page, actor, when));
  }
}
