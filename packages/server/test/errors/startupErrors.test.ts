import 'reflect-metadata';
import { Arg, createServer, McpServer, Resource, Tool } from '@typemcp/server';

describe('start-up errors name Class.method(param) and the fix', () => {
  it('a parameter whose type reflection cannot read', () => {
    class Bad {
      @Tool() tags(list: string[]): number {
        return list.length;
      }
    }
    expect(() => createServer({ providers: [Bad] })).toThrowErrorMatchingInlineSnapshot(
      `"Cannot infer the type of Bad.tags(list): reflection gives "Array". Give it explicitly, e.g. @Arg({ type: () => [String] }) for an array of strings, @Arg({ type: () => MyEnum }) for an enum, or a class (DTO) type. If it is a class, import it as a value (not with "import type")."`,
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
    @McpServer() class A {
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
});
