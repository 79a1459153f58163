/**
 * @typemcp/cli: the `typemcp` command, and the pieces it is made of for programs that want them.
 *
 * @packageDocumentation
 */
export { runCli } from './cli';
export { CliError, UsageError } from './errors/CliError';
export type { ServerTarget } from './load/parseTarget';
export { checkFile } from './check/checkFile';
export type { CheckReport } from './check/checkFile';
export { formatFinding } from './check/compare';
export type { Finding } from './check/compare';
export { configPath, CLIENTS } from './install/clients';
export type { ClientName, InstallScope, PlatformInfo } from './install/clients';
export { generateClient } from './types/generateClient';
export type { ServerListing } from './inspect/listServer';
