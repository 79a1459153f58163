import 'reflect-metadata';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import {
  Arg,
  Context,
  createServer,
  Field,
  Integer,
  McpServer,
  Tool,
  Union,
} from '@typemcp/server';
import { connect } from '../support/connect';

enum Color {
  Red = 'red',
  Green = 'green',
}
enum Level {
  Low,
  High,
}

class Address {
  @Field({ description: 'Street and number' })
  @IsString()
  street!: string;

  @IsOptional()
  @Matches(/^\d{5}$/)
  zip?: string;
}

class Person {
  @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @IsInt() @Min(0) @Max(150) age!: number;
  @IsEmail() email!: string;
  @IsOptional() @IsEnum(Color) favourite?: Color;
  @IsIn(['a', 'b']) grade!: string;
  @ValidateNested() @Type(() => Address) address!: Address;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @IsString({ each: true }) tags!: string[];
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Address) others?: Address[];
}

class Summary {
  @IsString() text!: string;
  @IsInt() words!: number;
}

@McpServer({ name: 'schemas', version: '1.0.0' })
class Schemas {
  @Tool()
  primitives(s: string, n: number, b: boolean, d: Date): string {
    return `${s}${n}${b}${d.toISOString()}`;
  }

  @Tool()
  optionals(
    required: string,
    @Arg({ optional: true }) maybe: number,
    withDefault = 5,
    @Arg({ default: 'x', description: 'A letter' }) letter: string,
  ): string {
    return `${required}${maybe}${withDefault}${letter}`;
  }

  @Tool()
  enums(
    @Arg({ type: () => Color }) color: Color,
    @Arg({ type: () => Level }) level: Level,
    @Arg({ type: () => Integer }) count: number,
  ): string {
    return `${color}${level}${count}`;
  }

  @Tool()
  arrays(
    @Arg({ type: () => [String] }) names: string[],
    @Arg({ type: () => [Address] }) addresses: Address[],
    ctx: Context,
  ): number {
    void ctx;
    return names.length + addresses.length;
  }

  @Tool({ description: 'Registers a person' })
  register(person: Person): string {
    return person.name;
  }

  @Tool()
  unions(
    @Arg({ type: () => Union('asc', 'desc') }) order: string,
    @Arg({ type: () => Union(String, Integer, Address) }) key: unknown,
    @Arg({ type: () => [Union(1, 2, 3)], optional: true }) picks: number[],
  ): void {
    void [order, key, picks];
  }

  @Tool()
  direct(): Summary {
    return { text: '', words: 0 };
  }

  @Tool({ output: () => Number })
  async count(): Promise<number> {
    return 1;
  }

  @Tool()
  async unknownOutput(): Promise<Summary> {
    return { text: '', words: 0 };
  }

  @Tool({ output: () => Summary })
  async summarize(text: string): Promise<Summary> {
    return { text, words: text.split(/\s+/).length };
  }
}

const ADDRESS = {
  type: 'object',
  properties: {
    street: { type: 'string', description: 'Street and number' },
    zip: { type: 'string', pattern: '^\\d{5}$' },
  },
  required: ['street'],
};

describe('input and output schemas from the code', () => {
  let tools: Array<Record<string, unknown>>;
  beforeAll(async () => {
    const peer = await (await connect(createServer({ providers: [Schemas] }).server)).legacy();
    tools = (await peer.request('tools/list')).result?.tools as Array<Record<string, unknown>>;
  });
  const tool = (name: string) => tools.find((t) => t.name === name);

  it('primitives: string, number, boolean, Date; all required; a primitive return wrapped as { result }', () => {
    expect(tool('primitives')).toEqual({
      name: 'primitives',
      inputSchema: {
        type: 'object',
        properties: {
          s: { type: 'string' },
          n: { type: 'number' },
          b: { type: 'boolean' },
          d: { type: 'string', format: 'date-time' },
        },
        required: ['s', 'n', 'b', 'd'],
      },
      outputSchema: {
        type: 'object',
        properties: { result: { type: 'string' } },
        required: ['result'],
      },
    });
  });

  it('optional and default parameters leave required, defaults and descriptions in the schema', () => {
    expect(tool('optionals')?.inputSchema).toEqual({
      type: 'object',
      properties: {
        required: { type: 'string' },
        maybe: { type: 'number' },
        withDefault: { type: 'number', default: 5 },
        letter: { type: 'string', description: 'A letter', default: 'x' },
      },
      required: ['required'],
    });
  });

  it('enums (string and numeric) and integers through thunks', () => {
    expect(tool('enums')?.inputSchema).toEqual({
      type: 'object',
      properties: {
        color: { type: 'string', enum: ['red', 'green'] },
        level: { type: 'number', enum: [0, 1] },
        count: { type: 'integer' },
      },
      required: ['color', 'level', 'count'],
    });
  });

  it('arrays of primitives and of DTOs; Context never appears', () => {
    expect(tool('arrays')?.inputSchema).toEqual({
      type: 'object',
      properties: {
        names: { type: 'array', items: { type: 'string' } },
        addresses: { type: 'array', items: ADDRESS },
      },
      required: ['names', 'addresses'],
    });
  });

  it('a DTO-only tool takes the DTO properties as its arguments, with class-validator constraints', () => {
    expect(tool('register')).toEqual({
      name: 'register',
      description: 'Registers a person',
      inputSchema: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 50 },
          age: { type: 'integer', minimum: 0, maximum: 150 },
          email: { type: 'string', format: 'email' },
          favourite: { type: 'string', enum: ['red', 'green'] },
          grade: { type: 'string', enum: ['a', 'b'] },
          address: ADDRESS,
          tags: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'string' } },
          others: { type: 'array', items: ADDRESS },
        },
        required: ['name', 'age', 'email', 'grade', 'address', 'tags'],
      },
      outputSchema: {
        type: 'object',
        properties: { result: { type: 'string' } },
        required: ['result'],
      },
    });
  });

  it('a Promise return takes its output schema from `output`', () => {
    expect(tool('summarize')?.outputSchema).toEqual({
      type: 'object',
      properties: { text: { type: 'string' }, words: { type: 'integer' } },
      required: ['text', 'words'],
    });
  });

  it('unions through Union(): literals become an enum, types become anyOf branches', () => {
    expect(tool('unions')?.inputSchema).toEqual({
      type: 'object',
      properties: {
        order: { type: 'string', enum: ['asc', 'desc'] },
        key: { anyOf: [{ type: 'string' }, { type: 'integer' }, ADDRESS] },
        picks: { type: 'array', items: { type: 'number', enum: [1, 2, 3] } },
      },
      required: ['order', 'key'],
    });
    expect(tool('unions')?.outputSchema).toBeUndefined();
  });

  it('outputs: a DTO return type, a declared primitive (wrapped), and a Promise with no declared type (none)', () => {
    expect(tool('direct')?.outputSchema).toEqual({
      type: 'object',
      properties: { text: { type: 'string' }, words: { type: 'integer' } },
      required: ['text', 'words'],
    });
    expect(tool('count')?.outputSchema).toEqual({
      type: 'object',
      properties: { result: { type: 'number' } },
      required: ['result'],
    });
    expect(tool('unknownOutput')).toEqual({
      name: 'unknownOutput',
      inputSchema: { type: 'object', properties: {} },
    });
  });
});
