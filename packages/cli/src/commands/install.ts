import * as os from 'node:os';
import { cliEntry } from '../cliEntry';
import { UsageError } from '../errors/CliError';
import { addServer } from '../install/addServer';
import { CLIENTS, configPath, httpEntry, serversKey, stdioEntry } from '../install/clients';
import type { ClientName, InstallScope, ServerEntry } from '../install/clients';
import { readJsonObject, writeJsonAtomic } from '../install/jsonFile';
import { readEnv } from '../install/readEnv';
import { loadServer } from '../load/loadServer';
import { serverName } from '../load/serverName';
import { info, printJson } from '../output/log';

/** Options of `typemcp install`. */
export interface InstallCommandOptions {
  client: string;
  name?: string;
  env: string[];
  envFile?: string;
  http?: string;
  scope: string;
  config?: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * `typemcp install <file>`: registers a server in an MCP client's configuration file, started as
 * `<absolute node> <absolute typemcp> run <absolute file>`; or, with `--http URL`, a remote one.
 */
export async function installCommand(
  spec: string | undefined,
  options: InstallCommandOptions,
): Promise<void> {
  const client = options.client as ClientName;
  if (!CLIENTS.includes(client))
    throw new UsageError(`--client ${options.client}: pick one of ${CLIENTS.join(', ')}`);
  if (options.scope !== 'user' && options.scope !== 'project')
    throw new UsageError(`--scope ${options.scope}: pick user or project`);
  if (spec === undefined && options.http === undefined)
    throw new UsageError('give the server file to install, or --http URL for a running server');
  if (options.http !== undefined && !/^https?:\/\/[^\s]+$/.test(options.http))
    throw new UsageError(`--http ${options.http}: give an http:// or https:// URL`);
  if (spec !== undefined && options.http !== undefined)
    throw new UsageError('give the server file or --http URL, not both');
  const env = readEnv(options.env, options.envFile);
  if (options.http !== undefined && client !== 'claude' && Object.keys(env).length > 0) {
    throw new UsageError(
      `--env and --env-file set a local server's environment; a server at --http ${options.http} has its own`,
    );
  }

  let name = options.name;
  let entry: ServerEntry;
  if (options.http !== undefined) {
    if (name === undefined)
      throw new UsageError('--http needs --name: the name the client shows for this server');
    entry = httpEntry(client, options.http, env);
  } else {
    const loaded = await loadServer(spec as string);
    name ??= serverName(loaded.candidate, loaded.server);
    const target = loaded.target.exportName
      ? `${loaded.target.file}:${loaded.target.exportName}`
      : loaded.target.file;
    entry = stdioEntry(client, process.execPath, [cliEntry(), 'run', target], env);
  }

  const file =
    options.config ??
    configPath(client, options.scope as InstallScope, {
      platform: process.platform,
      home: os.homedir(),
      env: process.env,
      cwd: process.cwd(),
    });
  if (file === undefined)
    throw new UsageError(`${client} has no project-scope file: use --scope user`);
  const { config, status } = addServer(readJsonObject(file), serversKey(client), name, entry, {
    force: options.force === true,
    file,
  });
  if (options.dryRun) {
    printJson({ file, name, status, entry, config });
    return;
  }
  const backup = status === 'unchanged' ? undefined : writeJsonAtomic(file, config);
  if (options.json) printJson({ file, name, status, entry, backup });
  else if (status === 'unchanged') info(`"${name}" is already in ${file}, unchanged`);
  else
    info(
      `${status} "${name}" in ${file}${backup ? ` (backup: ${backup})` : ''}; restart ${client} to load it`,
    );
}
