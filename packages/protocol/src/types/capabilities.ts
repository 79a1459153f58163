/**
 * Client and server capabilities, as the union of both eras. Legacy sessions exchange them once
 * (`initialize`); 2026-07-28 clients send theirs on every request and servers answer
 * `server/discover` with theirs. Fields of one era only say so.
 */
import type { JSONObject } from './base';

/** What a client supports. Open-ended: clients may add their own keys under `experimental`. */
export interface ClientCapabilities {
  /** Non-standard capabilities, keyed by name. */
  experimental?: { [key: string]: JSONObject };
  /**
   * The client answers `roots/list`. Deprecated in 2026-07-28, where the value is `{}`
   * (`listChanged` is legacy only: `notifications/roots/list_changed` was removed).
   */
  roots?: {
    /** The client sends `notifications/roots/list_changed` (legacy). */
    listChanged?: boolean;
  };
  /** The client answers `sampling/createMessage`. Deprecated in 2026-07-28. */
  sampling?: {
    /** `includeContext` values other than `none` are honoured (2025-11-25+, deprecated). */
    context?: JSONObject;
    /** `tools` and `toolChoice` are supported (2025-11-25+). */
    tools?: JSONObject;
  };
  /**
   * The client answers `elicitation/create` (2025-06-18+). An empty object means form mode only.
   */
  elicitation?: {
    /** Form mode (2025-11-25+). */
    form?: JSONObject;
    /** URL mode (2025-11-25+). */
    url?: JSONObject;
  };
  /** Task-augmented requests the client serves (2025-11-25 experimental; legacy only). */
  tasks?: {
    /** The client answers `tasks/list`. */
    list?: JSONObject;
    /** The client answers `tasks/cancel`. */
    cancel?: JSONObject;
    /** Which server requests may be task-augmented. */
    requests?: {
      sampling?: { createMessage?: JSONObject };
      elicitation?: { create?: JSONObject };
    };
  };
  /**
   * Extensions the client supports, keyed by prefixed identifier (e.g.
   * `io.modelcontextprotocol/tasks`); `{}` means support without settings (2026-07-28 only).
   */
  extensions?: { [key: string]: JSONObject };
}

/** What a server supports. Open-ended: servers may add their own keys under `experimental`. */
export interface ServerCapabilities {
  /** Non-standard capabilities, keyed by name. */
  experimental?: { [key: string]: JSONObject };
  /** The server sends `notifications/message`. Deprecated in 2026-07-28. */
  logging?: JSONObject;
  /** The server answers `completion/complete` (2025-03-26+). */
  completions?: JSONObject;
  /** The server offers prompts. */
  prompts?: {
    /** The server sends `notifications/prompts/list_changed`. */
    listChanged?: boolean;
  };
  /** The server offers resources. */
  resources?: {
    /**
     * Per-resource update notifications: `resources/subscribe` (legacy) or
     * `resourceSubscriptions` on `subscriptions/listen` (2026-07-28).
     */
    subscribe?: boolean;
    /** The server sends `notifications/resources/list_changed`. */
    listChanged?: boolean;
  };
  /** The server offers tools. */
  tools?: {
    /** The server sends `notifications/tools/list_changed`. */
    listChanged?: boolean;
  };
  /** Task-augmented requests the server serves (2025-11-25 experimental; legacy only). */
  tasks?: {
    /** The server answers `tasks/list`. */
    list?: JSONObject;
    /** The server answers `tasks/cancel`. */
    cancel?: JSONObject;
    /** Which client requests may be task-augmented. */
    requests?: {
      tools?: { call?: JSONObject };
    };
  };
  /**
   * Extensions the server supports, keyed by prefixed identifier (e.g.
   * `io.modelcontextprotocol/tasks`); `{}` means support without settings (2026-07-28 only).
   */
  extensions?: { [key: string]: JSONObject };
}
