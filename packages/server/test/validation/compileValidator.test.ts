import { compileValidator } from '../../src/validation/compileValidator';
import type { FieldError } from '../../src/validation/checkSchema';

const run = (schema: Record<string, unknown>, value: unknown) => {
  const errors: FieldError[] = [];
  compileValidator(schema)(value, 'v', errors);
  return errors.map((e) => `${e.path}: ${e.message}`);
};

describe('compileValidator', () => {
  it.each<[string, Record<string, unknown>, unknown, string[]]>([
    ['type ok', { type: 'number' }, 1.5, []],
    ['integer is a number', { type: 'number' }, 2, []],
    [
      'type mismatch stops there',
      { type: 'string', minLength: 3 },
      5,
      ['v: must be a string (got integer)'],
    ],
    ['null', { type: 'object' }, null, ['v: must be an object (got null)']],
    ['type list', { type: ['string', 'null'] }, null, []],
    [
      'type list mismatch',
      { type: ['string', 'null'] },
      1,
      ['v: must be one of the types string, null (got integer)'],
    ],
    ['bounds', { type: 'integer', minimum: 1, maximum: 3 }, 4, ['v: must be <= 3']],
    ['exclusive bounds', { exclusiveMinimum: 0, exclusiveMaximum: 1 }, 0, ['v: must be > 0']],
    ['multipleOf', { type: 'number', multipleOf: 0.5 }, 1.25, ['v: must be a multiple of 0.5']],
    ['lengths count code points', { type: 'string', maxLength: 2 }, '😀😀', []],
    ['too short', { type: 'string', minLength: 2 }, 'a', ['v: must be at least 2 characters long']],
    ['pattern', { type: 'string', pattern: '^\\d+$' }, '12a', ['v: must match the pattern ^\\d+$']],
    ['format', { type: 'string', format: 'email' }, 'nope', ['v: must be a valid email']],
    ['unknown format passes', { type: 'string', format: 'x-custom' }, 'anything', []],
    ['enum', { enum: ['a', 1] }, 'b', ['v: must be one of "a", 1']],
    ['const', { const: true }, false, ['v: must be true']],
    [
      'anyOf',
      { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      1.5,
      ['v: must match at least one of the allowed shapes'],
    ],
    [
      'oneOf twice',
      { oneOf: [{ type: 'number' }, { type: 'integer' }] },
      1,
      ['v: must match exactly one of the allowed shapes'],
    ],
    [
      'array items with paths',
      { type: 'array', items: { type: 'string' }, maxItems: 2 },
      ['a', 1, 'c'],
      ['v: must have at most 2 items', 'v[1]: must be a string (got integer)'],
    ],
    [
      'unique',
      { type: 'array', uniqueItems: true },
      [{ a: 1 }, { a: 1 }],
      ['v: must not contain duplicates'],
    ],
    [
      'objects: required, nested, closed',
      {
        type: 'object',
        properties: {
          a: { type: 'object', properties: { b: { type: 'integer' } }, required: ['b'] },
        },
        required: ['a', 'c'],
        additionalProperties: false,
      },
      { a: { b: 'x' }, d: 1 },
      ['v.c: is required', 'v.a.b: must be an integer (got string)', 'v.d: is not allowed'],
    ],
    [
      'missing nested required',
      { type: 'object', properties: { a: { type: 'object', required: ['b'] } } },
      { a: {} },
      ['v.a.b: is required'],
    ],
  ])('%s', (_label, schema, value, expected) => {
    expect(run(schema, value)).toEqual(expected);
  });

  it('compiles once: the schema object is not read again per call', () => {
    const schema: Record<string, unknown> = { type: 'integer', minimum: 1 };
    const check = compileValidator(schema);
    schema.minimum = 100; // later mutation does not change the compiled checker
    const errors: FieldError[] = [];
    check(5, 'n', errors);
    expect(errors).toEqual([]);
  });
});
