import { Body, Param, Query } from '@nestjs/common';
import { enterpriseKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { Ctx, type RequestContext } from '../commands/request-context';
import { CommandPost, ReadRoute, TokenController } from '../commands/routes';
import { tiesOf } from '../http/ties.dto';
import { IdPipe } from '../records/id.pipe';
import { AsOfDto } from '../records/as-of.dto';
import { newRecordId } from '../records/new-record-id';
import {
  GrantTagDto,
  ListEnterprisesQueryDto,
  RecordEnterpriseTiesDto,
  RegisterEnterpriseDto,
  ReportFiguresDto,
  RevokeTagDto,
  TagParam,
  UpdateProfileDto,
} from './enterprise.dto';
import { enterpriseCommands } from './enterprise.commands';
import { ListEnterprisesQuery, RegisterEnterpriseCommand, type EnterpriseCommandBody, type RegisterEnterpriseBody } from './enterprise.messages';
import { enterpriseReading } from './enterprise.reading';
import { EnterprisePortraitQuery } from './enterprise-portrait';

@TokenController('enterprises (中小企业数据库)', 'enterprises')
export class EnterpriseController extends KindController<Exclude<EnterpriseCommandBody, RegisterEnterpriseBody>> {
  protected readonly kindCommands = enterpriseCommands;

  @CommandPost(enterpriseKind, 'RegisterEnterprise', {
    summary: '入库: the enterprise itself, or a station operator, hub or district authority of its region; the USCC is registered once (409 USCC_ALREADY_REGISTERED)',
    status: 201,
  })
  register(@Body() dto: RegisterEnterpriseDto, @Ctx() ctx: RequestContext) {
    const { uscc, name, industryCode, regionCode, foundedOn, figures } = dto;
    const { year, employees, revenue, assets } = figures;
    const enterpriseId = newRecordId(ctx, 'enterprise');
    const data = { enterpriseId, uscc, name, industryCode, regionCode, foundedOn, figures: { year, employees, revenue, assets } };
    return this.commands.execute(new RegisterEnterpriseCommand({ type: 'RegisterEnterprise', data }, ctx));
  }

  @CommandPost(enterpriseKind, 'RevokeEnterpriseTag', {
    path: ':id/tags/:tag/revocation',
    summary: 'Withdraw a tag from the day of the act (its current grant and any still to come); reason required',
  })
  revokeTag(@Param('id', IdPipe) id: string, @Param() { tag }: TagParam, @Body() dto: RevokeTagDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'RevokeEnterpriseTag', data: { enterpriseId: id, tag, reason: dto.reason ?? '' } }, ctx);
  }

  @ReadRoute({
    path: ':id/portrait',
    summary: '画像: the enterprise with its deliveries (rating, fee, who served), its demands and the policies pushed to it, and their totals',
  })
  portrait(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new EnterprisePortraitQuery(id, actor));
  }

  @ReadRoute({
    path: ':id',
    summary: 'One enterprise, folded from its events: figures, size class and its basis, tags valid today and every grant; AUDITOR may add ?asOf=',
  })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.readRecord(enterpriseReading, id, actor, query);
  }

  @ReadRoute({
    summary: 'The enterprise database by region (district, city or province), industry, size class, tag valid on a date and name/USCC (sort: name, registeredAt, updatedAt; cursor paging)',
  })
  list(@Query() query: ListEnterprisesQueryDto, @CurrentActor() actor: Actor) {
    return this.readList(ListEnterprisesQuery, query, actor);
  }
}

commandRoutes(EnterpriseController, enterpriseKind, (on) => ({
  recordTies: on('RecordEnterpriseTies', { path: ':id/ties', summary: '法定代表人与股东: recorded whole by the enterprise (or the authority or hub of its region), replacing the earlier record; a 服务券 order between related parties is refused on them', body: RecordEnterpriseTiesDto, data: ({ id }, dto) => ({ enterpriseId: id, ties: tiesOf(dto) }) }),
  reportFigures: on('ReportEnterpriseFigures', {
    path: ':id/figures',
    summary: "A year's figures (a later report for the same year corrects it); the size class is recomputed and a change recorded",
    status: 201,
    body: ReportFiguresDto,
    data: ({ id }, { year, employees, revenue, assets }) => ({ enterpriseId: id, figures: { year, employees, revenue, assets } }),
  }),
  updateProfile: on('UpdateEnterpriseProfile', {
    path: ':id/profile',
    summary: 'Change the name, industry or region (fields left out stay); a new industry reclassifies the size',
    body: UpdateProfileDto,
    data: ({ id }, { name, industryCode, regionCode }) => ({
      enterpriseId: id,
      ...(name !== undefined ? { name } : {}),
      ...(industryCode !== undefined ? { industryCode } : {}),
      ...(regionCode !== undefined ? { regionCode } : {}),
    }),
  }),
  grantTag: on('GrantEnterpriseTag', {
    path: ':id/tags',
    summary: 'Record a recognition (称号) with its issuing authority and validity period',
    status: 201,
    body: GrantTagDto,
    data: ({ id }, { tag, issuedBy, documentNumber, validFrom, validUntil }) => ({ enterpriseId: id, tag, issuedBy, ...(documentNumber !== undefined ? { documentNumber } : {}), validFrom, validUntil }),
  }),
}));
