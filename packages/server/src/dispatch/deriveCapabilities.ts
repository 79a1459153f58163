import type { ServerCapabilities } from '@typemcp/protocol';

/**
 * Capabilities a server declares, derived from the methods it has handlers for, then merged
 * with what the author declared explicitly.
 */
export function deriveCapabilities(
  methods: ReadonlySet<string>,
  declared: ServerCapabilities = {},
): ServerCapabilities {
  const caps: ServerCapabilities = { logging: {} };
  if (methods.has('tools/list') || methods.has('tools/call')) caps.tools = { listChanged: true };
  if (
    methods.has('resources/list') ||
    methods.has('resources/read') ||
    methods.has('resources/templates/list')
  ) {
    caps.resources = methods.has('resources/subscribe')
      ? { subscribe: true, listChanged: true }
      : { listChanged: true };
  }
  if (methods.has('prompts/list') || methods.has('prompts/get'))
    caps.prompts = { listChanged: true };
  if (methods.has('completion/complete')) caps.completions = {};
  const merged = caps as Record<string, unknown>;
  for (const [key, value] of Object.entries(declared)) {
    const base = merged[key];
    merged[key] =
      base && typeof base === 'object' && value && typeof value === 'object'
        ? { ...base, ...value }
        : value;
  }
  return caps;
}
