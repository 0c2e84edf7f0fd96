import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsUUID } from 'class-validator';
import { OptionalRegionCode } from '../http/validators';

const day = (example: string, description: string) => ApiPropertyOptional({ example, description });

export class TargetsProgressQueryDto {
  @OptionalRegionCode('440100', 'A province, a city or a district (county-level); or give stationId') regionCode?: string;
  @ApiPropertyOptional({ description: 'One station, against the targets split down from its city’s' }) @IsOptional() @IsUUID() stationId?: string;
  @day('2019-12-31', 'The day (default today, China): the state that day; counts up to it') @IsOptional() @IsDateString({ strict: true }) on?: string;
  @day('2019-01-01', 'With until: a period instead of a day (counts in it, the state on its last day)') @IsOptional() @IsDateString({ strict: true }) from?: string;
  @day('2019-12-31', 'With from: the period’s last day (inclusive)') @IsOptional() @IsDateString({ strict: true }) until?: string;
}

export class TargetsComparisonQueryDto {
  @OptionalRegionCode('440100', 'A province, a city or a district (county-level); or give stationId') regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() stationId?: string;
  @day('2019-07-01', 'The period: first day') @IsOptional() @IsDateString({ strict: true }) from?: string;
  @day('2019-12-31', 'The period: last day') @IsOptional() @IsDateString({ strict: true }) until?: string;
  @day('2019-01-01', 'The period compared with: first day') @IsOptional() @IsDateString({ strict: true }) compareFrom?: string;
  @day('2019-06-30', 'The period compared with: last day') @IsOptional() @IsDateString({ strict: true }) compareUntil?: string;
}
