import { MissingPackageError } from '@typemcp/server';

/** The function of `@hono/node-server` that {@link serve} uses (the same in its 1.x and 2.x lines). */
export interface NodeServerModule {
  getRequestListener: typeof import('@hono/node-server').getRequestListener;
}

/**
 * Loads `@hono/node-server` when `serve()` is first called, so that a user who only mounts
 * `mcpHonoApp()` into their own Hono app (on Bun, Deno, Workers or their own Node server) need not
 * install it. A missing package is a start-up error naming the package to install.
 */
export function loadNodeServer(): NodeServerModule {
  try {
    return require('@hono/node-server') as NodeServerModule;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (
      code === 'MODULE_NOT_FOUND' &&
      String((error as Error).message).includes('@hono/node-server')
    ) {
      throw new MissingPackageError('@hono/node-server', 'serve() (HTTP on Node.js)');
    }
    throw error;
  }
}
