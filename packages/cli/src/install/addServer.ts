import { isDeepStrictEqual } from 'node:util';
import { CliError } from '../errors/CliError';
import type { ServerEntry } from './clients';

/** What {@link addServer} did. */
export type AddStatus = 'added' | 'unchanged' | 'replaced';

/**
 * Puts a server entry into a configuration object, keeping every other key and server. A
 * different server already under the name is replaced only with `force`.
 */
export function addServer(
  config: Record<string, unknown>,
  key: string,
  name: string,
  entry: ServerEntry,
  options: { force: boolean; file: string },
): { config: Record<string, unknown>; status: AddStatus } {
  const current = config[key];
  if (
    current !== undefined &&
    (typeof current !== 'object' || current === null || Array.isArray(current))
  ) {
    throw new CliError(
      `"${key}" in ${options.file} is not an object: fix the file by hand, or write another with --config`,
    );
  }
  const servers = { ...(current as Record<string, unknown> | undefined) };
  const existing = servers[name];
  if (existing !== undefined && isDeepStrictEqual(existing, entry))
    return { config, status: 'unchanged' };
  if (existing !== undefined && !options.force) {
    throw new CliError(
      `a different server named "${name}" is already in ${options.file}: pass --force to replace it, or --name to pick another name`,
    );
  }
  servers[name] = entry;
  return {
    config: { ...config, [key]: servers },
    status: existing === undefined ? 'added' : 'replaced',
  };
}
