/**
 * How {@link StdioClientTransport} starts the server process.
 *
 * @example
 * const params: StdioServerParameters = {
 *   command: 'node',
 *   args: ['dist/server.js'],
 *   env: { API_KEY: process.env.API_KEY ?? '' },
 *   stderr: 'pipe',
 * };
 */
export interface StdioServerParameters {
  /** The executable (run without a shell: no globbing, no quoting surprises). */
  command: string;
  /** Its arguments. */
  args?: string[];
  /**
   * Variables added to the safe default environment ({@link getDefaultEnvironment}: on POSIX
   * HOME, LOGNAME, PATH, SHELL, TERM, USER). The rest of the parent's environment, secrets
   * included, is not passed on.
   */
  env?: Record<string, string>;
  /** Working directory of the server. */
  cwd?: string;
  /**
   * The server's stderr: `inherit` (default) shows it in this process's stderr; `pipe` exposes it
   * as `transport.stderr` and quotes its last lines when the process exits unexpectedly;
   * `ignore` discards it.
   */
  stderr?: 'inherit' | 'pipe' | 'ignore';
  /** How long close() waits after ending stdin before SIGTERM, and after SIGTERM before SIGKILL (ms, default 2000). */
  closeGraceMs?: number;
}
