import * as path from 'node:path';

/**
 * The MCP clients `typemcp install` writes a configuration for.
 *
 * @example
 * CLIENTS.includes('cursor'); // true
 */
export const CLIENTS = ['claude', 'claude-code', 'cursor', 'vscode'] as const;

/** One of {@link CLIENTS}. */
export type ClientName = (typeof CLIENTS)[number];

/** Where a configuration lives: the user's own (`user`) or the project's (`project`, the current folder). */
export type InstallScope = 'user' | 'project';

/** The machine facts a configuration path depends on. */
export interface PlatformInfo {
  platform: NodeJS.Platform;
  home: string;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** A server entry in a client's configuration. */
export type ServerEntry = Record<string, unknown>;

/**
 * The configuration file of a client, as each client documents it:
 * - `claude` (Claude Desktop): `claude_desktop_config.json` in `~/Library/Application Support/Claude`
 *   (macOS), `%APPDATA%\Claude` (Windows), `$XDG_CONFIG_HOME/Claude` or `~/.config/Claude` (Linux,
 *   where community builds read it); user scope only.
 * - `claude-code`: `~/.claude.json` (user scope, top-level `mcpServers`), `.mcp.json` (project).
 * - `cursor`: `~/.cursor/mcp.json` (user), `.cursor/mcp.json` (project).
 * - `vscode`: the user profile's `mcp.json` (`~/Library/Application Support/Code/User`,
 *   `%APPDATA%\Code\User`, `$XDG_CONFIG_HOME/Code/User` or `~/.config/Code/User`), `.vscode/mcp.json` (project).
 *
 * @returns the absolute path, or undefined when the client has no such scope.
 *
 * @example
 * configPath('claude', 'user', { platform: 'darwin', home: '/Users/ada', env: {}, cwd: '/' });
 * // '/Users/ada/Library/Application Support/Claude/claude_desktop_config.json'
 */
export function configPath(
  client: ClientName,
  scope: InstallScope,
  info: PlatformInfo,
): string | undefined {
  const p = info.platform === 'win32' ? path.win32 : path.posix;
  if (scope === 'project') {
    if (client === 'claude') return undefined;
    const relative = {
      'claude-code': ['.mcp.json'],
      cursor: ['.cursor', 'mcp.json'],
      vscode: ['.vscode', 'mcp.json'],
    }[client];
    return p.join(info.cwd, ...relative);
  }
  if (client === 'claude-code') return p.join(info.home, '.claude.json');
  if (client === 'cursor') return p.join(info.home, '.cursor', 'mcp.json');
  const appDir = client === 'claude' ? ['Claude'] : ['Code', 'User'];
  const file = client === 'claude' ? 'claude_desktop_config.json' : 'mcp.json';
  if (info.platform === 'darwin')
    return p.join(info.home, 'Library', 'Application Support', ...appDir, file);
  if (info.platform === 'win32')
    return p.join(info.env.APPDATA ?? p.join(info.home, 'AppData', 'Roaming'), ...appDir, file);
  return p.join(info.env.XDG_CONFIG_HOME || p.join(info.home, '.config'), ...appDir, file);
}

/** The key under which a client keeps its servers. */
export function serversKey(client: ClientName): 'mcpServers' | 'servers' {
  return client === 'vscode' ? 'servers' : 'mcpServers';
}

/** The entry that starts a local server over stdio. */
export function stdioEntry(
  client: ClientName,
  command: string,
  args: string[],
  env: Record<string, string>,
): ServerEntry {
  const entry: ServerEntry =
    client === 'claude-code' || client === 'vscode'
      ? { type: 'stdio', command, args }
      : { command, args };
  if (Object.keys(env).length > 0) entry.env = env;
  return entry;
}

/**
 * The entry that reaches a server over Streamable HTTP. Claude Desktop's file holds only stdio
 * servers, so for it the entry runs the `mcp-remote` bridge (remote servers are otherwise added
 * under Settings > Connectors).
 */
export function httpEntry(
  client: ClientName,
  url: string,
  env: Record<string, string>,
): ServerEntry {
  const entry: ServerEntry =
    client === 'claude'
      ? { command: 'npx', args: ['-y', 'mcp-remote', url] }
      : client === 'cursor'
        ? { url }
        : { type: 'http', url };
  if (Object.keys(env).length > 0 && client === 'claude') entry.env = env;
  return entry;
}
