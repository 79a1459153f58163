import * as fs from 'node:fs';
import * as util from 'node:util';
import { CliError, UsageError } from '../errors/CliError';

/** Reads `--env KEY=VAL` flags (after the `--env-file`'s variables, which they override). */
export function readEnv(pairs: string[], envFile: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  if (envFile !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(envFile, 'utf8');
    } catch {
      throw new CliError(`cannot read --env-file ${envFile}: check the path`);
    }
    Object.assign(env, util.parseEnv(text));
  }
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--env ${pair}: write KEY=VALUE`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}
