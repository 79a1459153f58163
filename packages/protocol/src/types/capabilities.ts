import type { JSONObject } from './base';

/** What a client supports (union of both eras; era-specific fields say so). */
export interface ClientCapabilities {
  experimental?: { [key: string]: JSONObject };
  /** Roots (deprecated in 2026-07-28, where it is `{}`). */
  roots?: { listChanged?: boolean };
  /** Sampling (deprecated in 2026-07-28). */
  sampling?: { context?: JSONObject; tools?: JSONObject };
  /** Elicitation; `{}` means form mode only. */
  elicitation?: { form?: JSONObject; url?: JSONObject };
  /** 2025-11-25 experimental tasks. */
  tasks?: {
    list?: JSONObject;
    cancel?: JSONObject;
    requests?: { sampling?: { createMessage?: JSONObject }; elicitation?: { create?: JSONObject } };
  };
  /** 2026-07-28 extensions, keyed by identifier (e.g. `io.modelcontextprotocol/tasks`). */
  extensions?: { [key: string]: JSONObject };
}

/** What a server supports (union of both eras). */
export interface ServerCapabilities {
  experimental?: { [key: string]: JSONObject };
  /** Logging (deprecated in 2026-07-28). */
  logging?: JSONObject;
  completions?: JSONObject;
  prompts?: { listChanged?: boolean };
  resources?: { subscribe?: boolean; listChanged?: boolean };
  tools?: { listChanged?: boolean };
  /** 2025-11-25 experimental tasks. */
  tasks?: { list?: JSONObject; cancel?: JSONObject; requests?: { tools?: { call?: JSONObject } } };
  /** 2026-07-28 extensions. */
  extensions?: { [key: string]: JSONObject };
}
