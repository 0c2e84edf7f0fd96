import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { isWithinRegion, readLogKind, type Actor, type ReadLogEvents } from '@sme/domain';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { GetStreamEventsQuery, VerifyChainsQuery } from './audit.messages';
import { DossierParams, DossierQueryDto, RecordChangesQueryDto, RecordParams, VerifyCheckpointsDto } from './audit.dto';
import { RECORD_READINGS } from './record-readings';
import { recordChanges } from './record-changes';
import { recordQuery } from '../records/record-query';
import { ApiError } from '../http/api-error';
import { DossierQuery, type AuditPackage, type Dossier } from './dossier';
import { Notary } from './notary';
import { documentsOf } from './dossier-scope';
import { regionOfStream } from './stream-region';
import { readsRegion } from '../records/read-scope';
import { EVIDENCE_FILES, type EvidenceFiles } from '../documents/evidence-files';
import { IsBusinessDate, QueryBoolean, QueryNumber } from '../http/validators';

export class StreamIdParam {
  // Ids are UUIDs, except where a record is named by something else (an expert by their user id: 1–128 visible ASCII).
  @ApiProperty({ example: 'station-5e1a2b3c-4d5e-4f60-8a1b-2c3d4e5f6a90', pattern: '^[a-z]+-[\\x21-\\x7e]{1,128}$', description: '<category>-<id>' })
  @Matches(/^[a-z]+-[\x21-\x7e]{1,128}$/, {
    message: 'streamId must be <category>-<id>, e.g. station-<uuid>',
  })
  streamId!: string;
}

export class VerifyQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: read the whole log again, not only what was appended since the last verification' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  full?: boolean;
}

export class StreamEventsQueryDto {
  @ApiPropertyOptional() @IsOptional() @QueryNumber() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) fromRevision?: number;
  @ApiPropertyOptional({ enum: ['forwards', 'backwards'] }) @IsOptional() @IsIn(['forwards', 'backwards']) direction?: 'forwards' | 'backwards';
  @ApiPropertyOptional() @IsOptional() @QueryNumber() @IsInt() @Min(1) @Max(10000) limit?: number;
  @ApiPropertyOptional({
    enum: ['read', 'kept'],
    description: 'read (default): personal fields opened (已删除 once erased); kept: exactly as stored, personal fields as ciphertext — the form the hashes cover, to recompute them',
  })
  @IsOptional()
  @IsIn(['read', 'kept'])
  form?: 'read' | 'kept';
}

export class PersonalDataReadsQueryDto {
  @ApiProperty({ example: '2026-12-05', description: 'The day in China' }) @IsBusinessDate() on!: string;
  @ApiPropertyOptional({ description: 'Only the reads of this record' }) @IsOptional() @IsString() @MaxLength(128) recordId?: string;
  @ApiPropertyOptional({ description: 'Only the reads by this subject' }) @IsOptional() @IsString() @MaxLength(128) readerId?: string;
}

@ApiTags('audit (审计)')
@ApiBearerAuth()
@Roles('AUDITOR')
@Controller()
export class AuditController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly notary: Notary,
    @Inject(EVIDENCE_FILES) private readonly files: EvidenceFiles,
  ) {}

  @Get('streams/:streamId/events')
  @ApiOperation({ summary: 'A record’s whole history: every event with its full envelope and hash link (records inside the auditor’s region)' })
  streamEvents(@Param() { streamId }: StreamIdParam, @Query() query: StreamEventsQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetStreamEventsQuery(streamId, actor, query.fromRevision, query.direction, query.limit, query.form));
  }

  @Get('audit/dossiers/:subject/:id')
  @ApiOperation({
    summary: 'An organisation’s whole dossier (a station, provider, centre or enterprise inside the auditor’s region): every event about it across the ledger — its own record, its application, deliveries and their follow-ups, activities, reports, demands, and the single events of shared records that name it (a list publication, an evaluation, a voucher order) — in log order; by business time, event type and correlation; format=package for the audit package',
  })
  async dossier(@Param() { subject, id }: DossierParams, @Query() query: DossierQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<Dossier | AuditPackage> {
    const day = (value: string, end: boolean) => (value.length === 10 ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}+08:00` : value);
    const filter = {
      ...(query.from === undefined ? {} : { from: day(query.from, false) }),
      ...(query.until === undefined ? {} : { until: day(query.until, true) }),
      ...(query.types === undefined ? {} : { types: query.types.split(',') }),
      ...(query.correlationId === undefined ? {} : { correlationId: query.correlationId }),
    };
    const asPackage = query.format === 'package';
    if (asPackage) res.setHeader('Content-Disposition', `attachment; filename="dossier-${subject}-${id}.json"`);
    return this.queries.execute(new DossierQuery(subject, id, filter, actor, asPackage));
  }

  @Get('audit/records/:kind/:id/changes')
  @ApiOperation({
    summary: 'What the ledger learnt about a record between two record times: the record as known at `from` and at `to` (replayed to `asOf` when given), and every field that differs — a back-dated act shows here',
  })
  async changes(@Param() { kind, id }: RecordParams, @Query() query: RecordChangesQueryDto, @CurrentActor() actor: Actor) {
    const reading = RECORD_READINGS[kind];
    const to = query.to ?? new Date().toISOString();
    if (Date.parse(query.from) > Date.parse(to)) {
      const message = { zh: 'from 不能晚于 to', en: 'from must not be after to' };
      throw ApiError.badRequest('PERIOD_INVALID', message.zh, message.en, [{ field: 'from', rule: 'period', message }]);
    }
    // The record as it is now, under its read rule (404, 403); then as known at each time, null when not yet.
    await this.queries.execute(recordQuery(reading, id, actor));
    const at = (knownAt: string) =>
      this.queries.execute(recordQuery(reading, id, actor, { knownAt, ...(query.asOf === undefined ? {} : { asOf: query.asOf }) })).catch((error: unknown) => {
        if ((error as { status?: unknown; statusCode?: unknown; kind?: unknown }).kind === 'NOT_FOUND' || (error as { getStatus?: () => number }).getStatus?.() === 404) return null;
        throw error;
      });
    const before = await at(query.from);
    const after = await at(to);
    return { kind, id, from: query.from, to, ...(query.asOf === undefined ? {} : { asOf: query.asOf }), before, after, changes: recordChanges(before, after) };
  }

  @Get('audit/documents')
  @ApiOperation({ summary: 'Every document the ledger’s events fix (by digest), for the records inside the auditor’s region, and which of them have no file: the check that the evidence is all there' })
  async documents(@CurrentActor() actor: Actor) {
    const referenced = new Map<string, { sha256: string; fileName: string | null; streamId: string; eventId: string; type: string }>();
    const regions = new Map<string, string | undefined>();
    for (let after: bigint | undefined; ; ) {
      const page = await this.store.readAll({ after, maxCount: 1000 });
      if (page.length === 0) break;
      for (const event of page) {
        if (!regions.has(event.streamId)) regions.set(event.streamId, regionOfStream(event));
        if (!readsRegion(actor, regions.get(event.streamId))) continue;
        for (const d of documentsOf(event)) if (!referenced.has(d.sha256)) referenced.set(d.sha256, { ...d, streamId: event.streamId, eventId: event.id, type: event.type });
      }
      after = page[page.length - 1].position;
    }
    const missing = [];
    for (const document of referenced.values()) if (!(await this.files.has(document.sha256))) missing.push(document);
    return { referenced: referenced.size, stored: referenced.size - missing.length, missing };
  }

  @Get('audit/personal-data-reads')
  @ApiOperation({ summary: '个人信息查阅记录: who was shown which record’s personal data on a day (applications’ contacts, experts’ profiles, enterprises’ ties), for the records inside the auditor’s region' })
  async personalDataReads(@Query() query: PersonalDataReadsQueryDto, @CurrentActor() actor: Actor) {
    const events = await this.store.readStream(readLogKind.streamId(query.on));
    const items = events
      .map((event) => ({ ...(event.data as ReadLogEvents['PersonalDataRead']['data']), position: event.position.toString() }))
      .filter((read) => isWithinRegion(read.record.regionCode, actor.regionCode))
      .filter((read) => (query.recordId === undefined || read.record.id === query.recordId) && (query.readerId === undefined || read.reader.id === query.readerId));
    return { on: query.on, total: items.length, items };
  }

  @Get('audit/verify')
  @ApiOperation({
    summary:
      'Recompute every stream’s hash chain (names the first broken link) and check every signed checkpoint at its position. Incremental: reads only what was appended since the last verification (the first after a start reads the whole log); ?full=true reads the whole log again',
  })
  verify(@Query() query: VerifyQueryDto) {
    return this.queries.execute(new VerifyChainsQuery(query.full === true));
  }

  @Post('audit/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check checkpoints kept outside the ledger (a copy of the checkpoint file or topic) against the log as it is now: a deleted tail, a recomputed history or a forged checkpoint each fail, naming the problem',
  })
  async verifyKept(@Body() dto: VerifyCheckpointsDto) {
    const results = await this.notary.verify(dto.checkpoints);
    return { ok: results.every((r) => r.ok), verifiedAt: new Date().toISOString(), results };
  }

  @Get('audit/checkpoints')
  @Roles('AUDITOR', 'ADMIN')
  @ApiOperation({ summary: '存证检查点: every signed checkpoint, oldest first, with the key that signed it' })
  async checkpoints() {
    const items = await this.notary.checkpoints();
    return { total: items.length, items };
  }

  @Post('audit/checkpoints')
  @Roles('AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Sign a checkpoint of the log as it stands now (besides the scheduled ones): 201 with it; 409 CHECKPOINT_NOT_NEWER when another was signed at the same position first' })
  signCheckpoint(@CurrentActor() actor: Actor) {
    return this.notary.sign('ON_DEMAND', actor);
  }

  @Get('audit/signing-key')
  @Roles('AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'The public key the ledger signs its checkpoints with (SPKI PEM) and its id: keep it outside the ledger' })
  signingKey() {
    return this.notary.publicKey();
  }
}
