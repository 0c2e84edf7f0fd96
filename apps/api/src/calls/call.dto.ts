import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ListQueryDto } from '../read-side/list-query.dto';
import { CommandRequestDto } from '../commands/command-request.dto';
import { IsRegionCode, OptionalRegionCode, REGION_CODE_PATTERN } from '../http/validators';

export class OpenCallDto extends CommandRequestDto {
  @ApiProperty({ example: '广州市中小企业服务站征集（2019）' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '穗工信函〔2019〕1100号' })
  @IsString()
  @MaxLength(100)
  documentNumber!: string;

  @ApiProperty({ example: '440100', description: 'GB/T 2260 city code', pattern: REGION_CODE_PATTERN })
  @IsRegionCode()
  cityCode!: string;

  @ApiProperty({ example: '2018-01-01', description: 'Operators must be registered before this date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'registrationCutoff must be a date YYYY-MM-DD' })
  registrationCutoff!: string;

  @ApiProperty({ example: '2019-06-18T17:00:00+08:00' })
  @IsISO8601({ strict: true })
  districtDeadline!: string;

  @ApiProperty({ example: '2019-06-21T17:00:00+08:00' })
  @IsISO8601({ strict: true })
  cityDeadline!: string;

  @ApiProperty({ example: 100 })
  @IsInt()
  @Min(1)
  @Max(100000)
  targetStationCount!: number;
}

export class ListCallsQueryDto extends ListQueryDto {
  @OptionalRegionCode('440100')
  cityCode?: string;

  @ApiPropertyOptional({ enum: ['OPEN', 'CLOSED', 'PUBLISHED'] })
  @IsOptional()
  @IsIn(['OPEN', 'CLOSED', 'PUBLISHED'])
  status?: 'OPEN' | 'CLOSED' | 'PUBLISHED';
}
