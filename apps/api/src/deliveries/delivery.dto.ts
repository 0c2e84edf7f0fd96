import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDateString, IsDefined, IsISO8601, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  deliveryModes,
  deliveryStages,
  FEE_KINDS,
  FOLLOW_UP_CAUSES,
  serviceDomains,
  servingKinds,
  visitChannels,
  type DeliveryMode,
  type DeliveryStage,
  type FeeKind,
  type ServiceDomain,
  type ServingKind,
  type VisitChannel,
} from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { OptionalRegionCode, IsRegionCode, QueryBoolean } from '../http/validators';
import { ListQueryDto } from '../read-side/list-query.dto';
import { NestedObject } from '../http/list-fields';

export class ServerDto {
  @ApiProperty({ enum: servingKinds.codes, description: 'PROVIDER (a PROVIDER token), STATION (a STATION_OPERATOR token), HUB (a HUB token) or CENTRE (a CENTRE_OPERATOR token; a recognised centre)' })
  @IsIn(servingKinds.codes)
  kind!: ServingKind;
  @ApiPropertyOptional({ description: 'The provider’s, station’s or centre’s record id; not given for the hub' }) @IsOptional() @IsUUID() id?: string;
}

export class DeliveryFeeDto {
  @ApiPropertyOptional({ enum: FEE_KINDS, description: 'FREE 公益, LOW_FEE 低收费, MARKET 市场价; from the product when one is named' })
  @IsOptional()
  @IsIn(FEE_KINDS)
  kind?: FeeKind;
  @ApiProperty({ example: 200000, description: 'The agreed fee in 分 (an integer); 0 when FREE' }) @IsInt() @Min(0) amountFen!: number;
}

export class RegisterDeliveryDto extends CommandRequestDto {
  @NestedObject(ServerDto) server!: ServerDto;
  @ApiProperty({ description: 'The enterprise served (its record in the enterprise database)' }) @IsUUID() enterpriseId!: string;
  @ApiPropertyOptional({ description: 'The demand it answers (accepted or matched, of the same enterprise)' }) @IsOptional() @IsUUID() demandId?: string;
  @ApiPropertyOptional({ description: 'The catalogue product it follows (the provider’s own, on show)' }) @IsOptional() @IsUUID() productId?: string;
  @ApiProperty({ enum: serviceDomains.codes }) @IsIn(serviceDomains.codes) domain!: ServiceDomain;
  @ApiProperty() @IsString() @MaxLength(200) title!: string;
  @ApiProperty() @IsString() @MaxLength(5000) description!: string;
  @ApiProperty({ example: '2026-03-02' }) @IsDateString({ strict: true }) plannedStart!: string;
  @ApiProperty({ example: '2026-03-20' }) @IsDateString({ strict: true }) plannedEnd!: string;
  @NestedObject(DeliveryFeeDto) fee!: DeliveryFeeDto;
  @ApiPropertyOptional({ description: '投入工时 (hours)' }) @IsOptional() @IsNumber() @Min(0) staffHours?: number;
  @ApiProperty({ enum: deliveryModes.codes }) @IsIn(deliveryModes.codes) mode!: DeliveryMode;
  @ApiProperty({ example: '440106', description: 'Where the service is given (GB/T 2260)' }) @IsRegionCode() regionCode!: string;
}

export class StartDeliveryDto extends CommandRequestDto {
  @ApiProperty({ example: '2026-03-03' }) @IsDateString({ strict: true }) startedOn!: string;
}

export class ProgressNoteDto extends CommandRequestDto {
  @ApiProperty() @IsString() @MaxLength(5000) note!: string;
}

export class DeliverableDto {
  @ApiProperty() @IsString() @MaxLength(200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) fileName?: string;
  @ApiProperty({ description: 'SHA-256 of the document, 64 hex characters' }) @IsString() sha256!: string;
}

export class DeliverServiceDto extends CommandRequestDto {
  @ApiProperty({ example: '2026-03-10' }) @IsDateString({ strict: true }) deliveredOn!: string;
  @ApiProperty() @IsString() @MaxLength(5000) outcome!: string;
  @ApiPropertyOptional({ type: [DeliverableDto] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => DeliverableDto) deliverables?: DeliverableDto[];
}

/** The reason is the request's `reason` (kept on the event's envelope too); the step requires it. */
export class ReasonDto extends CommandRequestDto {}

export class AspectsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '响应速度' }) @IsOptional() @IsInt() @Min(1) @Max(5) response?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '专业水平' }) @IsOptional() @IsInt() @Min(1) @Max(5) professionalism?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '服务成效' }) @IsOptional() @IsInt() @Min(1) @Max(5) outcome?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '服务态度' }) @IsOptional() @IsInt() @Min(1) @Max(5) attitude?: number;
}

export class FeedbackDto extends CommandRequestDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '5 非常满意, 4 满意, 3 一般, 2 不满意, 1 非常不满意; 1–2 opens a follow-up' }) @IsInt() @Min(1) @Max(5) rating!: number;
  @ApiProperty() @IsString() @MaxLength(5000) comment!: string;
  @ApiPropertyOptional({ type: AspectsDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => AspectsDto) aspects?: AspectsDto;
}

export class ComplaintDto extends CommandRequestDto {
  @ApiProperty() @IsString() @MaxLength(5000) complaint!: string;
}

export class ReturnVisitDto extends CommandRequestDto {
  @ApiProperty({ enum: visitChannels.codes }) @IsIn(visitChannels.codes) channel!: VisitChannel;
  @ApiProperty({ example: '2026-03-20' }) @IsDateString({ strict: true }) visitedOn!: string;
  @ApiProperty() @IsString() @MaxLength(100) visitor!: string;
  @ApiProperty() @IsString() @MaxLength(5000) findings!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) satisfaction!: number;
}

export class CorrectionChangesDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) outcome?: string;
}

export class CorrectionDto extends CommandRequestDto {
  @ApiProperty({ type: CorrectionChangesDto }) @IsObject() @IsDefined() @ValidateNested() @Type(() => CorrectionChangesDto) changes!: CorrectionChangesDto;
}


export class ListDeliveriesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: deliveryStages.codes }) @IsOptional() @IsIn(deliveryStages.codes) status?: DeliveryStage;
  @ApiPropertyOptional({ enum: serviceDomains.codes }) @IsOptional() @IsIn(serviceDomains.codes) domain?: ServiceDomain;
  @ApiPropertyOptional() @IsOptional() @IsUUID() enterpriseId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() providerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() stationId?: string;
  @ApiPropertyOptional({ description: 'A service centre serving as the organisation' }) @IsOptional() @IsUUID() centreId?: string;
  @OptionalRegionCode('440106', 'Where the service was given: a district, or a city for all its districts') regionCode?: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Period start (business date, inclusive)' }) @IsOptional() @IsDateString({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Period end (business date, inclusive)' }) @IsOptional() @IsDateString({ strict: true }) until?: string;
  @ApiPropertyOptional({ type: Boolean, description: 'Only deliveries that need a 回访 not yet made' }) @IsOptional() @QueryBoolean() @IsBoolean() returnVisitDue?: boolean;
}

export class DeliveryFiguresQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() providerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() stationId?: string;
  @ApiPropertyOptional({ description: 'A service centre serving as the organisation' }) @IsOptional() @IsUUID() centreId?: string;
  @OptionalRegionCode('440100', 'Deliveries given inside this region') regionCode?: string;
  @ApiProperty({ example: '2026-01-01' }) @IsDateString({ strict: true }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) @IsDateString({ strict: true }) until!: string;
}


export class FollowUpContactDto extends CommandRequestDto {
  @ApiProperty({ enum: visitChannels.codes }) @IsIn(visitChannels.codes) channel!: VisitChannel;
  @ApiProperty({ example: '2026-03-13' }) @IsDateString({ strict: true }) contactedOn!: string;
  @ApiProperty() @IsString() @MaxLength(5000) note!: string;
}

export class RectificationPlanDto extends CommandRequestDto {
  @ApiProperty() @IsString() @MaxLength(5000) plan!: string;
}

export class RectificationDto extends CommandRequestDto {
  @ApiProperty() @IsString() @MaxLength(5000) rectification!: string;
  @ApiProperty({ example: '2026-03-16' }) @IsDateString({ strict: true }) rectifiedOn!: string;
}

export class SettlementDto extends CommandRequestDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'A new rating, when the enterprise gives one' }) @IsOptional() @IsInt() @Min(1) @Max(5) rating?: number;
  @ApiProperty() @IsString() @MaxLength(5000) comment!: string;
}

export class ListFollowUpsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['OPEN', 'CLOSED'] }) @IsOptional() @IsIn(['OPEN', 'CLOSED']) status?: 'OPEN' | 'CLOSED';
  @ApiPropertyOptional({ enum: FOLLOW_UP_CAUSES }) @IsOptional() @IsIn(FOLLOW_UP_CAUSES) cause?: (typeof FOLLOW_UP_CAUSES)[number];
  @ApiPropertyOptional() @IsOptional() @IsUUID() deliveryId?: string;
  @ApiPropertyOptional({ description: 'The activity whose 差评 opened it' }) @IsOptional() @IsUUID() activityId?: string;
  @ApiPropertyOptional({ example: '2026-03-20', description: 'Open ones due on or before this day' }) @IsOptional() @IsDateString({ strict: true }) dueBy?: string;
  @ApiPropertyOptional({ example: '2026-03-20', description: 'Open ones overdue on this day (due before it)' }) @IsOptional() @IsDateString({ strict: true }) overdueOn?: string;
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @QueryBoolean() @IsBoolean() escalated?: boolean;
}

export class RunDeadlinesDto {
  @ApiPropertyOptional({ example: '2026-03-20T09:00:00+08:00', description: 'Business time of the run (default now); ADMIN only, for replaying a day' }) @IsOptional() @IsISO8601() at?: string;
}
