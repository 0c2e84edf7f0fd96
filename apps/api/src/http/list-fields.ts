import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, ValidateNested } from 'class-validator';

/** Decorators in the order they would be written above a property (applied bottom-up, as there). */
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...[...decorators].reverse());

interface ListOptions {
  /** At least this many (no lower bound when not given). */
  min?: number;
  description?: string;
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
export const NestedList = (dto: Class<unknown>, max: number, { min, description }: ListOptions = {}) =>
  stacked(
    ApiProperty({ type: [dto], ...(description === undefined ? {} : { description }) }),
    IsArray(),
    ...(min === undefined ? [] : [ArrayMinSize(min)]),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(() => dto),
  );
