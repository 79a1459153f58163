import type { Server } from '../../dispatch/Server';
import type { ServerConnection } from '../../dispatch/ServerConnection';
import { StdioServerTransport } from './StdioServerTransport';
import type { StdioServerTransportOptions } from './StdioServerTransport';

/** Options of {@link serveStdio}. */
export interface ServeStdioOptions extends StdioServerTransportOptions {
  /** Exit the process once stdin closes or a SIGINT/SIGTERM arrives (default true). */
  exitOnClose?: boolean;
  /** Runs after the connection closed, before the process exits (e.g. stop the lifespan). */
  onshutdown?: () => Promise<void> | void;
}

/**
 * Serves a low-level {@link Server} over this process's stdin/stdout, with graceful shutdown on
 * stdin EOF, SIGINT and SIGTERM.
 *
 * @example
 * await serveStdio(server);
 */
export async function serveStdio(
  server: Server,
  options: ServeStdioOptions = {},
): Promise<ServerConnection> {
  const transport = new StdioServerTransport(options);
  const connection = await server.connect(transport);
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await connection.close().catch(() => undefined);
    try {
      await options.onshutdown?.();
    } catch (error) {
      process.stderr.write(`[typemcp] shutdown failed: ${(error as Error).message}\n`);
    }
    if (options.exitOnClose ?? true) process.exit(code);
  };
  const onSignal = () => void shutdown(0);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  connection.closeListeners.add(() => void shutdown(0));
  return connection;
}
