import type { McpServerOptions } from '../decorators/McpServer';
import { getMetadataStorage } from './MetadataStorage';

/** One decorated method of a class, as {@link describeClass} reports it. */
export interface MemberDescription {
  kind: 'tool' | 'resource' | 'prompt';
  /** The name on the wire (a resource's name; its URI is in `uri`). */
  name: string;
  /** The method's name in the class. */
  methodName: string;
  /** A resource's URI or URI template. */
  uri?: string;
}

/** What the decorators recorded about a class. */
export interface ClassDescription {
  /** The `@McpServer` options, when the class carries `@McpServer`. */
  server?: McpServerOptions;
  /** Its `@Tool`, `@Resource` and `@Prompt` methods, own ones first. */
  members: MemberDescription[];
}

/**
 * Reads what the decorators recorded about a value: tools (e.g. the `typemcp` command) use it to
 * find `@McpServer` classes among a module's exports and to map wire names back to methods.
 *
 * @example
 * const { server, members } = describeClass(Demo);
 * if (server) console.log(members.map((m) => `${m.kind} ${m.name} -> ${m.methodName}`));
 */
export function describeClass(target: unknown): ClassDescription {
  if (typeof target !== 'function') return { members: [] };
  const storage = getMetadataStorage();
  const members = storage.membersOf(target).map((m): MemberDescription => {
    const description: MemberDescription = { kind: m.kind, name: m.name, methodName: m.methodName };
    if (m.kind === 'resource') description.uri = m.uri;
    return description;
  });
  const server = storage.serverOf(target)?.options;
  return server ? { server, members } : { members };
}
