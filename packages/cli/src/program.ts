import { Command, Option } from 'commander';
import { prepareWorkspaceSources } from './load/workspaceSources';

/** Sets the exit code of the current command (undefined: keep running). */
export type SetExit = (code: number | undefined) => void;

/** Imports a command's module (after preparing a source workspace, see prepareWorkspaceSources). */
async function load<T>(importer: () => Promise<T>): Promise<T> {
  prepareWorkspaceSources();
  return importer();
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Declares every command; each loads its module only when it runs, so `--help` stays fast. */
export function registerCommands(program: Command, setExit: SetExit): void {
  program
    .command('run')
    .description('serve a server file over stdio, or Streamable HTTP + legacy SSE with --http')
    .argument('<file>', 'a .ts, .js, .cjs or .mjs file, optionally :ExportName (server.ts:Demo)')
    .option('--http', 'serve Streamable HTTP at /mcp and legacy SSE at /sse instead of stdio')
    .option('--port <n>', 'HTTP port (implies --http; default 3000, 0 for any free port)')
    .option('--host <host>', 'HTTP host (implies --http; default 127.0.0.1)')
    .addHelpText(
      'after',
      '\nExamples:\n  typemcp run src/server.ts\n  typemcp run dist/server.js:Demo --http --port 8080\n',
    )
    .action(async (file: string, options: { http?: boolean; port?: string; host?: string }) => {
      const { runCommand } = await load(() => import('./commands/run'));
      await runCommand(file, options);
      setExit(undefined);
    });

  program
    .command('install')
    .description(
      "register a server in an MCP client's configuration (Claude Desktop, Claude Code, Cursor, VS Code)",
    )
    .argument('[file]', 'the server file, optionally :ExportName (not needed with --http)')
    .addOption(
      new Option('--client <client>', 'the client to configure')
        .choices(['claude', 'claude-code', 'cursor', 'vscode'])
        .default('claude'),
    )
    .option('--name <name>', "the server's name in the client (default: the server's own name)")
    .option('--env <KEY=VALUE>', 'an environment variable for the server (repeatable)', collect, [])
    .option('--env-file <file>', 'environment variables from a .env file (--env overrides them)')
    .option(
      '--http <url>',
      'register a running server at this Streamable HTTP URL instead of a file',
    )
    .addOption(
      new Option('--scope <scope>', "the user's configuration or the project's (current folder)")
        .choices(['user', 'project'])
        .default('user'),
    )
    .option('--config <file>', "write this configuration file instead of the client's usual one")
    .option('--force', 'replace a different server of the same name')
    .option('--dry-run', 'print the resulting configuration as JSON and write nothing')
    .option('--json', 'print what was done as JSON')
    .addHelpText(
      'after',
      '\nThe entry starts `<node> <typemcp> run <file>` with absolute paths, so keep @typemcp/cli installed where it is.\n' +
        'The old file is kept as <file>.bak.\n\nExamples:\n  typemcp install src/server.ts\n' +
        '  typemcp install src/server.ts --client cursor --env API_KEY=secret\n  typemcp install --client vscode --http http://127.0.0.1:3000/mcp --name demo\n',
    )
    .action(
      async (
        file: string | undefined,
        options: import('./commands/install').InstallCommandOptions,
      ) => {
        const { installCommand } = await load(() => import('./commands/install'));
        await installCommand(file, options);
      },
    );

  program
    .command('inspect')
    .description('list the tools, resources, templates and prompts of any MCP server, or call one')
    .argument(
      '<server...>',
      'a server file (run with typemcp run), an http(s) URL, or the command that starts a stdio server (after --)',
    )
    .option('--call <tool>', 'call this tool')
    .option(
      '--arg <name=value>',
      'an argument of --call or --prompt (repeatable; JSON values are parsed)',
      collect,
      [],
    )
    .option('--read <uri>', 'read this resource')
    .option('--prompt <name>', 'get this prompt')
    .option('--json', 'print JSON (the default when stdout is not a terminal)')
    .addOption(
      new Option('--era <era>', 'protocol era: probe (auto), or insist')
        .choices(['auto', 'legacy', 'modern'])
        .default('auto'),
    )
    .option(
      '--env <KEY=VALUE>',
      'an environment variable for a stdio server (repeatable)',
      collect,
      [],
    )
    .option('--timeout <ms>', 'request timeout in milliseconds (default 30000)')
    .option('--verbose', "show a stdio server's stderr")
    .addHelpText(
      'after',
      '\nExamples:\n  typemcp inspect src/server.ts\n  typemcp inspect -- node dist/server.js\n  typemcp inspect --call add --arg a=1 --arg b=2 -- npx typemcp run src/server.ts\n' +
        '  typemcp inspect http://127.0.0.1:3000/mcp --read greeting://Ada --json\n',
    )
    .action(
      async (server: string[], options: import('./commands/inspect').InspectCommandOptions) => {
        const { inspectCommand } = await load(() => import('./commands/inspect'));
        setExit(await inspectCommand(server, options));
      },
    );

  program
    .command('new')
    .description('create a server project that installs and passes its own test')
    .argument('<dir>', 'the folder to create')
    .option('--name <name>', 'the npm package name (default: the folder name)')
    .option('--no-install', 'write the files only; run npm install yourself')
    .option(
      '--tarballs <dir>',
      'depend on the packed @typemcp/* tarballs (npm pack) in this folder',
    )
    .option('--force', 'write into a folder that is not empty')
    .option('--json', 'print what was created as JSON')
    .addHelpText('after', '\nExample:\n  typemcp new my-server && cd my-server && npm test\n')
    .action(async (dir: string, options: import('./commands/new').NewCommandOptions) => {
      const { newCommand } = await load(() => import('./commands/new'));
      await newCommand(dir, options);
    });

  program
    .command('check')
    .description(
      "compare each decorated method's TypeScript signature with the schema TypeMCP builds for it",
    )
    .argument('<file>', 'the server file (.ts)')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nOne line per loss: Class.method(param), what the schema says, what TypeScript says, and the decorator option that fixes it.\nExit code 1 when anything is lost.\n',
    )
    .action(async (file: string, options: { json?: boolean }) => {
      const { checkCommand } = await load(() => import('./commands/check'));
      setExit(await checkCommand(file, options));
    });

  program
    .command('types')
    .description(
      'generate a typed client module from a live server: typed(client).tools.add({ a, b })',
    )
    .argument(
      '<server...>',
      'a server file, an http(s) URL, or the command that starts a stdio server (after --)',
    )
    .option('-o, --output <file>', 'write the module here (default: stdout)')
    .addOption(
      new Option('--era <era>', 'protocol era')
        .choices(['auto', 'legacy', 'modern'])
        .default('auto'),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  typemcp types src/server.ts -o src/client.generated.ts\n  typemcp types http://127.0.0.1:3000/mcp > api.ts\n',
    )
    .action(async (server: string[], options: import('./commands/types').TypesCommandOptions) => {
      const { typesCommand } = await load(() => import('./commands/types'));
      await typesCommand(server, options);
    });

  program
    .command('dev')
    .description(
      'run a server under the MCP Inspector (web UI), restarting it when its sources change',
    )
    .argument('<file>', 'the server file, optionally :ExportName')
    .option('--port <n>', 'port of the server (default: a free one, kept across restarts)')
    .option('--inspector-port <n>', 'port of the Inspector web UI (default 6274)')
    .addOption(
      new Option('--era <era>', 'protocol era the Inspector speaks')
        .choices(['auto', 'legacy', 'modern'])
        .default('auto'),
    )
    .option(
      '--inspector <dir>',
      'the @modelcontextprotocol/inspector folder to use (default: found from here)',
    )
    .option(
      '--node <path>',
      'a Node >= 22 binary for the Inspector (default: this Node if >= 22, else the node@22 npm package)',
    )
    .option('--open', 'open the Inspector in a browser')
    .option('--no-check', 'skip typemcp check before starting')
    .option('--no-watch', 'do not restart on source changes')
    .option('--json', 'print the Inspector and server URLs as JSON once ready')
    .option('--verbose', "show the Inspector's own output")
    .addHelpText(
      'after',
      '\nNeeds @modelcontextprotocol/inspector 2.x and Node >= 22 for it: npm i -D @modelcontextprotocol/inspector node@22\n' +
        '(TypeMCP itself runs on Node 20; only the Inspector needs 22.)\n\nExample:\n  typemcp dev src/server.ts\n',
    )
    .action(async (file: string, options: import('./commands/dev').DevCommandOptions) => {
      const { devCommand } = await load(() => import('./commands/dev'));
      await devCommand(file, options);
      setExit(undefined);
    });
}
