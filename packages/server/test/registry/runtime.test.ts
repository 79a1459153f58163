import 'reflect-metadata';
import { Arg, Context, createServer, McpServer, Prompt, Resource, Tool } from '@typemcp/server';
import type { Lifespan } from '@typemcp/server';
import { Service } from 'typedi';
import { connect } from '../support/connect';

const MODERN = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};

class Database {
  static started = 0;
  static log: string[] = [];
  constructor(readonly name: string) {
    Database.started++;
    Database.log.push(`start ${name}`);
  }
  close(): void {
    Database.log.push(`stop ${this.name}`);
  }
}

@Service()
class Greeter {
  greet(name: string): string {
    return `Hi ${name}`;
  }
}

const lifespan: Lifespan = async ({ provide }) => {
  provide('primary', new Database('primary'), (db) => db.close());
  provide('replica', new Database('replica'), (db) => db.close());
  return () => Database.log.push('lifespan cleanup');
};

@McpServer({ name: 'runtime', version: '1.0.0', lifespan })
class Runtime {
  constructor(private readonly greeter: Greeter) {}

  @Tool() hello(name: string): string {
    return this.greeter.greet(name);
  }
  @Tool() dbName(ctx: Context): string {
    return ctx.get<Database>('primary').name;
  }
  @Prompt() topic(
    @Arg({ complete: (v) => ['apples', 'apricots', 'bananas'].filter((x) => x.startsWith(v)) })
    fruit: string,
  ): string {
    return fruit;
  }
  @Resource('fruit://{name}', { list: 'allFruit' })
  fruit(
    @Arg({ complete: (v) => ['kiwi', 'kumquat'].filter((x) => x.startsWith(v)) }) name: string,
  ): string {
    return name;
  }
  allFruit(): string[] {
    return ['fruit://kiwi', 'fruit://kumquat'];
  }
}

describe('lifespan, container and runtime changes', () => {
  it('runs the lifespan once across three sequential connections and stops services in reverse order', async () => {
    Database.started = 0;
    Database.log = [];
    const app = createServer({ providers: [Runtime] });
    for (let i = 0; i < 3; i++) {
      const peer = await (await connect(app.server)).legacy();
      expect(
        (await peer.request('tools/call', { name: 'dbName', arguments: {} })).result?.content,
      ).toEqual([{ type: 'text', text: 'primary' }]);
      expect(
        (await peer.request('tools/call', { name: 'hello', arguments: { name: 'Bo' } })).result
          ?.content,
      ).toEqual([{ type: 'text', text: 'Hi Bo' }]);
      await peer.close();
    }
    expect(Database.started).toBe(2);
    await app.stop();
    await app.stop();
    expect(Database.log).toEqual([
      'start primary',
      'start replica',
      'lifespan cleanup',
      'stop replica',
      'stop primary',
    ]);
  });

  it('adds, disables, enables and removes entries while serving, notifying list changes', async () => {
    const app = createServer({ providers: [Runtime] });
    const peer = await (await connect(app.server)).legacy();
    const names = async () =>
      ((await peer.request('tools/list')).result?.tools as Array<{ name: string }>).map(
        (t) => t.name,
      );
    expect(await names()).toEqual(['hello', 'dbName']);
    app.disable('tool', 'hello');
    expect(await names()).toEqual(['dbName']);
    expect(
      (await peer.request('tools/call', { name: 'hello', arguments: { name: 'x' } })).error?.code,
    ).toBe(-32602);
    app.enable('tool', 'hello');
    app.addTool({
      name: 'dynamic',
      description: 'Added later',
      handler: () => ({ content: [{ type: 'text', text: 'dyn' }] }),
    });
    expect(await names()).toEqual(['hello', 'dbName', 'dynamic']);
    expect(
      (await peer.request('tools/call', { name: 'dynamic', arguments: {} })).result?.content,
    ).toEqual([{ type: 'text', text: 'dyn' }]);
    expect(app.remove('tool', 'dynamic')).toBe(true);
    expect(app.remove('tool', 'dynamic')).toBe(false);
    app.disable('prompt', 'topic');
    await new Promise((r) => setTimeout(r, 5));
    expect(peer.notifications('notifications/tools/list_changed')).toHaveLength(4);
    expect(peer.notifications('notifications/prompts/list_changed')).toHaveLength(1);
  });

  it('paginates past the page size with opaque cursors; a bad cursor is -32602', async () => {
    const app = createServer({ providers: [Runtime], pageSize: 1 });
    const peer = await (await connect(app.server)).legacy();
    const first = (await peer.request('tools/list')).result as {
      tools: Array<{ name: string }>;
      nextCursor?: string;
    };
    expect(first.tools.map((t) => t.name)).toEqual(['hello']);
    expect(typeof first.nextCursor).toBe('string');
    const second = (await peer.request('tools/list', { cursor: first.nextCursor })).result as {
      tools: Array<{ name: string }>;
      nextCursor?: string;
    };
    expect(second.tools.map((t) => t.name)).toEqual(['dbName']);
    expect(second.nextCursor).toBeUndefined();
    expect((await peer.request('tools/list', { cursor: 'garbage' })).error?.code).toBe(-32602);
    expect((await peer.request('prompts/list', { cursor: first.nextCursor })).error?.code).toBe(
      -32602,
    );
  });

  it('completes prompt arguments and template variables, lists template resources', async () => {
    const app = createServer({ providers: [Runtime] });
    const peer = await (await connect(app.server)).legacy();
    expect(
      (
        await peer.request('completion/complete', {
          ref: { type: 'ref/prompt', name: 'topic' },
          argument: { name: 'fruit', value: 'ap' },
        })
      ).result,
    ).toEqual({
      completion: { values: ['apples', 'apricots'], total: 2, hasMore: false },
    });
    expect(
      (
        await peer.request('completion/complete', {
          ref: { type: 'ref/resource', uri: 'fruit://{name}' },
          argument: { name: 'name', value: 'ku' },
        })
      ).result,
    ).toEqual({
      completion: { values: ['kumquat'], total: 1, hasMore: false },
    });
    expect((await peer.request('resources/list')).result?.resources).toEqual([
      { uri: 'fruit://kiwi', name: 'fruit://kiwi' },
      { uri: 'fruit://kumquat', name: 'fruit://kumquat' },
    ]);
  });

  it('serves the same decorated server statelessly in the modern era', async () => {
    const app = createServer({ providers: [Runtime] });
    const peer = await connect(app.server);
    const res = await peer.request('tools/call', {
      name: 'hello',
      arguments: { name: 'M' },
      _meta: MODERN,
    });
    expect(res.result).toEqual({
      content: [{ type: 'text', text: 'Hi M' }],
      structuredContent: { result: 'Hi M' },
      resultType: 'complete',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'runtime', version: '1.0.0' } },
    });
    expect(
      (await peer.request('resources/read', { uri: 'nope://x', _meta: MODERN })).error?.code,
    ).toBe(-32602);
  });

  it('adds function-based resources, templates and prompts while serving, and disables and removes them', async () => {
    const app = createServer({ providers: [Runtime] });
    const peer = await (await connect(app.server)).legacy();
    app.addResource({
      uri: 'memo://today',
      name: 'today',
      mimeType: 'text/plain',
      read: () => 'buy milk',
    });
    app.addResource({ uri: 'memo://{day}', name: 'memo', read: (_uri, { day }) => ({ day }) });
    app.addPrompt({
      name: 'haiku',
      arguments: [{ name: 'topic', required: true }],
      get: ({ topic }) => `A haiku on ${topic}`,
    });
    app.addTool({
      name: 'shout',
      inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
      handler: (args) => String(args.text).toUpperCase(),
    });
    expect(
      (await peer.request('resources/read', { uri: 'memo://today' })).result?.contents,
    ).toEqual([{ uri: 'memo://today', mimeType: 'text/plain', text: 'buy milk' }]);
    expect(
      (await peer.request('resources/read', { uri: 'memo://monday' })).result?.contents,
    ).toEqual([{ uri: 'memo://monday', mimeType: 'application/json', text: '{"day":"monday"}' }]);
    expect(
      (await peer.request('prompts/get', { name: 'haiku', arguments: { topic: 'rain' } })).result
        ?.messages,
    ).toEqual([{ role: 'user', content: { type: 'text', text: 'A haiku on rain' } }]);
    expect((await peer.request('prompts/get', { name: 'haiku', arguments: {} })).error).toEqual({
      code: -32602,
      message: 'Invalid arguments for prompt "haiku":\n- topic: is required',
    });
    expect(
      (await peer.request('tools/call', { name: 'shout', arguments: { text: 'hi' } })).result
        ?.content,
    ).toEqual([{ type: 'text', text: 'HI' }]);
    expect((await peer.request('tools/call', { name: 'shout', arguments: {} })).result).toEqual({
      content: [{ type: 'text', text: 'Invalid arguments for tool "shout":\n- text: is required' }],
      isError: true,
    });
    expect(() => app.addPrompt({ name: 'haiku', get: () => '' })).toThrow(
      'Duplicate prompt "haiku"',
    );

    app.disable('resource', 'memo://today');
    expect(
      (await peer.request('resources/read', { uri: 'memo://today' })).result?.contents,
    ).toEqual([{ uri: 'memo://today', mimeType: 'application/json', text: '{"day":"today"}' }]); // the template still matches once the fixed resource is off
    expect(app.remove('resource', 'memo://{day}')).toBe(true);
    expect((await peer.request('resources/read', { uri: 'memo://today' })).error?.code).toBe(
      -32002,
    );
    app.enable('resource', 'memo://today');
    expect(
      ((await peer.request('resources/list')).result?.resources as Array<{ uri: string }>).map(
        (r) => r.uri,
      ),
    ).toEqual(['memo://today', 'fruit://kiwi', 'fruit://kumquat']);
    await new Promise((r) => setTimeout(r, 5));
    expect(peer.notifications('notifications/resources/list_changed')).toHaveLength(5);
    expect(peer.notifications('notifications/prompts/list_changed')).toHaveLength(1);
    expect(peer.notifications('notifications/tools/list_changed')).toHaveLength(1);
  });
});
