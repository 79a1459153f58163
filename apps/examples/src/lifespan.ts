/** Lifespan: a service started before the first request, injected into the server, stopped at shutdown. */
import 'reflect-metadata';
import { Context, McpServer, run, Tool } from '@typemcp/server';
import type { Lifespan } from '@typemcp/server';

/** A stand-in for a database connection pool. */
export class Counter {
  private value = 0;
  started = new Date();
  next(): number {
    return ++this.value;
  }
  close(): void {
    process.stderr.write(`counter closed at ${this.value}\n`);
  }
}

const lifespan: Lifespan = async ({ provide }) => {
  provide(Counter, new Counter(), (c) => c.close());
};

@McpServer({ name: 'Lifespan demo', version: '1.0.0', lifespan })
export class LifespanDemo {
  constructor(private readonly counter: Counter) {}

  @Tool({ description: 'Count calls, across every client of this process' })
  count(): number {
    return this.counter.next();
  }

  @Tool({ description: 'When the service started' })
  startedAt(ctx: Context): string {
    return ctx.get(Counter).started.toISOString();
  }
}

if (require.main === module) void run(LifespanDemo);
