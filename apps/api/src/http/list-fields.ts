import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';

/** Decorators in the order they would be written above a property (applied bottom-up, as there). */
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...[...decorators].reverse());

interface ListOptions {
  /** At least this many (no lower bound when not given). */
  min?: number;
  description?: string;
  /** May be left out (a change of only some fields). */
  optional?: boolean;
}

/** A list of values each from `values`, at most one of each: `grounds`, `serviceDomains`, … */
export const EnumList = (values: readonly string[], { min, description }: ListOptions = {}) =>
  stacked(
    ApiProperty({ enum: values, isArray: true, ...(description === undefined ? {} : { description }) }),
    IsArray(),
    ...(min === undefined ? [] : [ArrayMinSize(min)]),
    ArrayMaxSize(values.length),
    IsIn(values, { each: true }),
  );

/** A list of at most `max` nested objects, each validated as `dto`: materials, evidence, … */
export const NestedList = (dto: Class<unknown>, max: number, { min, description, optional = false }: ListOptions = {}) =>
  stacked(
    (optional ? ApiPropertyOptional : ApiProperty)({ type: [dto], ...(description === undefined ? {} : { description }) }),
    ...(optional ? [IsOptional()] : []),
    IsArray(),
    ...(min === undefined ? [] : [ArrayMinSize(min)]),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(() => dto),
  );

/** One nested object validated as `dto`: required unless `optional` (a contact, a fee, the changes, …). */
export const NestedObject = (dto: Class<unknown>, { optional = false, description }: { optional?: boolean; description?: string } = {}) =>
  stacked(
    (optional ? ApiPropertyOptional : ApiProperty)({ type: dto, ...(description === undefined ? {} : { description }) }),
    optional ? IsOptional() : IsDefined(),
    ValidateNested(),
    Type(() => dto),
  );
