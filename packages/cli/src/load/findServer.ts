import { CliError, UsageError } from '../errors/CliError';
import type { ServerModule } from './serverPackage';
import type { ServerTarget } from './parseTarget';

/** A servable export: an `@McpServer` class or a `createServer()` result. */
export interface ServerCandidate {
  /** The export's name (`default` for a default export). */
  name: string;
  kind: 'class' | 'app';
  value: unknown;
}

/** Every `@McpServer` class and `McpApp` among a module's exports. */
export function listCandidates(
  exports: Record<string, unknown>,
  server: ServerModule,
): ServerCandidate[] {
  const found: ServerCandidate[] = [];
  const seen = new Set<unknown>();
  for (const [name, value] of Object.entries(exports)) {
    if (seen.has(value)) continue;
    if (value instanceof server.McpApp) found.push({ name, kind: 'app', value });
    else if (typeof value === 'function' && server.describeClass(value).server)
      found.push({ name, kind: 'class', value });
    else continue;
    seen.add(value);
  }
  return found;
}

/**
 * The one server a file offers, or the named one. None, two without a name, or a name that is
 * not a server: an error saying what to do.
 */
export function findServer(
  exports: Record<string, unknown>,
  server: ServerModule,
  target: ServerTarget,
): ServerCandidate {
  const candidates = listCandidates(exports, server);
  const names = candidates.map((c) => c.name).join(', ');
  if (target.exportName !== undefined) {
    const named = candidates.find((c) => c.name === target.exportName);
    if (named) return named;
    if (!(target.exportName in exports)) {
      throw new UsageError(
        `${target.file} has no export named ${target.exportName}${names ? `: servers exported are ${names}` : ''}`,
      );
    }
    throw new UsageError(
      `${target.file}: ${target.exportName} is neither an @McpServer class nor a createServer() result: decorate it with @McpServer()`,
    );
  }
  const [first, second] = candidates;
  if (!first) {
    throw new CliError(
      `${target.file} exports no @McpServer class or createServer() result: export one (export class Demo ...)`,
    );
  }
  if (second) {
    throw new UsageError(
      `${target.file} exports ${candidates.length} servers (${names}): pick one with ${target.file}:${first.name}`,
    );
  }
  return first;
}
