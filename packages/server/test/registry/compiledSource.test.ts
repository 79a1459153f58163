import 'reflect-metadata';
import { IsString } from 'class-validator';
import { Arg, Context, createServer, Tool } from '@typemcp/server';
import { connect } from '../support/connect';

// Classes compiled without decorator metadata (tsx, esbuild, SWC, Bun) or minified are built
// here by hand: decorators applied as functions record nothing in design:paramtypes, and
// `new Function` gives a method exactly the source a minifier prints.

/** Applies `@Tool()` the way a compiler without emitDecoratorMetadata does: no metadata. */
function tools<T extends Function>(cls: T, ...methods: string[]): T {
  for (const m of methods)
    Tool()(cls.prototype, m, Object.getOwnPropertyDescriptor(cls.prototype, m)!);
  return cls;
}

/** A class from source text, as a minifier leaves it. */
function fromSource(source: string): Function {
  return new Function(`return ${source}`)() as Function;
}

async function listArguments(provider: Function): Promise<Record<string, string[]>> {
  const peer = await (
    await connect(createServer({ providers: [provider as never] }).server)
  ).legacy();
  const list = (await peer.request('tools/list')).result?.tools as Array<{
    name: string;
    inputSchema: { properties: object };
  }>;
  return Object.fromEntries(list.map((t) => [t.name, Object.keys(t.inputSchema.properties)]));
}

describe('a class without decorator metadata', () => {
  it('is refused with one error naming every untyped parameter and both remedies', () => {
    class Calculator {
      add(a: number, b: number) {
        return a + b;
      }
      greet(name: string, ctx: Context) {
        return `${name}${String(ctx)}`;
      }
      ping() {
        return 'pong';
      }
    }
    tools(Calculator, 'add', 'greet', 'ping');
    expect(() => createServer({ providers: [Calculator] })).toThrowErrorMatchingInlineSnapshot(
      `"Calculator carries no decorator metadata: none of its @Tool, @Resource or @Prompt methods has design:paramtypes, so the types of Calculator.add(a), Calculator.add(b), Calculator.greet(name), Calculator.greet(ctx) are unknown. The runtime or compiler that loaded it emitted no decorator metadata (tsx, esbuild and bundlers built on it, SWC without jsc.transform.decoratorMetadata, Bun without emitDecoratorMetadata never write it). Either give every parameter its type with @Arg, e.g. @Arg({ type: () => String }) (a Context parameter: @Arg({ type: () => Context })), or compile with tsc, or run with ts-node, with "experimentalDecorators": true and "emitDecoratorMetadata": true in tsconfig.json."`,
    );
  });

  it('is served when @Arg types every parameter (Context too) or a literal default gives the type', async () => {
    class Typed {
      add(a: number, b = 1) {
        return a + b;
      }
      greet(name: string, ctx: Context) {
        return `${name} ${ctx instanceof Context}`;
      }
    }
    Arg({ type: () => Number })(Typed.prototype, 'add', 0);
    Arg({ type: () => String })(Typed.prototype, 'greet', 0);
    Arg({ type: () => Context })(Typed.prototype, 'greet', 1);
    tools(Typed, 'add', 'greet');
    const peer = await (await connect(createServer({ providers: [Typed] }).server)).legacy();
    const list = (await peer.request('tools/list')).result?.tools as Array<{
      name: string;
      inputSchema: unknown;
    }>;
    expect(list.map((t) => [t.name, t.inputSchema])).toEqual([
      [
        'add',
        {
          type: 'object',
          properties: { a: { type: 'number' }, b: { type: 'number', default: 1 } },
          required: ['a'],
        },
      ],
      ['greet', { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }],
    ]);
    const res = await peer.request('tools/call', { name: 'greet', arguments: { name: 'Ada' } });
    expect(res.result?.content?.[0].text).toBe('Ada true');
  });
});

describe('a minified class whose parameter names were mangled', () => {
  it('is refused, naming the method, the mangled names and the fix', () => {
    const Calc = tools(
      fromSource('class Calc{add(t,r){return t+r}greet(e){return"Hi "+e}}'),
      'add',
      'greet',
    );
    Reflect.defineMetadata('design:paramtypes', [Number, Number], Calc.prototype, 'add');
    Reflect.defineMetadata('design:paramtypes', [String], Calc.prototype, 'greet');
    expect(() => createServer({ providers: [Calc as never] })).toThrowErrorMatchingInlineSnapshot(
      `"Calc.add looks minified: its arguments would be called "t", "r" (every decorated method of Calc is minified source and every parameter has a one- or two-letter name). Keep parameter names when minifying (esbuild: minifyIdentifiers: false, as --keep-names keeps only function and class names; terser: mangle: false), or name every argument with @Arg({ name: '...' }). If you chose these short names yourself, confirm each with @Arg({ name })."`,
    );
  });

  it('without metadata either: one error names both problems', () => {
    const Calc = tools(fromSource('class Calc{add(t,r){return t+r}}'), 'add');
    expect(() => createServer({ providers: [Calc as never] })).toThrowErrorMatchingInlineSnapshot(
      `"Calc carries no decorator metadata: none of its @Tool, @Resource or @Prompt methods has design:paramtypes, so the types of Calc.add(t), Calc.add(r) are unknown. The runtime or compiler that loaded it emitted no decorator metadata (tsx, esbuild and bundlers built on it, SWC without jsc.transform.decoratorMetadata, Bun without emitDecoratorMetadata never write it). Either give every parameter its type with @Arg, e.g. @Arg({ type: () => String }) (a Context parameter: @Arg({ type: () => Context })), or compile with tsc, or run with ts-node, with "experimentalDecorators": true and "emitDecoratorMetadata": true in tsconfig.json. Its parameter names were mangled by a minifier too (t, r): keep them (esbuild: minifyIdentifiers: false, as --keep-names keeps only function and class names; terser: mangle: false) or name every argument with @Arg({ name })."`,
    );
  });

  it('is served when @Arg names every argument', async () => {
    const Calc = tools(fromSource('class Calc{add(t,r){return t+r}}'), 'add');
    Reflect.defineMetadata('design:paramtypes', [Number, Number], Calc.prototype, 'add');
    Arg({ name: 'a' })(Calc.prototype, 'add', 0);
    Arg({ name: 'b' })(Calc.prototype, 'add', 1);
    expect(await listArguments(Calc)).toEqual({ add: ['a', 'b'] });
  });

  it('a lone DTO parameter may keep a mangled name: its properties are the arguments', async () => {
    class Signup {
      @IsString() email!: string;
    }
    const Forms = tools(fromSource('class Forms{signup(t){return t.email}}'), 'signup');
    Reflect.defineMetadata('design:paramtypes', [Signup], Forms.prototype, 'signup');
    expect(await listArguments(Forms)).toEqual({ signup: ['email'] });
  });
});

describe('legitimate short names are never refused', () => {
  it('add(a, b) compiled by tsc (readable source)', async () => {
    class Arithmetic {
      @Tool() add(a: number, b: number) {
        return a + b;
      }
      @Tool() neg(x: number) {
        return -x;
      }
    }
    expect(await listArguments(Arithmetic)).toEqual({ add: ['a', 'b'], neg: ['x'] });
  });

  it('minified with names kept: one longer name in the class shows the names are real', async () => {
    const Calc = tools(
      fromSource('class Calc{add(a,b){return a+b}greet(name){return"Hi "+name}}'),
      'add',
      'greet',
    );
    Reflect.defineMetadata('design:paramtypes', [Number, Number], Calc.prototype, 'add');
    Reflect.defineMetadata('design:paramtypes', [String], Calc.prototype, 'greet');
    expect(await listArguments(Calc)).toEqual({ add: ['a', 'b'], greet: ['name'] });
  });

  it('a one-line method written by hand and kept by the compiler (`) {` with a space)', async () => {
    const Calc = tools(fromSource('class Calc { add(a, b) { return a + b; } }'), 'add');
    Reflect.defineMetadata('design:paramtypes', [Number, Number], Calc.prototype, 'add');
    expect(await listArguments(Calc)).toEqual({ add: ['a', 'b'] });
  });
});
