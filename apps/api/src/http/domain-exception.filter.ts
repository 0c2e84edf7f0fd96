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
};
