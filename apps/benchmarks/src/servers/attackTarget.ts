/**
 * The server issue 14's attacks are measured against (`npm run bench:attacks`): TypeMCP over HTTP
 * with every default limit, tools that echo, flood a client with progress, run as tasks or take
 * a DTO with a free-form object, and a template with adjacent variables.
 */
import 'reflect-metadata';
import { IsObject, IsString } from 'class-validator';
import { serve } from '@typemcp/hono';
import { Context, createServer, McpServer, Resource, Tool } from '@typemcp/server';

const { announce } = require('./sideChannel.cjs') as { announce: (port: number) => void };

/** A DTO with a free-form object field. */
export class Settings {
  @IsString() name!: string;
  @IsObject() options!: Record<string, unknown>;
}

@McpServer({ name: 'attack-target', version: '1.0.0' })
export class AttackTarget {
  @Tool()
  echo(text: string): string {
    return text;
  }

  @Tool()
  async flood(count: number, ctx: Context): Promise<string> {
    for (let i = 1; i <= count; i++)
      await ctx.reportProgress(i, count, 'flooding the client with progress notifications');
    return `flooded ${count}`;
  }

  @Tool({ task: 'optional' })
  async hold(ms: number, ctx: Context): Promise<string> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(ms, 60_000));
      ctx.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()));
    });
    return 'held';
  }

  @Tool()
  configure(settings: Settings): string {
    return settings.name;
  }

  @Resource('x://{a}{b}{c}')
  triple(a: string, b: string, c: string): string {
    return a + b + c;
  }
}

async function main(): Promise<void> {
  const running = await serve(
    createServer({ providers: [AttackTarget], onerror: () => undefined }),
    { port: 0, handleSignals: false },
  );
  announce(running.port);
}

void main();
