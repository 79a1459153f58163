/** Bus channel waking whoever tails a stored stream. */
export const wakeChannel = (streamId: string): string => `ev:${streamId}`;
/** Bus channel of one node (answers to the server-to-client requests it sent). */
export const nodeChannel = (nodeId: string): string => `node:${nodeId}`;
/** Bus channel every node hears: client notifications, ended sessions, server-wide notifications. */
export const CLUSTER_CHANNEL = 'cluster';
/** The stored stream of a session's messages that relate to no request (its GET stream). */
export const standaloneStreamOf = (sessionId: string): string => `${sessionId}.g`;
