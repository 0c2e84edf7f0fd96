import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Actor } from '@sme/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { GetStreamEventsQuery, VerifyChainsQuery } from './audit.messages';
import { QueryNumber } from '../http/validators';

export class StreamIdParam {
  // Ids are UUIDs, except where a record is named by something else (an expert by their user id: 1–128 visible ASCII).
  @ApiProperty({ example: 'station-5e1a2b3c-4d5e-4f60-8a1b-2c3d4e5f6a90', pattern: '^[a-z]+-[\\x21-\\x7e]{1,128}$', description: '<category>-<id>' })
  @Matches(/^[a-z]+-[\x21-\x7e]{1,128}$/, {
    message: 'streamId must be <category>-<id>, e.g. station-<uuid>',
  })
  streamId!: string;
}

export class StreamEventsQueryDto {
  @ApiPropertyOptional() @IsOptional() @QueryNumber() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) fromRevision?: number;
  @ApiPropertyOptional({ enum: ['forwards', 'backwards'] }) @IsOptional() @IsIn(['forwards', 'backwards']) direction?: 'forwards' | 'backwards';
  @ApiPropertyOptional() @IsOptional() @QueryNumber() @IsInt() @Min(1) @Max(10000) limit?: number;
}

@ApiTags('audit (审计)')
@ApiBearerAuth()
@Roles('AUDITOR')
@Controller()
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('streams/:streamId/events')
  @ApiOperation({ summary: 'A record’s whole history: every event with its full envelope and hash link (records inside the auditor’s region)' })
  streamEvents(@Param() { streamId }: StreamIdParam, @Query() query: StreamEventsQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetStreamEventsQuery(streamId, actor, query.fromRevision, query.direction, query.limit));
  }

  @Get('audit/verify')
  @ApiOperation({ summary: 'Recompute every hash chain; names the first broken link' })
  verify() {
    return this.queries.execute(new VerifyChainsQuery());
  }
}
