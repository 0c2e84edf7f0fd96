import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';
import { FIRST_YEAR, isBusinessDate, isRegionCode, LAST_YEAR, REGION_CODE_PATTERN, USCC_PATTERN } from '@sme/domain';

/**
 * Request-body checks that the domain owns. The DTO asks the domain's own predicate, so a USCC or a
 * region code is judged by one implementation everywhere (requests, events, AsyncAPI and OpenAPI).
 */

/** GB/T 2260: six digits, the first not zero. */
export const IsRegionCode = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isRegionCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isRegionCode(value),
        defaultMessage: (args) => `${args?.property} must be a 6-digit GB/T 2260 region code`,
      },
    },
    options,
  );

/** An optional region-code field, documented with its pattern: a filter, or a code not every record has. */
export const OptionalRegionCode = (example: string, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, pattern: REGION_CODE_PATTERN, ...(description === undefined ? {} : { description }) }),
    IsOptional(),
    IsRegionCode(),
  );

/**
 * The shape of a USCC (GB 32100-2015): 18 characters of its alphabet. The check character is the
 * domain's to judge (USCC_INVALID names the field), after trimming and upper-casing.
 */
export const IsUsccShaped = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isUscc',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && new RegExp(USCC_PATTERN).test(value.trim().toUpperCase()),
        defaultMessage: (args) => `${args?.property} must be an 18-character unified social credit code (GB 32100-2015)`,
      },
    },
    options,
  );

/** A business date YYYY-MM-DD naming a real calendar day (not 2019-02-30), in the ledger's years (1900–2100), as the domain judges it. */
export const IsBusinessDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isBusinessDate',
      validator: {
        validate: (value: unknown) => isBusinessDate(value),
        defaultMessage: (args) => `${args?.property} must be a calendar date YYYY-MM-DD from ${FIRST_YEAR} to ${LAST_YEAR}`,
      },
    },
    options,
  );

/**
 * A point in time as a reader names it: a business date YYYY-MM-DD (the end of that day in China), or a
 * strict ISO 8601 time with its offset, within the ledger's years.
 */
export const IsDateOrTime = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isDateOrTime',
      validator: {
        validate: (value: unknown) =>
          isBusinessDate(value) || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/.test(value) && isISO8601(value, { strict: true }) && isBusinessDate(value.slice(0, 10))),
        defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD or an ISO 8601 time with its offset, from ${FIRST_YEAR} to ${LAST_YEAR}`,
      },
    },
    options,
  );

/** A boolean in a query string: exactly `true` or `false`; anything else stays text, so the field's boolean rule refuses it. */
export const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/**
 * A number in a query string, read strictly: decimal digits (a sign and a fraction where the field allows
 * them), nothing else — `0x10`, `1e3`, `16abc` and ` 16` stay text, so the field's number rule refuses them.
 */
export const QueryNumber = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value));

/** For OpenAPI: the documented patterns of region codes and USCCs. */
export { REGION_CODE_PATTERN, USCC_PATTERN };

/** The shapes request fields are first checked against (the domain checks the values): a business date, a year-month, a SHA-256 digest. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const YEAR_MONTH = /^\d{4}-\d{2}$/;
export const SHA256 = /^[0-9a-f]{64}$/;
