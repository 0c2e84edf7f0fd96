import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@sme/domain/shared/domain-error';
import { WrongExpectedRevisionError } from '@sme/event-store';
import { NoProjectionError } from '@sme/read-models';
import type { Response } from 'express';
import type { ApiErrorBody } from './api-error';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  VALIDATION: HttpStatus.BAD_REQUEST,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
};

/** Turns every failure into the one bilingual error body. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    // A read that waited for its projection in vain: the client may retry shortly.
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(body.details?.retryAfterSeconds ?? 1));
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_OF_KIND[exception.kind];
      const message = { zh: exception.messageZh, en: exception.messageEn };
      return {
        statusCode,
        code: exception.code,
        message,
        ...(exception.field ? { errors: [{ field: exception.field, rule: exception.code, message }] } : {}),
      };
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return {
        statusCode: HttpStatus.CONFLICT,
        code: 'REVISION_CONFLICT',
        message: {
          zh: `记录已被他人修改（期望版本 ${String(exception.expected)}，当前版本 ${String(exception.actual)}），请重新读取后再试`,
          en: `The record changed meanwhile (expected revision ${String(exception.expected)}, actual ${String(exception.actual)}); read it again and retry`,
        },
        details: { streamId: exception.streamId, expected: String(exception.expected), actual: String(exception.actual) },
      };
    }
    if (exception instanceof NoProjectionError) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'READ_MODEL_NOT_BUILT',
        message: { zh: `读模型 ${exception.projection} 尚未建立，请稍后重试`, en: `The read model ${exception.projection} has not been built yet; retry shortly` },
        details: { projection: exception.projection, retryAfterSeconds: 5 },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      if (typeof raw === 'object' && raw !== null && 'code' in raw && 'message' in raw) return raw as ApiErrorBody;
      return {
        statusCode: status,
        code: HttpStatus[status] ?? 'HTTP_ERROR',
        message: { zh: GENERIC_ZH[status] ?? '请求失败', en: exception.message },
      };
    }
    const rejected = bodyRejection(exception);
    if (rejected) return rejected;
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: { zh: '服务器内部错误，未写入任何数据', en: 'Internal error; nothing was written' },
    };
  }
}

const GENERIC_ZH: Record<number, string> = {
  400: '请求有误',
  401: '未认证',
  403: '无权访问',
  404: '资源不存在',
  405: '不支持该方法',
  413: '请求体过大',
  415: '不支持的媒体类型',
  429: '请求过于频繁，请稍后再试',
};

/** What the body parser refuses before any route runs: a body too large, too deep, not JSON, or in a charset it cannot read. */
const BODY_REJECTIONS: Record<string, { code: string; zh: string; en: string }> = {
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', zh: '请求体过大', en: 'The request body is too large' },
  'entity.too.deep': { code: 'BODY_TOO_DEEP', zh: '请求体嵌套层级过深', en: 'The request body is nested too deeply' },
  'entity.parse.failed': { code: 'BODY_NOT_JSON', zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'entity.verify.failed': { code: 'BODY_REJECTED', zh: '请求体无法接受', en: 'The request body cannot be accepted' },
  'request.aborted': { code: 'REQUEST_ABORTED', zh: '请求被中断', en: 'The request was aborted' },
  'request.size.invalid': { code: 'BODY_SIZE_MISMATCH', zh: '请求体长度与声明不符', en: 'The request body does not match its declared length' },
  'charset.unsupported': { code: 'UNSUPPORTED_CHARSET', zh: '不支持的字符集', en: 'The charset is not supported' },
  'encoding.unsupported': { code: 'UNSUPPORTED_ENCODING', zh: '不支持的内容编码', en: 'The content encoding is not supported' },
};

/** A body parser's refusal (an http-errors error with a 4xx status and a type) as the one error body; undefined for anything else. */
function bodyRejection(exception: unknown): ApiErrorBody | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, type, limit } = exception as { status?: unknown; type?: unknown; limit?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof type !== 'string') return undefined;
  const known = BODY_REJECTIONS[type] ?? { code: HttpStatus[status] ?? 'BAD_REQUEST', zh: GENERIC_ZH[status] ?? '请求有误', en: 'The request was refused' };
  const bound = typeof limit === 'number' ? { zh: `（上限 ${limit} 字节）`, en: ` (at most ${limit} bytes)` } : { zh: '', en: '' };
  return { statusCode: status, code: known.code, message: { zh: `${known.zh}${bound.zh}`, en: `${known.en}${bound.en}` } };
}
