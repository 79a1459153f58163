/**
 * @typemcp/cli: the `typemcp` command, and the pieces it is made of for programs that want them.
 *
 * @packageDocumentation
 */
export { runCli } from './cli';
export { CliError, UsageError } from './errors/CliError';
export { parseTarget } from './load/parseTarget';
export type { ServerTarget } from './load/parseTarget';
