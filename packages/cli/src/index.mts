// The ES module entry: the same API as the CommonJS build, re-exported by name.
export {
  runCli,
  CliError,
  UsageError,
  checkFile,
  formatFinding,
  configPath,
  CLIENTS,
  generateClient,
} from './index.js';
export type {
  ServerTarget,
  CheckReport,
  Finding,
  ClientName,
  InstallScope,
  PlatformInfo,
  ServerListing,
} from './index.js';
