import * as path from 'node:path';
import type * as ServerPackage from '@typemcp/server';

/** The parts of `@typemcp/server` the command uses on a user's module. */
export type ServerModule = Pick<
  typeof ServerPackage,
  'McpApp' | 'run' | 'createServer' | 'describeClass'
>;

/**
 * The `@typemcp/server` the user's file itself imports (resolved from the file's folder), so
 * `instanceof McpApp` and the decorators' records agree with the file; this package's own copy
 * when the project has none.
 */
export function serverPackageFor(file: string): ServerModule {
  return require(resolveServerPackage(file)) as ServerModule;
}

/** Where the `@typemcp/server` of a file's project is (a `.ts` entry in a TypeMCP workspace). */
export function resolveServerPackage(file: string): string {
  try {
    return require.resolve('@typemcp/server', { paths: [path.dirname(file)] });
  } catch {
    return require.resolve('@typemcp/server');
  }
}
