import { Controller, Get, HttpStatus, Inject, Param, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ROLES, type Actor, type Role } from '@sme/domain';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import type { Request, Response } from 'express';
import { documentsOf } from '../audit/dossier-scope';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';
import { SHA256 } from '../http/validators';
import { RecordLoader } from '../records/record-loader';
import { DOCUMENT_KINDS, DOCUMENT_READINGS } from './document-readings';
import { ContentTooLarge, DigestMismatch, EVIDENCE_FILES, type EvidenceFiles } from './evidence-files';

export class DigestParam {
  @ApiProperty({ pattern: SHA256.source, description: 'The file’s SHA-256, lower-case hex: the digest the ledger’s events fix' }) @Matches(SHA256) sha256!: string;
}

export class DocumentRecordDto {
  @ApiProperty({ example: 'application-5e1a2b3c-4d5e-4f60-8a1b-2c3d4e5f6a90', description: 'The record whose events fix the document: `<kind>-<id>`' })
  @Matches(new RegExp(`^(${DOCUMENT_KINDS.join('|')})-[\\x21-\\x7e]{1,128}$`))
  record!: string;
}

/** Who records documents: every role that writes records; the oversight roles read only. */
const UPLOADERS: Role[] = ROLES.filter((role) => !['AUDITOR', 'SUPERVISOR', 'EVALUATOR'].includes(role));

@ApiTags('documents (证明材料)')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    @Inject(EVIDENCE_FILES) private readonly files: EvidenceFiles,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly records: RecordLoader,
  ) {}

  @Put(':sha256')
  @Roles(...UPLOADERS)
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Upload a document under its SHA-256: the server hashes what arrives and refuses (400 DIGEST_MISMATCH) content whose digest differs; 201 stored, 200 already there (DOCUMENT_LIMIT, default 20mb). Send it as application/octet-stream, before or after the event that names its digest',
  })
  async upload(@Param() { sha256 }: DigestParam, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<{ sha256: string; stored: boolean }> {
    const limit = this.config.documentLimitBytes;
    if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
    try {
      const result = await this.files.put(sha256, req, limit);
      res.status(result === 'stored' ? HttpStatus.CREATED : HttpStatus.OK);
      return { sha256, stored: result === 'stored' };
    } catch (error) {
      if (error instanceof DigestMismatch) {
        const message = { zh: `上传内容的 SHA-256 为 ${error.actual}，与 ${sha256} 不符`, en: `The content's SHA-256 is ${error.actual}, not ${sha256}` };
        throw ApiError.badRequest('DIGEST_MISMATCH', message.zh, message.en, [{ field: 'sha256', rule: 'digest', message }]);
      }
      if (error instanceof ContentTooLarge) throw tooLarge(limit);
      throw error;
    }
  }

  @Get(':sha256')
  @ApiOkResponse({ description: 'The file, as uploaded', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: 'Open a document the record’s events fix, under the record’s own read rule (whoever may read the application may open its materials): 404 when the record does not name it, or its file was never uploaded',
  })
  async download(@Param() { sha256 }: DigestParam, @Query() { record }: DocumentRecordDto, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const dash = record.indexOf('-');
    const reading = DOCUMENT_READINGS[record.slice(0, dash)];
    // The record's own read rule: 404 when absent, 403 outside it.
    const { kind, project, missing, forbidden, mayRead } = reading;
    await this.records.view(kind, project, record.slice(dash + 1), { missing, forbidden, mayRead: mayRead && ((view) => mayRead(actor, view, this.records)) });
    const named = (await this.store.readStream(record)).flatMap(documentsOf).find((d) => d.sha256 === sha256);
    if (named === undefined) throw ApiError.notFound('DOCUMENT_NOT_IN_RECORD', '该记录未登记此文件', 'The record names no document with this digest');
    const file = await this.files.open(sha256);
    if (file === undefined) throw ApiError.notFound('DOCUMENT_FILE_MISSING', '账本登记了该文件的摘要，但文件尚未上传', 'The ledger holds the digest; the file was never uploaded');
    const fileName = encodeURIComponent(named.fileName ?? sha256);
    return new StreamableFile(file.content, { type: 'application/octet-stream', length: file.size, disposition: `attachment; filename*=UTF-8''${fileName}` });
  }
}

const tooLarge = (limit: number) =>
  ApiError.of(HttpStatus.PAYLOAD_TOO_LARGE, 'DOCUMENT_TOO_LARGE', `文件超过 ${limit} 字节上限`, `The document is over the ${limit}-byte limit (DOCUMENT_LIMIT)`);
