import { toOpenApi30 } from './read-answers';

describe('Read answers in OpenAPI 3.0', () => {
  it('says a null among the types as nullable, and several types as anyOf', () => {
    expect(toOpenApi30({ type: ['null', 'string'] })).toEqual({ type: 'string', nullable: true });
    expect(toOpenApi30({ type: ['string', 'number'] })).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }] });
    expect(toOpenApi30({ type: ['null', 'number', 'boolean'] })).toEqual({ anyOf: [{ type: 'number', nullable: true }, { type: 'boolean', nullable: true }] });
  });

  it('folds a null member of anyOf into nullable beside each type, and keeps an enum able to hold the null', () => {
    expect(toOpenApi30({ anyOf: [{ type: 'null' }, { type: 'object', properties: { a: { type: 'string' } } }] })).toEqual({ nullable: true, type: 'object', properties: { a: { type: 'string' } } });
    expect(toOpenApi30({ anyOf: [{ type: 'null' }, { enum: ['A', 'B'], type: 'string' }] })).toEqual({ nullable: true, enum: ['A', 'B', null], type: 'string' });
    expect(toOpenApi30({ anyOf: [{ type: 'null' }, { type: 'string' }, { type: 'object' }] })).toEqual({ anyOf: [{ type: 'string', nullable: true }, { type: 'object', nullable: true }] });
    expect(toOpenApi30({ anyOf: [{ type: 'null' }, { enum: ['A'] }, { type: 'number' }] })).toEqual({ anyOf: [{ enum: ['A', null] }, { type: 'number', nullable: true }] });
  });

  it('says const as a one-value enum, a tuple as an array of its members, and drops defaults', () => {
    expect(toOpenApi30({ const: 'ok', default: 'ok' })).toEqual({ enum: ['ok'] });
    expect(toOpenApi30({ type: 'array', items: [{ type: 'string' }, { type: 'number' }], minItems: 2, maxItems: 2 })).toEqual({
      type: 'array',
      items: { anyOf: [{ type: 'string' }, { type: 'number' }] },
      minItems: 2,
      maxItems: 2,
    });
  });

  it('leaves property names alone, even those that are keywords', () => {
    expect(toOpenApi30({ type: 'object', properties: { type: { type: ['null', 'string'] }, const: { type: 'string' } } })).toEqual({
      type: 'object',
      properties: { type: { type: 'string', nullable: true }, const: { type: 'string' } },
    });
  });
});
