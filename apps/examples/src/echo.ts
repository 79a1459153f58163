/** Echo: a tool, a resource template and a prompt that repeat what they are given. */
import 'reflect-metadata';
import { McpServer, Prompt, Resource, run, Tool } from '@typemcp/server';

@McpServer({ name: 'Echo', version: '1.0.0' })
export class Echo {
  @Tool({ description: 'Echo a message as a tool' })
  echo_tool(message: string): string {
    return `Tool echo: ${message}`;
  }

  @Resource('echo://{message}', { description: 'Echo a message as a resource' })
  echo_resource(message: string): string {
    return `Resource echo: ${message}`;
  }

  @Prompt({ description: 'Create an echo prompt' })
  echo_prompt(message: string): string {
    return `Please process this message: ${message}`;
  }
}

if (require.main === module) void run(Echo);
