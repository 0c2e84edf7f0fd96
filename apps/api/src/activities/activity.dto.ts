import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  activityKinds,
  activityModes,
  activityStages,
  FEE_KINDS,
  monthThemes,
  organiserKinds,
  type ActivityKind,
  type ActivityMode,
  type ActivityStage,
  type FeeKind,
  type MonthTheme,
  type OrganiserKind,
} from '@sme/domain';
import { FIGURES_GROUPINGS, type FiguresGrouping } from '@sme/read-models';
import { CommandRequestDto } from '../commands/command-request.dto';
import { DeliverableDto, FeedbackDto } from '../deliveries/delivery.dto';
import { IsRegionCode, OptionalRegionCode, QueryNumber } from '../http/validators';
import { ListQueryDto } from '../read-side/list-query.dto';
import { NestedObject } from '../http/list-fields';

const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export class OrganiserDto {
  @ApiProperty({ enum: organiserKinds.codes, description: 'STATION (a STATION_OPERATOR token), HUB (a HUB token), PROVIDER (a PROVIDER token), CENTRE (a CENTRE_OPERATOR token; the centre must be RECOGNISED)' })
  @IsIn(organiserKinds.codes)
  kind!: OrganiserKind;
  @ApiPropertyOptional({ description: 'The station’s or provider’s record id; not given for the hub' }) @IsOptional() @IsUUID() id?: string;
}

export class CoOrganiserDto {
  @ApiProperty({ example: '某银行广州分行' }) @IsString() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ description: 'Its organisation id (a USCC) when known' }) @IsOptional() @IsString() @MaxLength(40) orgId?: string;
}

export class ActivityTimeDto {
  @ApiProperty({ example: '2026-03-18' }) @IsDateString({ strict: true }) date!: string;
  @ApiProperty({ example: '14:30' }) @Matches(HH_MM, { message: 'startTime must be HH:MM' }) startTime!: string;
  @ApiProperty({ example: '17:00' }) @Matches(HH_MM, { message: 'endTime must be HH:MM' }) endTime!: string;
}

export class ActivityFeeDto {
  @ApiProperty({ enum: FEE_KINDS, description: 'FREE 公益, LOW_FEE 低收费, MARKET 市场价' }) @IsIn(FEE_KINDS) kind!: FeeKind;
  @ApiProperty({ example: 0, description: 'Per enterprise, in 分 (an integer); 0 when FREE' }) @IsInt() @Min(0) amountFen!: number;
}

export class ThemeMonthLinkDto {
  @ApiProperty({ description: 'The city’s theme-month plan' }) @IsUUID() themePlanId!: string;
  @ApiProperty({ minimum: 1, maximum: 12 }) @IsInt() @Min(1) @Max(12) month!: number;
}

export class PlanActivityDto extends CommandRequestDto {
  @NestedObject(OrganiserDto) organiser!: OrganiserDto;
  @ApiPropertyOptional({ type: [CoOrganiserDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CoOrganiserDto) coOrganisers?: CoOrganiserDto[];
  @ApiProperty() @IsString() @MaxLength(200) title!: string;
  @ApiProperty({ enum: activityKinds.codes }) @IsIn(activityKinds.codes) kind!: ActivityKind;
  @ApiProperty({ example: '知识产权质押融资' }) @IsString() @MaxLength(200) theme!: string;
  @NestedObject(ThemeMonthLinkDto, { optional: true }) themeMonth?: ThemeMonthLinkDto;
  @NestedObject(ActivityTimeDto) time!: ActivityTimeDto;
  @ApiProperty({ enum: activityModes.codes }) @IsIn(activityModes.codes) mode!: ActivityMode;
  @ApiProperty({ description: 'The address, or the online platform' }) @IsString() @MaxLength(500) venue!: string;
  @ApiProperty({ minimum: 1, description: 'Enterprises that may register' }) @IsInt() @Min(1) capacity!: number;
  @NestedObject(ActivityFeeDto) fee!: ActivityFeeDto;
  @ApiProperty({ example: '440106', description: 'Where it is held (GB/T 2260): a district, or the city' }) @IsRegionCode() regionCode!: string;
}

/** The reason is the request's `reason`; the step requires it. */
export class PostponeActivityDto extends CommandRequestDto {
  @NestedObject(ActivityTimeDto, { description: 'The new time, later than the old' }) time!: ActivityTimeDto;
}

export class ActivityReasonDto extends CommandRequestDto {}

export class RegisterForActivityDto extends CommandRequestDto {
  @ApiProperty({ description: 'The enterprise (its record in the enterprise database); an ENTERPRISE token registers itself only' }) @IsUUID() enterpriseId!: string;
}

export class HoldActivityDto extends CommandRequestDto {
  @ApiProperty({ type: [String], description: 'The enterprises present, each registered' }) @IsArray() @IsUUID('all', { each: true }) enterpriseIdsPresent!: string[];
  @ApiProperty({ minimum: 0, description: 'Persons present, at least one per enterprise present' }) @IsInt() @Min(0) personsPresent!: number;
  @ApiPropertyOptional({ type: [DeliverableDto], description: '议程, 签到表, … by SHA-256' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DeliverableDto)
  materials?: DeliverableDto[];
}

export class ActivityFeedbackDto extends FeedbackDto {}

export class ListActivitiesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: activityStages.codes }) @IsOptional() @IsIn(activityStages.codes) status?: ActivityStage;
  @ApiPropertyOptional({ enum: activityKinds.codes }) @IsOptional() @IsIn(activityKinds.codes) kind?: ActivityKind;
  @ApiPropertyOptional({ enum: organiserKinds.codes }) @IsOptional() @IsIn(organiserKinds.codes) organiserKind?: OrganiserKind;
  @ApiPropertyOptional({ description: 'The organiser’s record id (the hub’s organisation id)' }) @IsOptional() @IsString() @MaxLength(100) organiserId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() stationId?: string;
  @OptionalRegionCode('440106', 'Where it is held: a district, or a city for all its districts') regionCode?: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'The activity’s day from (inclusive)' }) @IsOptional() @IsDateString({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'The activity’s day until (inclusive)' }) @IsOptional() @IsDateString({ strict: true }) until?: string;
  @ApiPropertyOptional({ description: 'Activities of this theme-month plan' }) @IsOptional() @IsUUID() themePlanId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: 'With themePlanId: its month' }) @IsOptional() @QueryNumber() @IsInt() @Min(1) @Max(12) themeMonth?: number;
}

export class ServiceFiguresQueryDto {
  @ApiProperty({ example: '2026-01-01' }) @IsDateString({ strict: true }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) @IsDateString({ strict: true }) until!: string;
  @ApiPropertyOptional({ enum: FIGURES_GROUPINGS, description: 'Rows per organisation (default), district or city' }) @IsOptional() @IsIn(FIGURES_GROUPINGS) by?: FiguresGrouping;
  @OptionalRegionCode('440100', 'Activities held and services delivered inside this region') regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() stationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() providerId?: string;
}

export class ThemeMonthDto {
  @ApiProperty({ minimum: 1, maximum: 12 }) @IsInt() @Min(1) @Max(12) month!: number;
  @ApiProperty({ enum: monthThemes.codes }) @IsIn(monthThemes.codes) theme!: MonthTheme;
  @ApiPropertyOptional({ example: '融资服务月' }) @IsOptional() @IsString() @MaxLength(100) title?: string;
}

export class AdoptThemePlanDto extends CommandRequestDto {
  @ApiProperty({ example: '440100' }) @IsRegionCode() cityCode!: string;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ type: [ThemeMonthDto] }) @IsArray() @ValidateNested({ each: true }) @Type(() => ThemeMonthDto) months!: ThemeMonthDto[];
}

/** The reason is the request's `reason`; the revision requires it. */
export class ReviseThemePlanDto extends CommandRequestDto {
  @ApiProperty({ type: [ThemeMonthDto], description: 'The whole new list' }) @IsArray() @ValidateNested({ each: true }) @Type(() => ThemeMonthDto) months!: ThemeMonthDto[];
}

export class ListThemePlansQueryDto extends PickType(ListQueryDto, ['asOf', 'knownAt']) {
  @OptionalRegionCode('440100', 'The city') cityCode?: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @QueryNumber() @IsInt() @Min(2000) @Max(2100) year?: number;
}
