import 'reflect-metadata';
import { IsEmail, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { McpError } from '@typemcp/protocol';
import {
  Arg,
  Audio,
  Context,
  createServer,
  embeddedResource,
  Image,
  McpServer,
  Prompt,
  Resource,
  resourceLink,
  Tool,
} from '@typemcp/server';
import { connect } from '../support/connect';

class Inner {
  @IsInt() @Min(1) n!: number;
}
class Signup {
  @IsString() name!: string;
  @IsEmail() email!: string;
  @ValidateNested() @Type(() => Inner) inner!: Inner;
}
class Point {
  @IsInt() x!: number;
  @IsInt() y!: number;
}

const PNG = Uint8Array.from([137, 80, 78, 71]);

@McpServer({ name: 'behaviour', version: '1.0.0', instructions: 'Be nice' })
class Behaviour {
  calls = 0;

  @Tool() add(a: number, b: number): number {
    this.calls++;
    return a + b;
  }
  @Tool() signup(form: Signup): string {
    return `${form.name} <${form.email}> ${form.inner.n}`;
  }
  @Tool() text(): string {
    return 'hello';
  }
  @Tool() flag(): boolean {
    return true;
  }
  @Tool() nothing(): void {}
  @Tool() image(): Image {
    return new Image({ data: PNG, format: 'png' });
  }
  @Tool() audio(): Audio {
    return new Audio({ data: PNG, format: 'wav' });
  }
  @Tool() several(): unknown[] {
    return [
      'one',
      new Image({ data: PNG, format: 'jpeg' }),
      resourceLink('file:///a.txt', { name: 'a' }),
      embeddedResource('memo://1', 'memo'),
    ];
  }
  @Tool({ output: () => Point }) async point(): Promise<Point> {
    return { x: 1, y: 2 };
  }
  @Tool({ output: () => Point }) async badPoint(): Promise<Point> {
    return { x: 1 } as Point;
  }
  @Tool() object(): object {
    return { a: 1, nested: { b: [1, 2] } };
  }
  @Tool() full(): unknown {
    return { content: [{ type: 'text', text: 'as is' }], isError: false };
  }
  @Tool() throws(): string {
    throw new Error('business rule broken');
  }
  @Tool() protocolError(): string {
    throw new McpError(-32602, 'bad request by design');
  }
  @Tool() async progress(ctx: Context): Promise<string> {
    await ctx.info('starting');
    await ctx.debug('details');
    await ctx.reportProgress(1, 2, 'half');
    await ctx.reportProgress(2, 2);
    return (await ctx.readResource('greeting://ctx')).contents
      .map((c) => ('text' in c ? c.text : ''))
      .join('');
  }

  @Resource('greeting://{name}', { description: 'A greeting' })
  greeting(name: string): string {
    return `Hello, ${name}!`;
  }
  @Resource('files://{+path}')
  file(path: string): string {
    return `file ${path}`;
  }
  @Resource('search://items{?q,limit}')
  search(q: string, @Arg({ optional: true }) limit: number): object {
    return { q, limit: limit ?? null };
  }
  @Resource('bytes://logo', { mimeType: 'image/png' })
  logo(): Uint8Array {
    return PNG;
  }

  @Prompt({ description: 'Review code' })
  review(code: string, strict = false): string {
    return `Review${strict ? ' strictly' : ''}:\n${code}`;
  }
  @Prompt()
  chat(topic: string): unknown[] {
    return [
      `Let's talk about ${topic}`,
      { role: 'assistant', content: { type: 'text', text: 'Sure!' } },
    ];
  }
}

async function session() {
  const app = createServer({ providers: [Behaviour] });
  const peer = await (await connect(app.server)).legacy();
  return { app, peer };
}

describe('validation before the method runs', () => {
  it('lists every failing field of primitives in an isError result, and never calls the method', async () => {
    const { app, peer } = await session();
    const res = await peer.request('tools/call', { name: 'add', arguments: { a: 'one' } });
    expect(res.result).toEqual({
      content: [
        {
          type: 'text',
          text: 'Invalid arguments for tool "add":\n- a: must be a number (got string)\n- b: is required',
        },
      ],
      isError: true,
    });
    const instance = await (
      app as unknown as { app: { instanceOf(t: Function): Promise<Behaviour> } }
    ).app.instanceOf(Behaviour);
    expect(instance.calls).toBe(0);
  });

  it('validates DTOs with class-validator, nested fields included', async () => {
    const { peer } = await session();
    const res = await peer.request('tools/call', {
      name: 'signup',
      arguments: { name: 7, email: 'nope', inner: { n: 0 } },
    });
    expect(res.result?.isError).toBe(true);
    const text = res.result?.content?.[0].text ?? '';
    expect(text).toMatch(/^Invalid arguments for tool "signup":/);
    expect(text).toMatch(/- name: name must be a string/);
    expect(text).toMatch(/- email: email must be an email/);
    expect(text).toMatch(/- inner\.n: n must not be less than 1/);
    const ok = await peer.request('tools/call', {
      name: 'signup',
      arguments: { name: 'Ada', email: 'ada@example.com', inner: { n: 2 } },
    });
    expect(ok.result?.content).toEqual([{ type: 'text', text: 'Ada <ada@example.com> 2' }]);
  });

  it('rejects invalid prompt and resource arguments with -32602', async () => {
    const { peer } = await session();
    expect((await peer.request('prompts/get', { name: 'review', arguments: {} })).error?.code).toBe(
      -32602,
    );
    expect(
      (
        await peer.request('prompts/get', {
          name: 'review',
          arguments: { code: 'x', strict: 'maybe' },
        })
      ).error?.message,
    ).toMatch(/strict: must be a boolean/);
    expect((await peer.request('prompts/get', { name: 'nope' })).error).toEqual({
      code: -32602,
      message: 'Unknown prompt: nope',
    });
    expect((await peer.request('tools/call', { name: 'nope' })).error).toEqual({
      code: -32602,
      message: 'Unknown tool: nope',
    });
  });
});

describe('results as FastMCP maps them', () => {
  it.each([
    [
      'text',
      { content: [{ type: 'text', text: 'hello' }], structuredContent: { result: 'hello' } },
    ],
    ['flag', { content: [{ type: 'text', text: 'true' }], structuredContent: { result: true } }],
    ['add', { content: [{ type: 'text', text: '3' }], structuredContent: { result: 3 } }],
    ['nothing', { content: [] }],
    ['image', { content: [{ type: 'image', data: 'iVBORw==', mimeType: 'image/png' }] }],
    ['audio', { content: [{ type: 'audio', data: 'iVBORw==', mimeType: 'audio/wav' }] }],
    [
      'several',
      {
        content: [
          { type: 'text', text: 'one' },
          { type: 'image', data: 'iVBORw==', mimeType: 'image/jpeg' },
          { type: 'resource_link', uri: 'file:///a.txt', name: 'a' },
          { type: 'resource', resource: { uri: 'memo://1', text: 'memo' } },
        ],
      },
    ],
    [
      'point',
      { content: [{ type: 'text', text: '{"x":1,"y":2}' }], structuredContent: { x: 1, y: 2 } },
    ],
    [
      'object',
      {
        content: [{ type: 'text', text: '{"a":1,"nested":{"b":[1,2]}}' }],
        structuredContent: { a: 1, nested: { b: [1, 2] } },
      },
    ],
    ['full', { content: [{ type: 'text', text: 'as is' }], isError: false }],
    ['throws', { content: [{ type: 'text', text: 'business rule broken' }], isError: true }],
  ])('%s', async (name, expected) => {
    const { peer } = await session();
    const args = name === 'add' ? { a: 1, b: 2 } : {};
    expect((await peer.request('tools/call', { name, arguments: args })).result).toEqual(expected);
  });

  it('checks structuredContent against the outputSchema', async () => {
    const { peer } = await session();
    const res = await peer.request('tools/call', { name: 'badPoint', arguments: {} });
    expect(res.result?.isError).toBe(true);
    expect(res.result?.content?.[0].text).toMatch(
      /does not match its outputSchema:\n- y: is required/,
    );
  });

  it('turns an McpError into a JSON-RPC error', async () => {
    const { peer } = await session();
    expect(
      (await peer.request('tools/call', { name: 'protocolError', arguments: {} })).error,
    ).toEqual({ code: -32602, message: 'bad request by design' });
  });

  it('maps resources: text, JSON, bytes; templates with {+path} and {?query}; unknown → -32002', async () => {
    const { peer } = await session();
    expect((await peer.request('resources/read', { uri: 'greeting://Ada' })).result).toEqual({
      contents: [{ uri: 'greeting://Ada', mimeType: 'text/plain', text: 'Hello, Ada!' }],
    });
    expect(
      (await peer.request('resources/read', { uri: 'files://a/b/c.txt' })).result?.contents,
    ).toEqual([{ uri: 'files://a/b/c.txt', mimeType: 'text/plain', text: 'file a/b/c.txt' }]);
    expect(
      (await peer.request('resources/read', { uri: 'search://items?limit=3&q=cats' })).result
        ?.contents,
    ).toEqual([
      {
        uri: 'search://items?limit=3&q=cats',
        mimeType: 'application/json',
        text: '{"q":"cats","limit":3}',
      },
    ]);
    expect(
      (await peer.request('resources/read', { uri: 'bytes://logo' })).result?.contents,
    ).toEqual([{ uri: 'bytes://logo', mimeType: 'image/png', blob: 'iVBORw==' }]);
    expect(
      (await peer.request('resources/read', { uri: 'files://../etc/passwd' })).error?.code,
    ).toBe(-32002);
    expect(
      (await peer.request('resources/read', { uri: 'files://a/%2e%2e/secret' })).error?.code,
    ).toBe(-32002);
    expect((await peer.request('resources/read', { uri: 'greeting://a/b' })).error?.code).toBe(
      -32002,
    );
    expect((await peer.request('resources/read', { uri: 'nothing://here' })).error).toEqual({
      code: -32002,
      message: 'Resource not found: nothing://here',
      data: { uri: 'nothing://here' },
    });
    const templates = (await peer.request('resources/templates/list')).result?.resourceTemplates;
    expect(templates).toEqual([
      { uriTemplate: 'greeting://{name}', name: 'greeting', description: 'A greeting' },
      { uriTemplate: 'files://{+path}', name: 'file' },
      { uriTemplate: 'search://items{?q,limit}', name: 'search' },
    ]);
    expect((await peer.request('resources/list')).result?.resources).toEqual([
      { uri: 'bytes://logo', name: 'logo', mimeType: 'image/png' },
    ]);
  });

  it('maps prompts: a string is one user message, arrays mix strings and messages, string args are converted', async () => {
    const { peer } = await session();
    expect(
      (
        await peer.request('prompts/get', {
          name: 'review',
          arguments: { code: 'x = 1', strict: 'true' },
        })
      ).result,
    ).toEqual({
      description: 'Review code',
      messages: [{ role: 'user', content: { type: 'text', text: 'Review strictly:\nx = 1' } }],
    });
    expect(
      (await peer.request('prompts/get', { name: 'chat', arguments: { topic: 'tea' } })).result
        ?.messages,
    ).toEqual([
      { role: 'user', content: { type: 'text', text: "Let's talk about tea" } },
      { role: 'assistant', content: { type: 'text', text: 'Sure!' } },
    ]);
    expect((await peer.request('prompts/list')).result?.prompts).toEqual([
      {
        name: 'review',
        description: 'Review code',
        arguments: [
          { name: 'code', required: true },
          { name: 'strict', required: false },
        ],
      },
      { name: 'chat', arguments: [{ name: 'topic', required: true }] },
    ]);
  });
});

describe('Context', () => {
  it('logs at the client level, reports progress only with a token, reads resources', async () => {
    const { peer } = await session();
    await peer.request('logging/setLevel', { level: 'info' });
    const res = await peer.request('tools/call', {
      name: 'progress',
      arguments: {},
      _meta: { progressToken: 'p1' },
    });
    expect(res.result).toEqual({ content: [{ type: 'text', text: 'Hello, ctx!' }] });
    expect(
      peer.notifications('notifications/message').map((m) => (m as { params: unknown }).params),
    ).toEqual([{ level: 'info', data: 'starting' }]);
    expect(
      peer.notifications('notifications/progress').map((m) => (m as { params: unknown }).params),
    ).toEqual([
      { progressToken: 'p1', progress: 1, total: 2, message: 'half' },
      { progressToken: 'p1', progress: 2, total: 2 },
    ]);
  });
});
