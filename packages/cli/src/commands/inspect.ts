import { CliError, UsageError } from '../errors/CliError';
import { connect } from '../inspect/connect';
import { serverCommand } from '../inspect/serverCommand';
import { listServer } from '../inspect/listServer';
import { parseArgs } from '../inspect/parseArgs';
import { renderCall, renderListing, renderPrompt, renderRead } from '../inspect/render';
import { readEnv } from '../install/readEnv';
import { printJson } from '../output/log';

/** Options of `typemcp inspect`. */
export interface InspectCommandOptions {
  call?: string;
  arg: string[];
  read?: string;
  prompt?: string;
  json?: boolean;
  era?: string;
  env: string[];
  verbose?: boolean;
  timeout?: string;
}

/**
 * `typemcp inspect <command...|URL>`: lists what any MCP server offers, or calls a tool, reads a
 * resource or gets a prompt. Tables on a terminal, JSON otherwise (or with --json).
 *
 * @returns the exit code: 1 when the tool reported an error.
 */
export async function inspectCommand(
  target: string[],
  options: InspectCommandOptions,
): Promise<number> {
  const actions = [options.call, options.read, options.prompt].filter((a) => a !== undefined);
  if (actions.length > 1) throw new UsageError('give one of --call, --read and --prompt');
  if (options.arg.length > 0 && options.call === undefined && options.prompt === undefined)
    throw new UsageError('--arg goes with --call or --prompt');
  const timeoutMs = options.timeout === undefined ? undefined : Number(options.timeout);
  if (timeoutMs !== undefined && !(timeoutMs > 0))
    throw new UsageError(`--timeout ${options.timeout}: give milliseconds above 0`);
  const json = options.json === true || process.stdout.isTTY !== true;
  const connection = await connect(serverCommand(target).command, {
    era: options.era,
    env: readEnv(options.env, undefined),
    verbose: options.verbose,
    timeoutMs,
  });
  try {
    const { client } = connection;
    if (options.call !== undefined) {
      const tools = await client.listAllTools();
      const tool = tools.find((t) => t.name === options.call);
      if (!tool)
        throw new CliError(
          `no tool named ${options.call}: the server has ${tools.map((t) => t.name).join(', ') || 'no tools'}`,
        );
      const result = await client.callTool({
        name: tool.name,
        arguments: parseArgs(
          options.arg,
          tool.inputSchema as unknown as { properties?: Record<string, unknown> },
        ),
      });
      process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : renderCall(result));
      return result.isError ? 1 : 0;
    }
    if (options.read !== undefined) {
      const result = await client.readResource({ uri: options.read });
      process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : renderRead(result));
      return 0;
    }
    if (options.prompt !== undefined) {
      const result = await client.getPrompt({
        name: options.prompt,
        arguments: parseArgs(options.arg) as Record<string, string>,
      });
      process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : renderPrompt(result));
      return 0;
    }
    const listing = await listServer(client, connection.transport);
    if (json) printJson(listing);
    else process.stdout.write(renderListing(listing));
    return 0;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new CliError(`the server refused: ${reason}`);
  } finally {
    await connection.close().catch(() => undefined);
  }
}
