import type { ResourceServerOptions } from '@typemcp/protocol';
import type { ServerConnection } from './dispatch/ServerConnection';
import { createServer, McpApp } from './createServer';
import { MissingPackageError } from './errors/MissingPackageError';
import type { ClassType } from './metadata/definitions';
import { serveStdio } from './transports/stdio/serveStdio';

/** Options of {@link run}. */
export interface RunOptions {
  /** `stdio` (default) or `http` (Streamable HTTP at /mcp, legacy SSE at /sse, via @typemcp/hono). */
  transport?: 'stdio' | 'http';
  /** HTTP port (default 3000, or `--port N`). */
  port?: number;
  /** HTTP host (default 127.0.0.1). */
  host?: string;
  /**
   * Over HTTP: protect the endpoint with OAuth (bearer tokens checked by `auth.verifier`, RFC 9728
   * metadata, 401/403 challenges). Ignored over stdio, which takes credentials from its environment.
   */
  auth?: ResourceServerOptions;
  /** Command-line arguments to read `--http`, `--port` and `--redis` from (default `process.argv`). */
  argv?: string[];
  /**
   * Serve as one node of several, sharing sessions, events, tasks and notifications through Redis
   * (HTTP only; needs `@typemcp/redis`). Default: `--redis URL`, else `TYPEMCP_REDIS_URL`.
   */
  redis?: string;
}

/** What `@typemcp/hono` offers `run()` (loaded lazily so this package never depends on it). */
interface HonoModule {
  serve(
    app: McpApp,
    options: {
      port?: number;
      host?: string;
      auth?: ResourceServerOptions;
      onshutdown?: () => unknown;
      redis?: string;
    },
  ): Promise<{ url: string }>;
}

/** What {@link run} started. */
export interface RunningServer {
  app: McpApp;
  /** The stdio connection, when serving stdio. */
  connection?: ServerConnection;
  /** The URL, when serving HTTP. */
  url?: string;
}

/**
 * Serves a decorated class (or a {@link createServer} result) over stdio, or over HTTP when
 * `--http` is given or `transport: 'http'`; the lifespan starts first and stops at shutdown.
 *
 * @example
 * if (require.main === module) run(Demo);
 */
export async function run(
  target: ClassType | McpApp,
  options: RunOptions = {},
): Promise<RunningServer> {
  const app = target instanceof McpApp ? target : createServer({ providers: [target] });
  const argv = options.argv ?? process.argv.slice(2);
  const portFlag = argv.indexOf('--port');
  const port = options.port ?? (portFlag !== -1 ? Number(argv[portFlag + 1]) : undefined);
  const http =
    options.transport === 'http' || (options.transport === undefined && argv.includes('--http'));
  const redisFlag = argv.indexOf('--redis');
  const redis =
    options.redis ??
    (redisFlag !== -1 ? argv[redisFlag + 1] : undefined) ??
    (process.env.TYPEMCP_REDIS_URL || undefined);
  await app.start();
  if (http) {
    let hono: HonoModule;
    try {
      hono = require('@typemcp/hono') as HonoModule;
    } catch (error) {
      // Only a missing @typemcp/hono is ours to explain; its own failures surface as they are.
      const code = (error as { code?: unknown }).code;
      if (
        code === 'MODULE_NOT_FOUND' &&
        String((error as Error).message).includes('@typemcp/hono')
      ) {
        throw new MissingPackageError('@typemcp/hono', 'Serving over HTTP');
      }
      throw error;
    }
    let served: { url: string };
    try {
      served = await hono.serve(app, {
        port: port ?? 3000,
        host: options.host,
        auth: options.auth,
        onshutdown: () => app.stop(),
        redis,
      });
    } catch (error) {
      // a start-up failure (Redis unreachable, port taken) is one line, not a stack
      process.stderr.write(`[typemcp] ${(error as Error).message ?? String(error)}\n`);
      process.exit(1);
    }
    const shared = redis ? ' (sharing state through Redis)' : '';
    process.stderr.write(
      `[typemcp] ${app.server.serverInfo.name} serving MCP at ${served.url}/mcp (legacy HTTP+SSE at ${served.url}/sse)${shared}\n`,
    );
    return { app, url: served.url };
  }
  const connection = await serveStdio(app.server, { onshutdown: () => app.stop() });
  return { app, connection };
}
