import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsDateOrTime, QueryNumber } from '../http/validators';

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

  @ApiPropertyOptional({
    example: '2026-06-30',
    description: 'The list as it stood at the end of this day (China time) or at this instant, replayed from the events. AUDITOR only, except on the station registry and the provider pool',
  })
  @IsOptional()
  @IsDateOrTime()
  asOf?: string;

  @ApiPropertyOptional({
    example: '2026-07-15T00:00:00+08:00',
    description: 'AUDITOR only: the list as the ledger knew it then — events recorded later, back-dated ones (补录) included, left out',
  })
  @IsOptional()
  @IsDateOrTime()
  knownAt?: string;
}
