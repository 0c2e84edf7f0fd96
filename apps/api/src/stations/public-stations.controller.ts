import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { regionNameZh, type Actor } from '@sme/domain';
import type { StationView } from '@sme/read-models';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { IsRegionCode } from '../http/validators';
import { listResult } from '../read-side/list-result';
import { ListQueryDto } from '../read-side/list-query.dto';
import { pageOf } from '../read-side/list-query';
import { ReadSide } from '../read-side/read-side.service';

export class PublicStationsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: '440100' }) @IsOptional() @IsRegionCode() cityCode?: string;
  @ApiPropertyOptional({ example: '440106' }) @IsOptional() @IsRegionCode() districtCode?: string;
}

/** What the published 名单 shows of a station: its name, plaque, place, operator and since when; nothing about people or USCCs. */
export interface PublicStation {
  id: string;
  plaqueNumber: string;
  name: string;
  cityCode: string;
  districtCode: string;
  districtName: string;
  address: string;
  operatorName: string;
  designatedAt: string;
}

const publicFieldsOf = (s: Omit<StationView, '_id' | '_position'>): PublicStation => ({
  id: s.id,
  plaqueNumber: s.plaqueNumber,
  name: s.name,
  cityCode: s.cityCode,
  districtCode: s.districtCode,
  districtName: regionNameZh(s.districtCode),
  address: s.address,
  operatorName: s.operator.name,
  designatedAt: s.designatedAt,
});

/** 主动公开: the published list of the stations in service, readable without a token. */
@ApiTags('public (主动公开)')
@Controller('public/stations')
export class PublicStationsController {
  constructor(private readonly readSide: ReadSide) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '服务站名单 (主动公开): the stations in service, by city and district, their public fields only; no token (sort: plaqueNumber, name, designatedAt; cursor paging)' })
  async list(@Query() query: PublicStationsQueryDto, @CurrentActor() actor: Actor | undefined) {
    const { filter, sort, page, when } = pageOf(query);
    if (!when) await this.readSide.requireCurrent(['stations']);
    // Public as it stood on any day; what the ledger knew when is an AUDITOR's.
    const listed = await this.readSide.at(when, actor, (reader) => listResult(() => reader.listStations({ ...filter, status: 'ACTIVE' }, sort, page)), { openAsOf: true });
    return { ...listed, items: listed.items.map(publicFieldsOf) };
  }
}
