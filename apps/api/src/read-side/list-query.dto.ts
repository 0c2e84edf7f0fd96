import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { QueryNumber } from '../http/validators';

/** Paging and sorting every list accepts. */
export class ListQueryDto {
  @ApiPropertyOptional({ description: '1–200, default 50' })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;

  @ApiPropertyOptional({ description: 'A field name, with a leading - for descending (allowed fields depend on the list)' })
  @IsOptional()
  @Matches(/^-?[A-Za-z]{1,40}$/, { message: 'sort must be a field name, optionally prefixed with -' })
  sort?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive text search on names' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
