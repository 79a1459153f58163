import 'reflect-metadata';
import {
  Arg,
  createServer,
  Field,
  MissingPackageError,
  McpServer,
  Prompt,
  Resource,
  run,
  Tool,
} from '@typemcp/server';

describe('start-up errors name Class.method(param) and the fix', () => {
  it('a parameter whose type reflection cannot read', () => {
    class Bad {
      @Tool() tags(list: string[]): number {
        return list.length;
      }
    }
    expect(() => createServer({ providers: [Bad] })).toThrowErrorMatchingInlineSnapshot(
      `"Cannot infer the type of Bad.tags(list): reflection gives "Array". Give it explicitly, e.g. @Arg({ type: () => [String] }) for an array of strings, @Arg({ type: () => Union(String, Number) }) for a union, @Arg({ type: () => String, optional: true }) for string | undefined, or use a class (DTO) with class-validator decorators instead of an interface. If it is a class, import it as a value (not with "import type")."`,
    );
  });

  it('a template variable with no parameter', () => {
    class Bad {
      @Resource('users://{id}/posts/{postId}') post(id: string): string {
        return id;
      }
    }
    expect(() => createServer({ providers: [Bad] })).toThrowErrorMatchingInlineSnapshot(
      `"The template "users://{id}/posts/{postId}" of Bad.post has the variable {postId} but the method has no parameter named "postId". Add the parameter, or rename it with @Arg({ name: 'postId' })."`,
    );
  });

  it('a duplicate name across composed classes', () => {
    @McpServer()
    class A {
      @Tool() ping(): string {
        return 'a';
      }
    }
    class B {
      @Tool({ name: 'ping' }) other(): string {
        return 'b';
      }
    }
    expect(() => createServer({ providers: [A, B] })).toThrowErrorMatchingInlineSnapshot(
      `"Duplicate tool "ping": declared by A.ping and B.other. Give one of them another name (e.g. @Tool({ name: '...' }))."`,
    );
  });

  it('a destructured parameter without a name', () => {
    class Bad {
      @Tool() point(@Arg({ type: () => Object as never }) { x }: { x: number }): number {
        return x;
      }
    }
    expect(() => createServer({ providers: [Bad] })).toThrowErrorMatchingInlineSnapshot(
      `"Cannot read the name of parameter #0 of Bad.point: destructured or minified parameters need @Arg({ name: '...' }), or take a DTO class instead."`,
    );
  });

  it('an output type that cannot be read', () => {
    class Bad {
      @Tool({ output: () => Promise }) async later(): Promise<number> {
        return 1;
      }
    }
    expect(() => createServer({ providers: [Bad] })).toThrowErrorMatchingInlineSnapshot(
      `"Cannot infer the output type of Bad.later: reflection gives "function Promise() { [native code] }". Declare it with @Tool({ output: () => MyResultDto }) (or output: () => Number for a primitive)."`,
    );
  });

  it('a decorator on a symbol-keyed method', () => {
    const secret = Symbol('secret');
    expect(() => {
      class Bad {
        @Tool() [secret](): string {
          return 'x';
        }
      }
      return Bad;
    }).toThrowErrorMatchingInlineSnapshot(
      `"Bad[Symbol(secret)]: MCP tools, resources and prompts need string method names, not symbols. Rename the method, or add a string-named method that calls it and decorate that one."`,
    );
  });

  it('a rest parameter', () => {
    class Bad {
      @Prompt() join(first: string, @Arg({ type: () => [String] }) ...others: string[]): string {
        return [first, ...others].join();
      }
    }
    expect(() => createServer({ providers: [Bad] })).toThrowErrorMatchingInlineSnapshot(
      `"Bad.join(...others): a rest parameter cannot be an MCP argument. Take an array instead: others: string[] with @Arg({ type: () => [String] })."`,
    );
  });

  it('a template listed by a method that does not exist', () => {
    class Bad {
      @Resource('notes://{id}', { list: 'allNotes' }) note(id: string): string {
        return id;
      }
    }
    expect(() => createServer({ providers: [Bad] })).toThrowErrorMatchingInlineSnapshot(
      `"The template "notes://{id}" of Bad.note is listed by "allNotes", but Bad has no method of that name. Add Bad.allNotes() returning the template's resources (URIs or { uri, name } objects), or fix the name in @Resource(..., { list })."`,
    );
  });

  it('an x-mcp-header on an argument that cannot carry one', () => {
    class Bad {
      @Tool() route(@Arg({ header: 'Region Name' }) region: string): string {
        return region;
      }
    }
    expect(() => createServer({ providers: [Bad] })).toThrowErrorMatchingInlineSnapshot(
      `"Bad.route(region): @Arg({ header: "Region Name" }) needs an HTTP token name and a string, integer (type: () => Integer) or boolean parameter (2026-07-28 x-mcp-header rules)."`,
    );
  });

  it('an enum that allows no value', () => {
    enum Nothing {}
    class Bad {
      @Tool() pick(
        @Arg({ enum: [] }) choice: string,
        @Arg({ type: () => Nothing }) other: Nothing,
      ): string {
        return choice + other;
      }
    }
    expect(() => createServer({ providers: [Bad] })).toThrowErrorMatchingInlineSnapshot(
      `"Bad.pick(choice) allows no value: its enum is empty. List the allowed values, e.g. @Arg({ enum: ['asc', 'desc'] }), or pass a TypeScript enum with members."`,
    );
  });

  it('a DTO property with @Field but no class-validator decorator', () => {
    class Query {
      @Field({ description: 'SQL to run' }) sql!: string;
    }
    class Bad {
      @Tool() run(query: Query): string {
        return query.sql;
      }
    }
    expect(() => createServer({ providers: [Bad] })).toThrowErrorMatchingInlineSnapshot(
      `"Query.sql has @Field but no class-validator decorator, so it would be neither in the schema nor validated. Add its constraint, e.g. @IsString(), @IsInt(), @IsEnum(MyEnum) or @ValidateNested() with @Type(() => Nested), and @IsOptional() when it may be omitted."`,
    );
  });

  it('HTTP without @typemcp/hono installed names the package to install', async () => {
    class Small {
      @Tool() ping(): string {
        return 'pong';
      }
    }
    jest.resetModules();
    jest.doMock('@typemcp/hono', () => {
      throw Object.assign(new Error("Cannot find module '@typemcp/hono' from 'run.ts'"), {
        code: 'MODULE_NOT_FOUND',
      });
    });
    const started = run(Small, { transport: 'http', argv: [] });
    await expect(started).rejects.toBeInstanceOf(MissingPackageError);
    await expect(started).rejects.toThrowErrorMatchingInlineSnapshot(
      `"Serving over HTTP needs the package @typemcp/hono: install it with \`npm install @typemcp/hono\`."`,
    );
    jest.dontMock('@typemcp/hono');
  });
});
