import { ValidationPipe, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { ApiError, type FieldError } from './api-error';
import FIELD_LABELS from './field-labels.json';
import { createRuleCheck } from './rule-check';
import { rememberTransformRules } from './transform-rules-memo';
import { rememberValidationRules } from './validation-rules-memo';

/**
 * Chinese wording per class-validator constraint. English comes from class-validator itself.
 * A constraint missing here still gets a Chinese sentence, naming the rule.
 */
const ZH: Record<string, (field: string, english: string) => string> = {
  whitelistValidation: (f) => `不允许的字段 ${f}`,
  isDefined: (f) => `${f}为必填项`,
  isNotEmpty: (f) => `${f}不能为空`,
  isString: (f) => `${f}必须是字符串`,
  isInt: (f) => `${f}必须是整数`,
  isNumber: (f) => `${f}必须是数字`,
  isBoolean: (f) => `${f}必须是布尔值`,
  isArray: (f) => `${f}必须是数组`,
  isObject: (f) => `${f}必须是对象`,
  nestedValidation: (f) => `${f}必须是对象`,
  isEmail: (f) => `${f}必须是有效的电子邮箱`,
  isUUID: (f) => `${f}必须是 UUID`,
  isISO8601: (f) => `${f}必须是 ISO 8601 日期或时间`,
  isDateString: (f) => `${f}必须是 ISO 8601 日期或时间`,
  isIn: (f, en) => `${f}必须是以下值之一：${en.split(':').slice(1).join(':').trim()}`,
  isEnum: (f, en) => `${f}必须是以下值之一：${en.split(':').slice(1).join(':').trim()}`,
  min: (f, en) => `${f}不得小于 ${lastNumber(en)}`,
  max: (f, en) => `${f}不得大于 ${lastNumber(en)}`,
  minLength: (f, en) => `${f}长度不得少于 ${lastNumber(en)}`,
  maxLength: (f, en) => `${f}长度不得超过 ${lastNumber(en)}`,
  arrayMinSize: (f, en) => `${f}至少包含 ${lastNumber(en)} 项`,
  arrayMaxSize: (f, en) => `${f}至多包含 ${lastNumber(en)} 项`,
  arrayUnique: (f) => `${f}不得包含重复项`,
  matches: (f) => `${f}格式不正确`,
  isLength: (f) => `${f}长度不符合要求`,
  isPositive: (f) => `${f}必须为正数`,
  isHexadecimal: (f) => `${f}必须是十六进制字符串`,
  notInFuture: (f) => `${f}不能晚于当前时间`,
  isUscc: (f) => `${f}不是有效的统一社会信用代码（GB 32100-2015 校验位错误或格式错误）`,
  isRegionCode: (f) => `${f}必须是 6 位行政区划代码（GB/T 2260）`,
};

function lastNumber(text: string): string {
  const all = text.match(/-?\d+(\.\d+)?/g);
  return all ? all[all.length - 1] : '';
}

/** A field as a Chinese reader knows it: its Chinese name (field-labels.json) and its path, e.g. 意见（opinion）. */
export function fieldNameZh(field: string): string {
  const named = field.split('.').reverse().find((part) => !/^\d+$/.test(part));
  const label = named === undefined ? undefined : (FIELD_LABELS as Record<string, string>)[named];
  return label === undefined ? field : `${label}（${field}）`;
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const rules = Object.entries(error.constraints ?? {});
    const name = fieldNameZh(field);
    if (error.value === undefined && rules.length > 0 && !('whitelistValidation' in (error.constraints ?? {}))) {
      // Left out: one error that says so, not every rule the missing value fails.
      out.push({ field, rule: 'isDefined', message: { zh: `${name}为必填项`, en: `${field} is required` } });
    } else {
      for (const [rule, english] of rules) {
        const zh = ZH[rule]?.(name, english) ?? `${name} 不满足规则 ${rule}`;
        out.push({ field, rule, message: { zh, en: english } });
      }
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/**
 * The framework's pipe, with a quick first look: a body the rule check (rule-check.ts) finds valid is not
 * validated again; any other is, and class-validator's errors are the answer.
 */
class CheckingValidationPipe extends ValidationPipe {
  /** Made from the pipe's own options, which are those it validates with (only how errors are told differs). */
  private readonly check: (object: object) => boolean;

  constructor(options: ValidationPipeOptions) {
    super(options);
    this.check = createRuleCheck(options);
  }

  protected override validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    return this.check(object) ? [] : super.validate(object, options);
  }
}

/** whitelist + forbidNonWhitelisted: an unknown field is an error, never silently dropped. */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  rememberTransformRules();
  return new CheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The value is read to tell a field left out from one given wrong; it never goes into the answer.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const fields = [...new Set(fieldErrors.map((e) => e.field))].join(', ');
      return ApiError.badRequest(
        'VALIDATION_FAILED',
        `请求参数有误：${fields}`,
        `Invalid request: ${fields}`,
        fieldErrors,
      );
    },
  });
}
