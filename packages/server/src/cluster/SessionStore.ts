import type { ClientCapabilities, Implementation, LoggingLevel } from '@typemcp/protocol';

/**
 * What a legacy (2025-03-26 … 2025-11-25) session is, apart from its open streams: enough for
 * any node of a cluster to serve the session's next request.
 */
export interface SessionRecord {
  /** The `Mcp-Session-Id`. */
  id: string;
  /** The version `initialize` negotiated. */
  protocolVersion: string;
  /** Capabilities the client declared in `initialize`. */
  clientCapabilities: ClientCapabilities;
  /** The client's identity from `initialize`. */
  clientInfo?: Implementation;
  /** Minimum level of `notifications/message` (`logging/setLevel`). */
  logLevel: LoggingLevel;
  /** The authenticated subject that opened the session, if any: no one else may use it. */
  subject?: string;
  /** Resource URIs the client subscribed to. */
  subscriptions: string[];
}

/**
 * Where legacy sessions live when several nodes serve one endpoint. Each record expires `ttlMs`
 * after its last use; reading it for a request refreshes it.
 *
 * @example
 * const store: SessionStore = new InMemorySessionStore();
 * await store.save(record, 30 * 60_000);
 * const again = await store.touch(record.id, 30 * 60_000);
 */
export interface SessionStore {
  /** Stores (or replaces) a session's record. */
  save(record: SessionRecord, ttlMs: number): Promise<void>;
  /** The record, its lifetime renewed; `undefined` when unknown, ended or expired. */
  touch(id: string, ttlMs: number): Promise<SessionRecord | undefined>;
  /** Ends a session for every node. */
  delete(id: string): Promise<void>;
  /** Ids of the live sessions subscribed to `uri`. */
  subscribers(uri: string): Promise<string[]>;
  /** Ids of every live session (for list-change notifications), at most `limit`. */
  list(limit: number): Promise<string[]>;
}
