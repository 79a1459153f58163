import { LocalMcpError } from '@typemcp/protocol';

/**
 * The stdio server process could not be started (command not found, not executable, bad
 * working directory). Raised by `StdioClientTransport.start()`, hence by `client.connect()`.
 *
 * @example
 * try {
 *   await client.connect(new StdioClientTransport({ command: 'no-such-server' }));
 * } catch (error) {
 *   if (error instanceof ServerSpawnError) console.error(error.message, error.code); // ENOENT
 * }
 */
export class ServerSpawnError extends LocalMcpError {
  override readonly name = 'ServerSpawnError';
  constructor(
    /** The command that failed to start. */
    readonly command: string,
    /** The system error code (`ENOENT`, `EACCES`...), when there is one. */
    readonly code: string | undefined,
    cause: Error,
  ) {
    super(
      code === 'ENOENT'
        ? `Could not start the MCP server: command not found: ${command} (check the command and PATH)`
        : `Could not start the MCP server ${command}: ${cause.message}`,
      { cause },
    );
  }
}
