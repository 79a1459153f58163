import { findServer } from './findServer';
import type { ServerCandidate } from './findServer';
import { loadModule } from './loadModule';
import { parseTarget } from './parseTarget';
import type { ServerTarget } from './parseTarget';
import { registerTypeScript } from './registerTypeScript';
import { resolveServerPackage, serverPackageFor } from './serverPackage';
import type { ServerModule } from './serverPackage';

/** A server file loaded and its server found. */
export interface LoadedServer {
  target: ServerTarget;
  exports: Record<string, unknown>;
  server: ServerModule;
  candidate: ServerCandidate;
}

/** Loads `file[:Export]` and finds the server to serve (see {@link findServer}). */
export async function loadServer(spec: string, cwd: string = process.cwd()): Promise<LoadedServer> {
  const target = parseTarget(spec, cwd);
  // In a workspace that links TypeMCP's TypeScript sources, even a .js server needs the hook.
  if (/\.[cm]?ts$/.test(resolveServerPackage(target.file))) registerTypeScript();
  const exports = await loadModule(target.file);
  const server = serverPackageFor(target.file);
  return { target, exports, server, candidate: findServer(exports, server, target) };
}
