/**
 * The benchmark tools written with TypeMCP, as a user would write them, served over stdio.
 * `--tools N` serves N tools in all: `add` and `echo`, plus function-based tools added at start.
 */
import 'reflect-metadata';
import { createServer, McpServer, run, Tool } from '@typemcp/server';
import type { McpApp } from '@typemcp/server';

@McpServer({ name: 'bench-typemcp', version: '1.0.0' })
export class Bench {
  @Tool({ description: 'Add two numbers' })
  add(a: number, b: number): number {
    return a + b;
  }

  @Tool({ description: 'Echo text' })
  echo(text: string): string {
    return text;
  }
}

/** `--tools N` on the command line (default 2: add and echo). */
export function toolCountFromArgv(argv: string[] = process.argv): number {
  const i = argv.indexOf('--tools');
  return i === -1 ? 2 : Number(argv[i + 1]);
}

/** The benchmark server: {@link Bench} plus `toolCount - 2` more tools like `add`. */
export function benchApp(toolCount = 2): McpApp {
  const app = createServer({ providers: [Bench] });
  const numbers = {
    type: 'object' as const,
    properties: { a: { type: 'number' } as const, b: { type: 'number' } as const },
    required: ['a', 'b'],
  };
  for (let i = 0; i < toolCount - 2; i++) {
    app.addTool({
      name: `tool_${i}`,
      description: `Adds two numbers (tool ${i})`,
      inputSchema: numbers,
      handler: (args) => (args.a as number) + (args.b as number),
    });
  }
  return app;
}

if (require.main === module) void run(benchApp(toolCountFromArgv()));
