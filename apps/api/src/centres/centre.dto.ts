import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { centreLegalForms, centreLevels, centreOrigins, centreStandings, type CentreLegalForm, type CentreLevel, type CentreOriginKind, type CentreStanding } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { IsRegionCode, IsUsccShaped, OptionalRegionCode, QueryBoolean, QueryNumber } from '../http/validators';
import { ListQueryDto } from '../read-side/list-query.dto';
import { NestedObject } from '../http/list-fields';

export class CentreOriginDto {
  @ApiProperty({ enum: centreOrigins.codes, description: '成立, 认定 or 指定' }) @IsIn(centreOrigins.codes) kind!: CentreOriginKind;
  @ApiProperty({ example: '广州市工业和信息化局' }) @IsString() @MaxLength(200) authority!: string;
  @ApiProperty({ example: '穗工信函〔2017〕88号' }) @IsString() @MaxLength(100) documentNumber!: string;
  @ApiProperty({ example: '2017-03-01' }) @IsDateString({ strict: true }) on!: string;
}

export class CentreVenueDto {
  @ApiProperty({ example: 200, description: '办公和服务场所面积, ㎡' }) @IsNumber() areaSqm!: number;
  @ApiProperty({ example: '广州市天河区示例路1号' }) @IsString() @MaxLength(300) address!: string;
}

export class CentreStaffDto {
  @ApiProperty({ example: 10, description: '全职从业人员数' }) @IsInt() fullTime!: number;
  @ApiProperty({ example: 7, description: '其中中级以上职称或大学以上学历专业人员数' }) @IsInt() professional!: number;
}

export class CentreContactDto {
  @ApiProperty({ example: '020-38000001' }) @IsString() @MaxLength(100) phone!: string;
  @ApiPropertyOptional({ example: 'centre@example.cn' }) @IsOptional() @IsString() @MaxLength(200) email?: string;
}

export class CentreFactsDto {
  @ApiProperty({ example: '广州市中小企业服务中心' }) @IsString() @MaxLength(200) name!: string;
  @ApiProperty({ example: '12440100MB2C378519', description: 'The operator’s 统一社会信用代码; its staff act as CENTRE_OPERATOR with it' }) @IsUsccShaped() orgId!: string;
  @ApiProperty({ enum: centreLegalForms.codes, description: '性质' }) @IsIn(centreLegalForms.codes) legalForm!: CentreLegalForm;
  @ApiProperty({ enum: centreLevels.codes, description: 'PROVINCE, CITY, COUNTY; TOWN only in a city without counties (东莞 441900, 中山 442000)' }) @IsIn(centreLevels.codes) level!: CentreLevel;
  @ApiProperty({ example: '440100', description: 'The province (PROVINCE), the city (CITY, TOWN) or the county (COUNTY)' }) @IsRegionCode() regionCode!: string;
  @ApiPropertyOptional({ example: '虎门镇', description: 'TOWN only: the town' }) @IsOptional() @IsString() @MaxLength(100) town?: string;
  @NestedObject(CentreOriginDto) origin!: CentreOriginDto;
  @NestedObject(CentreVenueDto) venue!: CentreVenueDto;
  @NestedObject(CentreStaffDto) staff!: CentreStaffDto;
  @ApiProperty({ example: '陈主任', description: '负责人' }) @IsString() @MaxLength(100) head!: string;
  @NestedObject(CentreContactDto) contact!: CentreContactDto;
}

export class RemediationDto {
  @ApiProperty({ example: '2026年底前迁入300平方米新场地' }) @IsString() @MaxLength(5000) plan!: string;
  @ApiProperty({ example: '2026-12-31', description: 'After the day of the act' }) @IsDateString({ strict: true }) deadline!: string;
}

export class RecordCentreDto extends CommandRequestDto {
  @NestedObject(CentreFactsDto) facts!: CentreFactsDto;
  @NestedObject(RemediationDto, { optional: true, description: 'Required, and only allowed, when the centre is below its level’s standard' })
  remediation?: RemediationDto;
}

export class CentreVenueChangeDto {
  @ApiPropertyOptional({ example: 260 }) @IsOptional() @IsNumber() areaSqm?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
}

export class CentreStaffChangeDto {
  @ApiPropertyOptional({ example: 8 }) @IsOptional() @IsInt() fullTime?: number;
  @ApiPropertyOptional({ example: 6 }) @IsOptional() @IsInt() professional?: number;
}

export class CentreContactChangeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) email?: string;
}

export class CentreChangesDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: centreLegalForms.codes }) @IsOptional() @IsIn(centreLegalForms.codes) legalForm?: CentreLegalForm;
  @NestedObject(CentreVenueChangeDto, { optional: true }) venue?: CentreVenueChangeDto;
  @NestedObject(CentreStaffChangeDto, { optional: true }) staff?: CentreStaffChangeDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) head?: string;
  @NestedObject(CentreContactChangeDto, { optional: true }) contact?: CentreContactChangeDto;
}

export class UpdateCentreFactsDto extends CommandRequestDto {
  @NestedObject(CentreChangesDto, { description: 'Only the fields given change; the centre is checked again' }) changes!: CentreChangesDto;
  @NestedObject(RemediationDto, { optional: true, description: 'Needed when the change takes a recognised centre below its standard' })
  remediation?: RemediationDto;
}

export class LinkProvidersDto extends CommandRequestDto {
  @ApiProperty({ type: [String], description: 'Providers of the 库 (their record ids), each in the 库 now' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  providerIds!: string[];
}

export class UnlinkProviderDto extends CommandRequestDto {
  @ApiProperty() @IsUUID() providerId!: string;
}

/** The reason of a closure is the base `reason` field, required here by the domain rule. */
export class CloseCentreDto extends CommandRequestDto {}


export class ListCentresQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: centreLevels.codes }) @IsOptional() @IsIn(centreLevels.codes) level?: CentreLevel;
  @ApiPropertyOptional({ enum: centreStandings.codes }) @IsOptional() @IsIn(centreStandings.codes) status?: CentreStanding;
  @OptionalRegionCode('440100', 'Centres within this region (a province: all of it; a city: its own, its counties’ and towns’)')
  regionCode?: string;
  @ApiPropertyOptional({ type: Boolean, description: 'Only centres below standard whose remediation deadline has passed' }) @IsOptional() @QueryBoolean() @IsBoolean() remediationOverdue?: boolean;
}


export class CentreSummaryQueryDto {
  @ApiProperty({ example: '440100', description: 'A city (its districts, or towns for 东莞 and 中山) or a district' }) @IsRegionCode() regionCode!: string;
  @ApiProperty({ example: 2026 }) @QueryNumber() @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], description: 'xlsx: the form as a spreadsheet' }) @IsOptional() @IsIn(['json', 'xlsx']) format?: 'json' | 'xlsx';
}
