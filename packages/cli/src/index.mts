// The ES module entry: the same API as the CommonJS build, re-exported by name.
export { runCli, CliError, UsageError, parseTarget } from './index.js';
export type { ServerTarget } from './index.js';
