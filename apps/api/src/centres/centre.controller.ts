import { Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { centreKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { given } from '../commands/given';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';
import { AsOfDto } from '../records/as-of.dto';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import { CENTRE_READERS } from './centre-access';
import { centreCommands } from './centre.commands';
import { CentreSummaryQuery } from './centre-summary';
import { CentreSummaryQueryDto, CloseCentreDto, LinkProvidersDto, ListCentresQueryDto, RecordCentreDto, UnlinkProviderDto, UpdateCentreFactsDto, type CentreFactsDto, type RemediationDto } from './centre.dto';
import { ListCentresQuery, type CentreCommandBody } from './centre.messages';
import { centreReading } from './centre.reading';

const remediationOf = (dto?: RemediationDto) => dto && { plan: dto.plan, deadline: dto.deadline };

function factsOf(dto: CentreFactsDto) {
  const { origin, venue, staff, contact } = dto;
  return given({
    name: dto.name,
    orgId: dto.orgId,
    legalForm: dto.legalForm,
    level: dto.level,
    regionCode: dto.regionCode,
    town: dto.town,
    origin: { kind: origin.kind, authority: origin.authority, documentNumber: origin.documentNumber, on: origin.on },
    venue: { areaSqm: venue.areaSqm, address: venue.address },
    staff: { fullTime: staff.fullTime, professional: staff.professional },
    head: dto.head,
    contact: given({ phone: contact.phone, email: contact.email }),
  });
}

@TokenController('centres (服务中心)', 'centres')
export class CentreController extends KindController<CentreCommandBody> {
  protected readonly kindCommands = centreCommands;

  @ReadRoute({
    path: 'summary',
    summary: '中小企业服务中心建设情况汇总表 (附件2) of a city or district and year: JSON, or the form as XLSX with format=xlsx; every cell from the records',
  })
  async summary(@Query() query: CentreSummaryQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const format = query.format ?? 'json';
    const result = await this.queries.execute(new CentreSummaryQuery(query.regionCode, query.year, format, actor));
    if (format === 'json') return result;
    const { summary, xlsx } = result as { summary: { title: string }; xlsx: Buffer };
    res.set({
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="centres-${query.regionCode}-${query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${summary.title}.xlsx`)}`,
    });
    return new StreamableFile(xlsx);
  }

  @ReadRoute({ path: ':id', summary: 'One centre, folded from its events (its 汇总表 row); AUDITOR may add ?asOf= to replay it to a business time', roles: CENTRE_READERS })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.readRecord(centreReading, id, actor, query);
  }

  @ReadRoute({
    summary: 'The centres (建设情况汇总表) by level, region (within), status and remediationOverdue (sort: regionCode, name, recordedAt, updatedAt, remediationDeadline; cursor paging)',
    roles: CENTRE_READERS,
  })
  list(@Query() query: ListCentresQueryDto, @CurrentActor() actor: Actor) {
    return this.readList(ListCentresQuery, query, actor);
  }
}

commandRoutes(CentreController, centreKind, (on) => ({
  link: on('LinkCentreProviders', { path: ':id/providers', summary: '联系服务机构: providers of the 库 the centre works with, each in the 库 now', body: LinkProvidersDto, data: ({ id }, dto) => ({ centreId: id, providerIds: dto.providerIds }) }),
  unlink: on('UnlinkCentreProvider', { path: ':id/providers/unlinking', summary: 'The centre no longer works with the provider (with a reason)', body: UnlinkProviderDto, data: ({ id }, dto) => ({ centreId: id, providerId: dto.providerId, reason: dto.reason ?? '' }) }),
  close: on('CloseCentre', { path: ':id/closure', summary: '撤销/关闭 by an authority that records the centre, with a reason', body: CloseCentreDto, data: ({ id }, dto) => ({ centreId: id, reason: dto.reason ?? '' }) }),
  record: on('RecordCentre', {
    summary:
      'Record a centre, checked against its level’s standard: RECOGNISED when it meets it; else only with remediation {plan, deadline} (409 CENTRE_BELOW_STANDARD naming the shortfalls). Province: ADMIN; city: its CITY_AUTHORITY; county/town: its DISTRICT_AUTHORITY or CITY_AUTHORITY',
    status: 201,
    body: RecordCentreDto,
    data: (_, dto, ctx) => given({ centreId: newRecordId(ctx, 'centre'), facts: factsOf(dto.facts), remediation: remediationOf(dto.remediation) }),
  }),
  update: on('UpdateCentreFacts', {
    path: ':id/facts',
    summary: 'Change venue, staff, legal form, name, head or contact (the centre’s staff or its authorities); checked again — falling below the standard needs remediation in the same request',
    body: UpdateCentreFactsDto,
    data: ({ id }, dto) => {
      const { name, legalForm, venue, staff, head, contact } = dto.changes;
      const changes = given({
        name,
        legalForm,
        venue: venue && given({ areaSqm: venue.areaSqm, address: venue.address }),
        staff: staff && given({ fullTime: staff.fullTime, professional: staff.professional }),
        head,
        contact: contact && given({ phone: contact.phone, email: contact.email }),
      });
      // A contact change may leave the phone as it was: the decider merges the changes into the facts.
      return given({ centreId: id, changes, remediation: remediationOf(dto.remediation) }) as Extract<CentreCommandBody, { type: 'UpdateCentreFacts' }>['data'];
    },
  }),
}));
