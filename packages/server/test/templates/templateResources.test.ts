import 'reflect-metadata';
import { Arg, createServer, McpServer, Prompt, Resource } from '@typemcp/server';
import { connect } from '../support/connect';

@McpServer({ name: 'templates', version: '1.0.0' })
class Library {
  @Resource('users://{userId}/posts/{postId}', {
    description: 'One post',
    mimeType: 'text/markdown',
  })
  post(postId: number, userId: string): string {
    return `# Post ${postId + 1} of ${userId}`;
  }

  @Resource('repo://main{/path}')
  file(path: string): object {
    return { path };
  }

  @Resource('books://{isbn}', { list: 'catalogue' })
  book(
    @Arg({ complete: (v) => ['978-0', '978-1'].filter((i) => i.startsWith(v)) }) isbn: string,
  ): string {
    return `Book ${isbn}`;
  }

  catalogue() {
    return ['books://978-0', { uri: 'books://978-1', name: 'Second', description: 'The sequel' }];
  }

  @Resource('config://app') config(): object {
    return { debug: false };
  }

  @Prompt() one(): string {
    return '1';
  }
  @Prompt() two(): string {
    return '2';
  }
  @Prompt() three(): string {
    return '3';
  }
}

describe('resource templates over a connection', () => {
  let peer: Awaited<ReturnType<typeof connect>>;
  beforeAll(async () => {
    peer = await (
      await connect(createServer({ providers: [Library], pageSize: 2 }).server)
    ).legacy();
  });

  it('binds variables to parameters by name, whatever their order, converting to the declared type', async () => {
    expect((await peer.request('resources/read', { uri: 'users://ada/posts/41' })).result).toEqual({
      contents: [
        { uri: 'users://ada/posts/41', mimeType: 'text/markdown', text: '# Post 42 of ada' },
      ],
    });
  });

  it('a variable of the wrong type is -32602 naming it', async () => {
    const res = await peer.request('resources/read', { uri: 'users://ada/posts/latest' });
    expect(res.error).toEqual({
      code: -32602,
      message:
        'Invalid arguments for resource users://{userId}/posts/{postId}:\n- postId: must be a number (got string)',
      data: { uri: 'users://ada/posts/latest' },
    });
  });

  it('{/path} segments, and path traversal rejected as not found', async () => {
    expect(
      (await peer.request('resources/read', { uri: 'repo://main/README.md' })).result?.contents,
    ).toEqual([
      { uri: 'repo://main/README.md', mimeType: 'application/json', text: '{"path":"README.md"}' },
    ]);
    expect((await peer.request('resources/read', { uri: 'repo://main/..' })).error?.code).toBe(
      -32002,
    );
    expect((await peer.request('resources/read', { uri: 'repo://main/%2E%2E' })).error?.code).toBe(
      -32002,
    );
  });

  it('lists fixed resources and each template’s concrete resources, paginated', async () => {
    const first = (await peer.request('resources/list')).result as {
      resources: unknown[];
      nextCursor?: string;
    };
    expect(first.resources).toEqual([
      { uri: 'config://app', name: 'config' },
      { uri: 'books://978-0', name: 'books://978-0' },
    ]);
    const second = (await peer.request('resources/list', { cursor: first.nextCursor })).result as {
      resources: unknown[];
      nextCursor?: string;
    };
    expect(second).toEqual({
      resources: [{ uri: 'books://978-1', name: 'Second', description: 'The sequel' }],
    });
  });

  it('paginates templates and prompts; a cursor of another list or a forged one is -32602', async () => {
    const templates = (await peer.request('resources/templates/list')).result as {
      resourceTemplates: Array<{ uriTemplate: string }>;
      nextCursor?: string;
    };
    expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'users://{userId}/posts/{postId}',
      'repo://main{/path}',
    ]);
    const rest = (await peer.request('resources/templates/list', { cursor: templates.nextCursor }))
      .result as { resourceTemplates: Array<{ uriTemplate: string }>; nextCursor?: string };
    expect(rest.resourceTemplates.map((t) => t.uriTemplate)).toEqual(['books://{isbn}']);
    expect(rest.nextCursor).toBeUndefined();

    const prompts = (await peer.request('prompts/list')).result as {
      prompts: Array<{ name: string }>;
      nextCursor: string;
    };
    expect(prompts.prompts.map((p) => p.name)).toEqual(['one', 'two']);
    expect(
      (
        (await peer.request('prompts/list', { cursor: prompts.nextCursor })).result
          ?.prompts as Array<{ name: string }>
      ).map((p) => p.name),
    ).toEqual(['three']);

    expect((await peer.request('resources/list', { cursor: prompts.nextCursor })).error?.code).toBe(
      -32602,
    );
    const forged = Buffer.from(JSON.stringify({ k: 'prompts', o: 99 })).toString('base64url');
    expect((await peer.request('prompts/list', { cursor: forged })).error?.code).toBe(-32602);
    expect((await peer.request('prompts/list', { cursor: 12 })).error?.code).toBe(-32602);
  });

  it('completes template variables', async () => {
    const res = await peer.request('completion/complete', {
      ref: { type: 'ref/resource', uri: 'books://{isbn}' },
      argument: { name: 'isbn', value: '978-1' },
    });
    expect(res.result).toEqual({ completion: { values: ['978-1'], total: 1, hasMore: false } });
  });
});
