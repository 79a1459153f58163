import { CliError } from '../errors/CliError';

let registered = false;

/**
 * Lets `require()` load `.ts` files, with the compiler this package depends on (TypeScript 5
 * through ts-node), never the user's: a project on `typescript@7` (the Go compiler, which has no
 * JavaScript API for ts-node) still runs. Transpile only (no type check, fast start), and the
 * options TypeMCP's decorators need are forced on whatever the project's tsconfig says; the
 * project's tsconfig is not read, so options TypeScript 5 does not know cannot break loading.
 */
export function registerTypeScript(): void {
  if (registered) return;
  registered = true;
  // Already under ts-node (e.g. `node -r ts-node/register`): its hook compiles .ts files.
  if ((process as unknown as Record<symbol, unknown>)[Symbol.for('ts-node.register.instance')])
    return;
  let tsNode: typeof import('ts-node');
  try {
    tsNode = require('ts-node') as typeof import('ts-node');
  } catch {
    throw new CliError(
      "ts-node is missing from @typemcp/cli's install: reinstall it (npm i -D @typemcp/cli)",
    );
  }
  tsNode.register({
    compiler: require.resolve('typescript'),
    transpileOnly: true,
    skipProject: true,
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      moduleResolution: 'node',
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      sourceMap: true,
    },
  });
}
