import { UsageError } from '../errors/CliError';

/**
 * Turns `--arg k=v` flags into arguments. A value whose schema says `string` stays text; any
 * other is read as JSON when it parses (`n=2`, `on=true`, `xs=[1,2]`), else kept as text.
 */
export function parseArgs(
  pairs: string[],
  schema?: { properties?: Record<string, unknown> },
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--arg ${pair}: write name=value`);
    const name = pair.slice(0, at);
    const raw = pair.slice(at + 1);
    const type = (schema?.properties?.[name] as { type?: unknown } | undefined)?.type;
    if (schema === undefined || type === 'string') {
      args[name] = raw;
      continue;
    }
    try {
      args[name] = JSON.parse(raw);
    } catch {
      args[name] = raw;
    }
  }
  return args;
}
