/**
 * A failure the command reports on one line and exits with 1: the message says what went wrong
 * and how to fix it. Never a stack trace.
 *
 * @example
 * throw new CliError('no such file server.ts: check the path');
 */
export class CliError extends Error {
  /** The process exit code: 1 for a failure, 2 for a usage error. */
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/**
 * Wrong use of the command (a bad flag value, a missing argument): exit code 2.
 *
 * @example
 * throw new UsageError('--port must be a number from 0 to 65535');
 */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}
