import 'reflect-metadata';
import { McpServer, Prompt, Resource, Tool, run } from '@typemcp/server';

/** The quickstart server: one tool, one resource template, one prompt. */
@McpServer({ name: 'Demo', version: '1.0.0' })
export class Demo {
  @Tool({ description: 'Add two numbers' })
  add(a: number, b: number): number {
    return a + b;
  }

  @Resource('greeting://{name}', { description: 'Get a personalized greeting' })
  greeting(name: string): string {
    return `Hello, ${name}!`;
  }

  @Prompt({ description: 'Generate a greeting prompt' })
  greetUser(name: string, style = 'friendly'): string {
    return `Please write a ${style} greeting for someone named ${name}.`;
  }
}

if (require.main === module) void run(Demo);
