/**
 * Variables a spawned server inherits by default: enough to run, nothing secret (the same
 * lists as the official MCP SDKs).
 *
 * @example
 * DEFAULT_INHERITED_ENV_VARS.includes('PATH'); // true
 */
export const DEFAULT_INHERITED_ENV_VARS: readonly string[] =
  process.platform === 'win32'
    ? [
        'APPDATA',
        'HOMEDRIVE',
        'HOMEPATH',
        'LOCALAPPDATA',
        'PATH',
        'PROCESSOR_ARCHITECTURE',
        'SYSTEMDRIVE',
        'SYSTEMROOT',
        'TEMP',
        'USERNAME',
        'USERPROFILE',
        'PROGRAMFILES',
      ]
    : ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'];

/**
 * The environment a spawned server gets when none is given: the safe inherited variables only
 * (values that look like shell functions are left out).
 *
 * @example
 * spawn(cmd, args, { env: { ...getDefaultEnvironment(), API_KEY: key } });
 */
export function getDefaultEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of DEFAULT_INHERITED_ENV_VARS) {
    const value = process.env[key];
    if (value === undefined || value.startsWith('()')) continue;
    env[key] = value;
  }
  return env;
}
