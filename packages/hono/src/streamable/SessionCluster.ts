import type { JSONRPCMessage } from '@typemcp/protocol';

/**
 * What a session needs from the cluster its nodes share (the `ClusterLink` is one): this node's
 * id, and the shared store of standalone-stream messages.
 */
export interface SessionCluster {
  /** This node's id, prefixed to the ids of the events it writes. */
  readonly nodeId: string;
  /** Stores a message of the session's standalone stream for whichever node holds that stream. */
  toStandalone(sessionId: string, message: JSONRPCMessage): Promise<void>;
}
