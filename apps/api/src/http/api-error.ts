import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  rule: string;
  message: { zh: string; en: string };
}

/** The one error body the API returns: a stable code, a bilingual message, field errors when any. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: { zh: string; en: string };
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

export class ApiError extends HttpException {
  constructor(body: ApiErrorBody) {
    super(body, body.statusCode);
  }

  static of(status: HttpStatus, code: string, zh: string, en: string, extra: Partial<ApiErrorBody> = {}) {
    return new ApiError({ statusCode: status, code, message: { zh, en }, ...extra });
  }
  static badRequest(code: string, zh: string, en: string, errors?: FieldError[]) {
    return ApiError.of(HttpStatus.BAD_REQUEST, code, zh, en, errors ? { errors } : {});
  }
  static unauthorized(code: string, zh: string, en: string) {
    return ApiError.of(HttpStatus.UNAUTHORIZED, code, zh, en);
  }
  static forbidden(code: string, zh: string, en: string) {
    return ApiError.of(HttpStatus.FORBIDDEN, code, zh, en);
  }
  static notFound(code: string, zh: string, en: string) {
    return ApiError.of(HttpStatus.NOT_FOUND, code, zh, en);
  }
  static conflict(code: string, zh: string, en: string, details?: Record<string, unknown>) {
    return ApiError.of(HttpStatus.CONFLICT, code, zh, en, details ? { details } : {});
  }
}
