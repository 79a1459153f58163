import type { ServerModule } from '../load/serverPackage';
import type { JsonSchema, RuntimeEntry } from './compare';

/** What the server builds at run time for each decorated method of the exported classes. */
export interface RuntimeView {
  /** `Class.method` → its tool or prompt. */
  entries: Map<string, RuntimeEntry>;
  /** Names of the exported classes that were read. */
  classes: Set<string>;
}

/**
 * Builds each exported class with decorated methods exactly as `run()` would (createServer),
 * without starting it, and reads its tools and prompts back. A definition error (a missing type
 * thunk...) is thrown as is: its message names the method and the fix.
 */
export function runtimeEntries(
  exports: Record<string, unknown>,
  server: ServerModule,
): RuntimeView {
  const entries = new Map<string, RuntimeEntry>();
  const classes = new Set<string>();
  for (const value of Object.values(exports)) {
    if (typeof value !== 'function') continue;
    const { members } = server.describeClass(value);
    if (members.length === 0) continue;
    classes.add(value.name);
    const app = server.createServer({ providers: [value as new () => object] });
    const tools = new Map(app.registry.listTools().map((t) => [t.name, t]));
    const prompts = new Map(app.registry.listPrompts().map((p) => [p.name, p]));
    for (const member of members) {
      const key = `${value.name}.${member.methodName}`;
      if (member.kind === 'tool') {
        const tool = tools.get(member.name);
        if (!tool) continue;
        const entry: RuntimeEntry = {
          kind: 'tool',
          name: tool.name,
          inputSchema: tool.inputSchema as unknown as JsonSchema,
        };
        if (tool.description !== undefined) entry.description = tool.description;
        if (tool.outputSchema !== undefined)
          entry.outputSchema = tool.outputSchema as unknown as JsonSchema;
        entries.set(key, entry);
      } else if (member.kind === 'prompt') {
        const prompt = prompts.get(member.name);
        if (!prompt) continue;
        const entry: RuntimeEntry = {
          kind: 'prompt',
          name: prompt.name,
          arguments: prompt.arguments ?? [],
        };
        if (prompt.description !== undefined) entry.description = prompt.description;
        entries.set(key, entry);
      }
    }
  }
  return { entries, classes };
}
