import type { Client } from '@typemcp/client';
import type { Prompt, Resource, ResourceTemplate, Tool } from '@typemcp/protocol';

/** Everything a server offers, as `typemcp inspect` prints it. */
export interface ServerListing {
  server?: { name: string; version: string };
  protocolVersion?: string;
  era?: string;
  transport: string;
  instructions?: string;
  tools: Tool[];
  resources: Resource[];
  resourceTemplates: ResourceTemplate[];
  prompts: Prompt[];
}

async function all<T, R extends { nextCursor?: string }>(
  page: (cursor?: string) => Promise<R>,
  items: (r: R) => T[],
): Promise<T[]> {
  const result: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const answer = await page(cursor);
    result.push(...items(answer));
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return result;
}

/** Lists tools, resources, templates and prompts (each only when the server declares it). */
export async function listServer(client: Client, transport: string): Promise<ServerListing> {
  const caps = client.getServerCapabilities() ?? {};
  const info = client.getServerVersion();
  const listing: ServerListing = {
    transport,
    tools: caps.tools ? await client.listAllTools() : [],
    resources: caps.resources
      ? await all(
          (cursor) => client.listResources(cursor ? { cursor } : {}),
          (r) => r.resources,
        )
      : [],
    resourceTemplates: caps.resources
      ? await all(
          (cursor) => client.listResourceTemplates(cursor ? { cursor } : {}),
          (r) => r.resourceTemplates,
        )
      : [],
    prompts: caps.prompts
      ? await all(
          (cursor) => client.listPrompts(cursor ? { cursor } : {}),
          (r) => r.prompts,
        )
      : [],
  };
  if (info) listing.server = { name: info.name, version: info.version };
  if (client.protocolVersion) listing.protocolVersion = client.protocolVersion;
  if (client.era) listing.era = client.era;
  const instructions = client.getInstructions();
  if (instructions) listing.instructions = instructions;
  return listing;
}
