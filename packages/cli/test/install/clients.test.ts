import { configPath, httpEntry, stdioEntry } from '../../src/install/clients';
import { addServer } from '../../src/install/addServer';

const mac = { platform: 'darwin' as const, home: '/Users/ada', env: {}, cwd: '/Users/ada/proj' };
const win = {
  platform: 'win32' as const,
  home: 'C:\\Users\\ada',
  env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
  cwd: 'C:\\proj',
};
const linux = { platform: 'linux' as const, home: '/home/ada', env: {}, cwd: '/home/ada/proj' };

describe('configPath', () => {
  it("finds each client's user file on macOS, Windows and Linux", () => {
    const table = (['claude', 'claude-code', 'cursor', 'vscode'] as const).map((client) => [
      client,
      configPath(client, 'user', mac),
      configPath(client, 'user', win),
      configPath(client, 'user', linux),
    ]);
    expect(table).toEqual([
      [
        'claude',
        '/Users/ada/Library/Application Support/Claude/claude_desktop_config.json',
        'C:\\Users\\ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
        '/home/ada/.config/Claude/claude_desktop_config.json',
      ],
      [
        'claude-code',
        '/Users/ada/.claude.json',
        'C:\\Users\\ada\\.claude.json',
        '/home/ada/.claude.json',
      ],
      [
        'cursor',
        '/Users/ada/.cursor/mcp.json',
        'C:\\Users\\ada\\.cursor\\mcp.json',
        '/home/ada/.cursor/mcp.json',
      ],
      [
        'vscode',
        '/Users/ada/Library/Application Support/Code/User/mcp.json',
        'C:\\Users\\ada\\AppData\\Roaming\\Code\\User\\mcp.json',
        '/home/ada/.config/Code/User/mcp.json',
      ],
    ]);
  });

  it('honours XDG_CONFIG_HOME on Linux and falls back to AppData\\Roaming without APPDATA', () => {
    expect(configPath('vscode', 'user', { ...linux, env: { XDG_CONFIG_HOME: '/xdg' } })).toBe(
      '/xdg/Code/User/mcp.json',
    );
    expect(configPath('claude', 'user', { ...win, env: {} })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
    );
  });

  it('finds project files, and none for Claude Desktop', () => {
    expect(configPath('claude-code', 'project', linux)).toBe('/home/ada/proj/.mcp.json');
    expect(configPath('cursor', 'project', win)).toBe('C:\\proj\\.cursor\\mcp.json');
    expect(configPath('vscode', 'project', mac)).toBe('/Users/ada/proj/.vscode/mcp.json');
    expect(configPath('claude', 'project', mac)).toBeUndefined();
  });
});

describe('entries', () => {
  it("writes each client's documented shape", () => {
    expect(stdioEntry('claude', '/n', ['a'], {})).toEqual({ command: '/n', args: ['a'] });
    expect(stdioEntry('claude-code', '/n', ['a'], { K: 'v' })).toEqual({
      type: 'stdio',
      command: '/n',
      args: ['a'],
      env: { K: 'v' },
    });
    expect(stdioEntry('vscode', '/n', [], {})).toEqual({ type: 'stdio', command: '/n', args: [] });
    expect(httpEntry('cursor', 'http://h/mcp', {})).toEqual({ url: 'http://h/mcp' });
    expect(httpEntry('vscode', 'http://h/mcp', {})).toEqual({ type: 'http', url: 'http://h/mcp' });
    expect(httpEntry('claude', 'http://h/mcp', {})).toEqual({
      command: 'npx',
      args: ['-y', 'mcp-remote', 'http://h/mcp'],
    });
  });

  it('keeps other servers and keys, and refuses a different same-name server without force', () => {
    const config = {
      theme: 'dark',
      mcpServers: { other: { command: 'x' }, demo: { command: 'old' } },
    };
    const options = { force: false, file: '/f.json' };
    expect(() => addServer(config, 'mcpServers', 'demo', { command: 'new' }, options)).toThrow(
      'a different server named "demo" is already in /f.json: pass --force to replace it, or --name to pick another name',
    );
    expect(addServer(config, 'mcpServers', 'demo', { command: 'old' }, options).status).toBe(
      'unchanged',
    );
    expect(
      addServer(config, 'mcpServers', 'demo', { command: 'new' }, { ...options, force: true }),
    ).toEqual({
      status: 'replaced',
      config: { theme: 'dark', mcpServers: { other: { command: 'x' }, demo: { command: 'new' } } },
    });
    expect(() => addServer({ mcpServers: [] }, 'mcpServers', 'demo', {}, options)).toThrow(
      '"mcpServers" in /f.json is not an object',
    );
  });
});
