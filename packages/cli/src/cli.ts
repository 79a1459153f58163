import { Command, CommanderError } from 'commander';
import { CliError } from './errors/CliError';
import { fail } from './output/log';
import { registerCommands } from './program';

/**
 * Runs the `typemcp` command with the given arguments (without `node` and the script) and
 * resolves to the exit code: 0 done, 1 failed, 2 wrong usage. Long-running commands (`run`,
 * `dev`) resolve once started and keep the process alive; their code is `undefined`.
 *
 * @example
 * process.exitCode = (await runCli(['check', 'src/server.ts'])) ?? 0;
 */
export async function runCli(argv: string[]): Promise<number | undefined> {
  const program = new Command('typemcp');
  let exitCode: number | undefined = 0;
  program
    .description(
      'TypeMCP command line: run, develop (MCP Inspector), install, inspect, scaffold, check and type MCP servers',
    )
    .version(readVersion(), '-V, --version')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text) => fail(`${text.replace(/^error: /, '').trim()} (see typemcp --help)`),
    });
  registerCommands(program, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // `typemcp help` exits 0; `typemcp` alone prints the help as an error: a usage error.
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      return 2;
    }
    if (error instanceof CliError) {
      fail(error.message);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    fail(message.split('\n')[0] ?? message);
    return 1;
  }
}

function readVersion(): string {
  return (require('../package.json') as { version: string }).version;
}
