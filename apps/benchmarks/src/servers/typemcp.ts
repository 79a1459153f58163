/** The benchmark tools written with TypeMCP, as a user would write them. */
import 'reflect-metadata';
import { McpServer, run, Tool } from '@typemcp/server';

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

if (require.main === module) void run(Bench);
