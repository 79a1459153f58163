import 'reflect-metadata';
import { readFileSync } from 'fs';
import { join } from 'path';
import { IsEmail, IsEnum, IsIn, IsNumber, IsOptional, IsString } from 'class-validator';
import { Arg, Context, createServer, Integer, McpServer, Tool, Union } from '@typemcp/server';
import { connect } from '../support/connect';

// One tool per row of the "parameter forms" table in docs/server-guide.md: the test reads the
// table, checks every schema it states against the served one, and calls each tool.

enum Order {
  Asc = 'asc',
  Desc = 'desc',
}
enum Level {
  Low,
  High,
}
interface Point {
  x: number;
  y: number;
}
class PointDto {
  @IsNumber() x!: number;
  @IsNumber() y!: number;
}
class NewUser {
  @IsEmail() email!: string;
  @IsOptional() @IsString() nickname?: string;
}

/** The same losses on DTO properties, said with class-validator. */
class Filter {
  @IsOptional() @IsString() title?: string;
  @IsIn(['asc', 'desc']) order!: 'asc' | 'desc';
  @IsOptional() @IsEnum(Order) sort?: Order;
  @IsEnum(Level) level!: Level;
}

@McpServer({ name: 'dto-forms', version: '1.0.0' })
class DtoForms {
  @Tool() search(filter: Filter) {
    return show(filter);
  }
}

/** What the method received, as text. */
function show(value: unknown): string {
  if (value instanceof Date) return `Date ${value.toISOString()}`;
  if (value === undefined) return 'undefined';
  if (value instanceof Context) return 'Context';
  if (typeof value === 'object' && value !== null)
    return `${value.constructor.name} ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

@McpServer({ name: 'forms', version: '1.0.0' })
class Forms {
  @Tool() required(name: string) {
    return show(name);
  }
  @Tool() optional(title?: string) {
    return show(title);
  }
  @Tool() optionalFixed(@Arg({ optional: true }) title?: string) {
    return show(title);
  }
  @Tool() defaultValue(limit = 10) {
    return show(limit);
  }
  @Tool() unionFixed(@Arg({ type: () => Union(String, Number) }) id: string | number) {
    return show(id);
  }
  @Tool() literalUnion(order: 'asc' | 'desc') {
    return show(order);
  }
  @Tool() literalUnionFixed(@Arg({ enum: ['asc', 'desc'] }) order: 'asc' | 'desc') {
    return show(order);
  }
  @Tool() stringEnum(order: Order) {
    return show(order);
  }
  @Tool() stringEnumFixed(@Arg({ type: () => Order }) order: Order) {
    return show(order);
  }
  @Tool() stringEnumOption(@Arg({ enum: Order }) order: Order) {
    return show(order);
  }
  @Tool() numericEnum(level: Level) {
    return show(level);
  }
  @Tool() numericEnumFixed(@Arg({ type: () => Level }) level: Level) {
    return show(level);
  }
  @Tool() numericEnumOption(@Arg({ enum: Level }) level: Level) {
    return show(level);
  }
  @Tool() integer(count: number) {
    return show(count);
  }
  @Tool() integerFixed(@Arg({ type: () => Integer }) count: number) {
    return show(count);
  }
  @Tool() arrayFixed(@Arg({ type: () => [String] }) tags: string[]) {
    return show(tags);
  }
  @Tool() dtoBeside(at: PointDto, label: string) {
    return `${show(at)} ${label}`;
  }
  @Tool() dtoAlone(user: NewUser) {
    return show(user);
  }
  @Tool() date(when: Date) {
    return show(when);
  }
  @Tool() undefinedFixed(@Arg({ type: () => String, optional: true }) note: string | undefined) {
    return show(note);
  }
  @Tool() context(ctx: Context) {
    return show(ctx);
  }
  @Tool() async promise(): Promise<number> {
    return 1;
  }
  @Tool({ output: () => Number }) async promiseFixed(): Promise<number> {
    return 1;
  }
}

/** The bare forms refused at start-up, one class each (class declarations: TypeScript drops decorators on class expressions). */
class UnionBare {
  @Tool() find(id: string | number) {
    return id;
  }
}
class ArrayBare {
  @Tool() tag(tags: string[]) {
    return tags;
  }
}
class InterfaceBare {
  @Tool() move(at: Point, label: string) {
    return [at, label];
  }
}
class UndefinedBare {
  @Tool() note(note: string | undefined) {
    return note;
  }
}
const refused: Record<string, Function> = {
  union: UnionBare,
  array: ArrayBare,
  interface: InterfaceBare,
  'T | undefined': UndefinedBare,
};

type ToolInfo = {
  name: string;
  inputSchema: { properties: Record<string, unknown>; required?: string[] };
  outputSchema?: unknown;
};

/** What the doc says of one form: the "produces" cell, and the "write" cell (or 'nothing'). */
interface Row {
  form: string;
  produces: (tools: Map<string, ToolInfo>) => string[];
  instead?: (tools: Map<string, ToolInfo>) => string[];
}

const json = (value: unknown) => `json ${JSON.stringify(value)}`;
const param = (tool: string, name: string) => (tools: Map<string, ToolInfo>) => {
  const t = tools.get(tool);
  if (!t) throw new Error(`no tool ${tool}`);
  return [
    json(t.inputSchema.properties[name]),
    t.inputSchema.required?.includes(name) ? 'required' : 'optional',
  ];
};
const startupError = (form: string) => () => {
  try {
    createServer({ providers: [refused[form] as never] });
  } catch (error) {
    return [`error ${(error as Error).name}`];
  }
  return ['no error'];
};

const rows: Row[] = [
  { form: 'required', produces: param('required', 'name') },
  {
    form: 'optional',
    produces: param('optional', 'title'),
    instead: param('optionalFixed', 'title'),
  },
  { form: 'default value', produces: param('defaultValue', 'limit') },
  { form: 'union', produces: startupError('union'), instead: param('unionFixed', 'id') },
  {
    form: 'literal union',
    produces: param('literalUnion', 'order'),
    instead: param('literalUnionFixed', 'order'),
  },
  {
    form: 'string enum',
    produces: param('stringEnum', 'order'),
    instead: param('stringEnumFixed', 'order'),
  },
  {
    form: 'numeric enum',
    produces: param('numericEnum', 'level'),
    instead: param('numericEnumFixed', 'level'),
  },
  { form: 'integer', produces: param('integer', 'count'), instead: param('integerFixed', 'count') },
  { form: 'array', produces: startupError('array'), instead: param('arrayFixed', 'tags') },
  { form: 'interface', produces: startupError('interface'), instead: param('dtoBeside', 'at') },
  { form: 'class DTO beside others', produces: param('dtoBeside', 'at') },
  { form: 'class DTO alone', produces: (tools) => [json(tools.get('dtoAlone')?.inputSchema)] },
  { form: 'Date', produces: param('date', 'when') },
  {
    form: '`T | undefined`',
    produces: startupError('T | undefined'),
    instead: param('undefinedFixed', 'note'),
  },
  {
    form: '`Context`',
    produces: (tools) =>
      Object.keys(tools.get('context')?.inputSchema.properties ?? { x: 1 }).length === 0
        ? ['not in the schema']
        : ['in the schema'],
  },
  {
    form: '`Promise<T>` return',
    produces: (tools) =>
      tools.get('promise')?.outputSchema ? ['has an outputSchema'] : ['no `outputSchema`'],
    instead: (tools) => [json(tools.get('promiseFixed')?.outputSchema)],
  },
];

/** The facts a table cell states: JSON schemas, required/optional, error classes, absences (other code is skipped). */
function facts(cell: string): string[] {
  const found: string[] = [];
  for (const m of cell.matchAll(
    /(start-up error |no )?`([^`]*)`|\b(required|optional|not in the schema)\b/g,
  )) {
    const [, before, code, word] = m;
    if (word) found.push(word);
    else if (code.startsWith('{')) found.push(json(JSON.parse(code)));
    else if (before === 'start-up error ') found.push(`error ${code}`);
    else if (before === 'no ' && code === 'outputSchema') found.push('no `outputSchema`');
  }
  return found;
}

function docTable(): Map<string, { produces: string; instead: string }> {
  const doc = readFileSync(join(__dirname, '../../../../docs/server-guide.md'), 'utf8');
  const table = doc.slice(
    doc.indexOf('<!-- parameter-forms:start -->'),
    doc.indexOf('<!-- parameter-forms:end -->'),
  );
  const result = new Map<string, { produces: string; instead: string }>();
  for (const line of table
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .slice(2)) {
    const cells = line
      .slice(2, -2)
      .split(/ (?<!\\)\| /)
      .map((c) => c.replace(/\\\|/g, '|'));
    result.set(cells[0], { produces: cells[3], instead: cells[5] });
  }
  return result;
}

describe('every TypeScript parameter form: the table in docs/server-guide.md is what the server produces', () => {
  let tools: Map<string, ToolInfo>;
  let call: (name: string, args?: Record<string, unknown>) => Promise<string>;
  beforeAll(async () => {
    const peer = await (await connect(createServer({ providers: [Forms] }).server)).legacy();
    const list = (await peer.request('tools/list')).result?.tools as ToolInfo[];
    tools = new Map(list.map((t) => [t.name, t]));
    call = async (name, args = {}) => {
      const res = (await peer.request('tools/call', { name, arguments: args })).result as {
        content: Array<{ text: string }>;
        isError?: boolean;
      };
      return `${res.isError ? 'error: ' : ''}${res.content[0].text}`;
    };
  });

  it('the doc lists exactly the forms this test builds, and each stated schema is the served one', () => {
    const table = docTable();
    expect([...table.keys()]).toEqual(rows.map((r) => r.form));
    for (const row of rows) {
      const doc = table.get(row.form)!;
      expect({ form: row.form, produces: facts(doc.produces) }).toEqual({
        form: row.form,
        produces: row.produces(tools),
      });
      if (row.instead)
        expect({ form: row.form, instead: facts(doc.instead) }).toEqual({
          form: row.form,
          instead: row.instead(tools),
        });
      else
        expect({ form: row.form, instead: doc.instead }).toEqual({
          form: row.form,
          instead: 'nothing',
        });
    }
  });

  it('required and optional: `?` is invisible, @Arg({ optional }) makes a missing argument undefined', async () => {
    expect(await call('required', { name: 'x' })).toBe('string "x"');
    expect(await call('required')).toBe(
      'error: Invalid arguments for tool "required":\n- name: is required',
    );
    expect(await call('optional')).toBe(
      'error: Invalid arguments for tool "optional":\n- title: is required',
    );
    expect(await call('optionalFixed')).toBe('undefined');
    expect(await call('optionalFixed', { title: 't' })).toBe('string "t"');
    expect(await call('optionalFixed', { title: 5 })).toBe(
      'error: Invalid arguments for tool "optionalFixed":\n- title: must be a string (got integer)',
    );
  });

  it('a default value makes the argument optional and is used when it is missing', async () => {
    expect(await call('defaultValue')).toBe('number 10');
    expect(await call('defaultValue', { limit: 3 })).toBe('number 3');
    expect(await call('defaultValue', { limit: 'x' })).toMatch(/- limit: must be a number/);
  });

  it('a union through Union(): each branch passes, anything else is refused', async () => {
    expect(await call('unionFixed', { id: 'a' })).toBe('string "a"');
    expect(await call('unionFixed', { id: 1 })).toBe('number 1');
    expect(await call('unionFixed', { id: true })).toMatchInlineSnapshot(`
      "error: Invalid arguments for tool "unionFixed":
      - id: must match at least one of the allowed shapes"
    `);
  });

  it('literal unions and enums: bare they accept anything of the base type; with @Arg the values outside are refused', async () => {
    expect(await call('literalUnion', { order: 'sideways' })).toBe('string "sideways"');
    expect(await call('stringEnum', { order: 'sideways' })).toBe('string "sideways"');
    expect(await call('numericEnum', { level: 7 })).toBe('number 7');
    expect(await call('literalUnionFixed', { order: 'asc' })).toBe('string "asc"');
    expect(await call('literalUnionFixed', { order: 'sideways' })).toMatchInlineSnapshot(`
      "error: Invalid arguments for tool "literalUnionFixed":
      - order: must be one of "asc", "desc""
    `);
    for (const tool of ['stringEnumFixed', 'stringEnumOption']) {
      expect(await call(tool, { order: 'desc' })).toBe('string "desc"');
      expect(await call(tool, { order: 'DESC' })).toBe(
        `error: Invalid arguments for tool "${tool}":\n- order: must be one of "asc", "desc"`,
      );
    }
    for (const tool of ['numericEnumFixed', 'numericEnumOption']) {
      expect(await call(tool, { level: 1 })).toBe('number 1');
      expect(await call(tool, { level: 7 })).toBe(
        `error: Invalid arguments for tool "${tool}":\n- level: must be one of 0, 1`,
      );
      expect(await call(tool, { level: 'High' })).toBe(
        `error: Invalid arguments for tool "${tool}":\n- level: must be a number (got string)`,
      );
    }
    expect(tools.get('stringEnumOption')?.inputSchema.properties.order).toEqual({
      type: 'string',
      enum: ['asc', 'desc'],
    });
    expect(tools.get('numericEnumOption')?.inputSchema.properties.level).toEqual({
      type: 'number',
      enum: [0, 1],
    });
  });

  it('integers: a bare number accepts 1.5, Integer refuses it', async () => {
    expect(await call('integer', { count: 1.5 })).toBe('number 1.5');
    expect(await call('integerFixed', { count: 2 })).toBe('number 2');
    expect(await call('integerFixed', { count: 1.5 })).toMatch(
      /- count: must be an integer \(got number\)/,
    );
  });

  it('arrays, DTOs and Dates are checked and converted', async () => {
    expect(await call('arrayFixed', { tags: ['a'] })).toBe('Array ["a"]');
    expect(await call('arrayFixed', { tags: [1] })).toMatch(/- tags\[0\]: must be a string/);
    expect(await call('dtoBeside', { at: { x: 1, y: 2 }, label: 'l' })).toBe(
      'PointDto {"x":1,"y":2} l',
    );
    expect(await call('dtoBeside', { at: { x: 'one', y: 2 }, label: 'l' })).toMatch(
      /- at\.x: x must be a number/,
    );
    expect(await call('dtoAlone', { email: 'a@b.co' })).toBe('NewUser {"email":"a@b.co"}');
    expect(await call('dtoAlone', { email: 'nope' })).toMatch(/- email: email must be an email/);
    expect(await call('date', { when: '2026-01-02T03:04:05Z' })).toBe(
      'Date 2026-01-02T03:04:05.000Z',
    );
    expect(await call('date', { when: 'yesterday' })).toMatch(/- when: must be a valid date-time/);
  });

  it('T | undefined through a thunk and optional; Context injected; a Promise return', async () => {
    expect(await call('undefinedFixed')).toBe('undefined');
    expect(await call('undefinedFixed', { note: 'n' })).toBe('string "n"');
    expect(await call('context')).toBe('Context');
    expect(await call('promise')).toBe('1');
    expect(await call('promiseFixed')).toBe('1');
  });

  it('the refused forms name Class.method(param) and the fix', () => {
    expect(() =>
      createServer({ providers: [refused['T | undefined'] as never] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `"Cannot infer the type of UndefinedBare.note(note): reflection gives "Object". Give it explicitly, e.g. @Arg({ type: () => [String] }) for an array of strings, @Arg({ type: () => Union(String, Number) }) for a union, @Arg({ type: () => String, optional: true }) for string | undefined, or use a class (DTO) with class-validator decorators instead of an interface. If it is a class, import it as a value (not with "import type")."`,
    );
    expect(() =>
      createServer({ providers: [refused.interface as never] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `"Cannot infer the type of InterfaceBare.move(at): reflection gives "Object". Give it explicitly, e.g. @Arg({ type: () => [String] }) for an array of strings, @Arg({ type: () => Union(String, Number) }) for a union, @Arg({ type: () => String, optional: true }) for string | undefined, or use a class (DTO) with class-validator decorators instead of an interface. If it is a class, import it as a value (not with "import type")."`,
    );
  });
});

describe('an enum argument', () => {
  it('of strings may be mirrored into an HTTP header (x-mcp-header), like a string', async () => {
    class Routed {
      @Tool() route(@Arg({ enum: ['eu', 'us'], header: 'Region' }) region: string) {
        return region;
      }
    }
    const peer = await (await connect(createServer({ providers: [Routed] }).server)).legacy();
    const list = (await peer.request('tools/list')).result?.tools as ToolInfo[];
    expect(list[0].inputSchema.properties.region).toEqual({
      type: 'string',
      enum: ['eu', 'us'],
      'x-mcp-header': 'Region',
    });
  });
});

describe('DTO properties: @IsOptional, @IsIn and @IsEnum say what reflection cannot', () => {
  it('gives exact schemas and refuses values outside the enums, naming the property', async () => {
    const peer = await (await connect(createServer({ providers: [DtoForms] }).server)).legacy();
    const list = (await peer.request('tools/list')).result?.tools as ToolInfo[];
    expect(list[0].inputSchema).toEqual({
      type: 'object',
      properties: {
        title: { type: 'string' },
        order: { type: 'string', enum: ['asc', 'desc'] },
        sort: { type: 'string', enum: ['asc', 'desc'] },
        level: { type: 'number', enum: [0, 1] },
      },
      required: ['order', 'level'],
    });
    const call = async (args: Record<string, unknown>) => {
      const res = (await peer.request('tools/call', { name: 'search', arguments: args }))
        .result as { content: Array<{ text: string }>; isError?: boolean };
      return `${res.isError ? 'error: ' : ''}${res.content[0].text}`;
    };
    expect(await call({ order: 'asc', level: 1 })).toBe('Filter {"order":"asc","level":1}');
    expect(await call({ order: 'asc', level: 0, sort: 'desc', title: 't' })).toBe(
      'Filter {"title":"t","order":"asc","sort":"desc","level":0}',
    );
    expect(await call({ order: 'up', level: 2, sort: 'DESC' })).toMatchInlineSnapshot(`
      "error: Invalid arguments for tool "search":
      - order: order must be one of the following values: asc, desc
      - sort: sort must be one of the following values: asc, desc
      - level: level must be one of the following values: 0, 1"
    `);
  });
});
