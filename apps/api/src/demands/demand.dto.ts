import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DEMAND_CLOSE_REASONS, DEMAND_URGENCIES, serviceDomains, type DemandCloseReason, type DemandUrgency, type ServiceDomain } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { OptionalRegionCode, QueryBoolean, QueryNumber } from '../http/validators';
import { ListQueryDto } from '../read-side/list-query.dto';

const DEMAND_STATUSES = ['RAISED', 'ACCEPTED', 'MATCHED', 'RESOLVED', 'CLOSED'] as const;

export class RaiseDemandDto extends CommandRequestDto {
  @ApiProperty({ description: 'The enterprise (its record in the enterprise database)' }) @IsUUID() enterpriseId!: string;
  @ApiProperty({ enum: serviceDomains.codes }) @IsIn(serviceDomains.codes) category!: ServiceDomain;
  @ApiProperty() @IsString() @MaxLength(5000) description!: string;
  @ApiProperty({ enum: DEMAND_URGENCIES }) @IsIn(DEMAND_URGENCIES) urgency!: DemandUrgency;
  @ApiPropertyOptional({ description: 'The station raising it on the enterprise’s behalf (STATION_OPERATOR only)' })
  @IsOptional()
  @IsUUID()
  stationId?: string;
}

export class AcceptDemandDto extends CommandRequestDto {
  @ApiProperty({ description: 'The station that takes the demand up' }) @IsUUID() stationId!: string;
}

export class MatchDemandDto extends CommandRequestDto {
  @ApiProperty() @IsUUID() providerId!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() productId?: string;
}

export class ResolveDemandDto extends CommandRequestDto {
  @ApiProperty() @IsString() @MaxLength(5000) outcome!: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '客户回访 rating; 1–2 opens a follow-up' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction?: number;
}

export class CloseDemandDto extends CommandRequestDto {
  @ApiProperty({ enum: DEMAND_CLOSE_REASONS }) @IsIn(DEMAND_CLOSE_REASONS) closeReason!: DemandCloseReason;
  @ApiProperty() @IsString() @MaxLength(2000) note!: string;
}

export class ListDemandsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: DEMAND_STATUSES }) @IsOptional() @IsIn(DEMAND_STATUSES) status?: (typeof DEMAND_STATUSES)[number];
  @ApiPropertyOptional({ enum: serviceDomains.codes }) @IsOptional() @IsIn(serviceDomains.codes) category?: ServiceDomain;
  @ApiPropertyOptional({ enum: DEMAND_URGENCIES }) @IsOptional() @IsIn(DEMAND_URGENCIES) urgency?: DemandUrgency;
  @OptionalRegionCode('440106') regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() stationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() enterpriseId?: string;
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  escalated?: boolean;
}

export class RunEscalationsDto {
  @ApiPropertyOptional({ description: 'Overrides DEMAND_ESCALATION_DAYS for this run' }) @IsOptional() @QueryNumber() @IsInt() @Min(1) @Max(365) days?: number;
}
