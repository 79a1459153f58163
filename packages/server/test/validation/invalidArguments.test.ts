import 'reflect-metadata';
import {
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { Arg, createServer, Integer, McpServer, Tool, Union } from '@typemcp/server';
import { connect } from '../support/connect';

enum Size {
  Small = 'small',
  Large = 'large',
}

class Line {
  @IsString() @MaxLength(5) sku!: string;
  @IsInt() @Min(1) quantity!: number;
}

class Order {
  @IsEmail() email!: string;
  @IsIn(['card', 'cash']) payment!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => Line) lines!: Line[];
  @IsOptional() @IsInt() @Max(10) priority?: number;
}

let calls = 0;

@McpServer({ name: 'strict', version: '1.0.0' })
class Strict {
  @Tool()
  mixed(
    text: string,
    flag: boolean,
    when: Date,
    @Arg({ type: () => Integer }) count: number,
    @Arg({ type: () => Size }) size: Size,
    @Arg({ type: () => [Integer] }) ids: number[],
    @Arg({ type: () => Union('asc', 'desc') }) order: 'asc' | 'desc',
    @Arg({ type: () => Union(String, Number) }) key: string | number,
  ): string {
    calls++;
    return [text, flag, when.toISOString(), count, size, ids.join('+'), order, typeof key].join(
      ' ',
    );
  }

  @Tool()
  place(order: Order): string {
    calls++;
    return `${order.lines.length} lines for ${order.email}`;
  }
}

const VALID = {
  text: 't',
  flag: true,
  when: '2025-01-02T03:04:05Z',
  count: 2,
  size: 'small',
  ids: [1, 2],
  order: 'asc',
  key: 7,
};

describe('invalid arguments give an isError result naming every field; the method never runs', () => {
  let peer: Awaited<ReturnType<typeof connect>>;
  beforeAll(async () => {
    peer = await (await connect(createServer({ providers: [Strict] }).server)).legacy();
  });
  beforeEach(() => {
    calls = 0;
  });
  const call = (name: string, args: Record<string, unknown>) =>
    peer.request('tools/call', { name, arguments: args });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'nothing given',
      {},
      [
        'text: is required',
        'flag: is required',
        'when: is required',
        'count: is required',
        'size: is required',
        'ids: is required',
        'order: is required',
        'key: is required',
      ],
    ],
    ['a number for a string', { text: 5 }, ['text: must be a string (got integer)']],
    ['a string for a boolean', { flag: 'yes' }, ['flag: must be a boolean (got string)']],
    ['a bad date', { when: 'yesterday' }, ['when: must be a valid date-time']],
    ['a fraction for an integer', { count: 1.5 }, ['count: must be an integer (got number)']],
    ['a value outside the enum', { size: 'medium' }, ['size: must be one of "small", "large"']],
    [
      'bad array items',
      { ids: [1, 'two', 3.5] },
      ['ids[1]: must be an integer (got string)', 'ids[2]: must be an integer (got number)'],
    ],
    ['not an array', { ids: 3 }, ['ids: must be an array (got integer)']],
    ['a literal outside the union', { order: 'up' }, ['order: must be one of "asc", "desc"']],
    [
      'a type outside the union',
      { key: true },
      ['key: must match at least one of the allowed shapes'],
    ],
    [
      'several at once',
      { text: null, flag: 1, count: 'x' },
      [
        'text: is required',
        'flag: must be a boolean (got integer)',
        'count: must be an integer (got string)',
      ],
    ],
  ])('%s', async (_label, override, failures) => {
    const res = await call('mixed', Object.keys(override).length ? { ...VALID, ...override } : {});
    expect(res.result).toEqual({
      content: [
        {
          type: 'text',
          text: ['Invalid arguments for tool "mixed":', ...failures.map((f) => `- ${f}`)].join(
            '\n',
          ),
        },
      ],
      isError: true,
    });
    expect(calls).toBe(0);
  });

  it('valid arguments reach the method converted (Date, union branch)', async () => {
    expect((await call('mixed', VALID)).result?.content).toEqual([
      { type: 'text', text: 't true 2025-01-02T03:04:05.000Z 2 small 1+2 asc number' },
    ]);
    expect((await call('mixed', { ...VALID, key: 'k' })).result?.content?.[0].text).toMatch(
      / string$/,
    );
    expect(calls).toBe(2);
  });

  it('a DTO-only tool reports class-validator failures with their paths, nested arrays included', async () => {
    const res = await call('place', {
      email: 'nope',
      payment: 'gold',
      lines: [{ sku: 'toolong', quantity: 0 }, { sku: 'ok' }],
      priority: 11,
    });
    expect(res.result?.isError).toBe(true);
    expect(res.result?.content?.[0].text?.split('\n')).toEqual([
      'Invalid arguments for tool "place":',
      '- email: email must be an email',
      '- payment: payment must be one of the following values: card, cash',
      '- lines.0.sku: sku must be shorter than or equal to 5 characters',
      '- lines.0.quantity: quantity must not be less than 1',
      '- lines.1.quantity: quantity must not be less than 1',
      '- lines.1.quantity: quantity must be an integer number',
      '- priority: priority must not be greater than 10',
    ]);
    expect((await call('place', 'not an object' as never)).result?.isError).toBe(true);
    expect(calls).toBe(0);
  });

  it('serves on after invalid calls', async () => {
    const ok = await call('place', {
      email: 'a@b.co',
      payment: 'card',
      lines: [{ sku: 'A1', quantity: 2 }],
    });
    expect(ok.result?.content).toEqual([{ type: 'text', text: '1 lines for a@b.co' }]);
    expect(calls).toBe(1);
  });
});
