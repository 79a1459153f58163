import { Command, Option } from 'commander';

/** Sets the exit code of the current command (undefined: keep running). */
export type SetExit = (code: number | undefined) => void;

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
    .addHelpText('after', '\nExamples:\n  typemcp run src/server.ts\n  typemcp run dist/server.js:Demo --http --port 8080\n')
    .action(async (file: string, options: { http?: boolean; port?: string; host?: string }) => {
      const { runCommand } = await import('./commands/run');
      await runCommand(file, options);
      setExit(undefined);
    });
  void collect;
  void Option;
}
