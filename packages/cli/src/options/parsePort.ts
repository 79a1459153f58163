import { UsageError } from '../errors/CliError';

/** Reads `--port`: an integer from 0 (any free port) to 65535. */
export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new UsageError(`--port ${value}: give a number from 0 to 65535`);
  return port;
}
