import type { McpApp } from '@typemcp/server';
import type { ServerCandidate } from './findServer';
import type { ServerModule } from './serverPackage';

/** The name a server gives itself (`@McpServer({ name })`, else the class name). */
export function serverName(candidate: ServerCandidate, server: ServerModule): string {
  if (candidate.kind === 'app') return (candidate.value as McpApp).server.serverInfo.name;
  const cls = candidate.value as Function;
  return server.describeClass(cls).server?.name ?? cls.name;
}
