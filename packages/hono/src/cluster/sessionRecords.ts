import type { ServerConnection, SessionRecord } from '@typemcp/server';

/**
 * The record of a legacy session, as its connection holds it now.
 *
 * @example
 * await store.save(recordOf(session.id, session.connection, subject), ttlMs);
 */
export function recordOf(
  id: string,
  connection: ServerConnection,
  subject: string | undefined,
): SessionRecord {
  const record: SessionRecord = {
    id,
    protocolVersion: connection.legacyVersion as string,
    clientCapabilities: connection.clientCapabilities,
    logLevel: connection.logLevel,
    subscriptions: [...connection.subscriptions],
  };
  if (connection.clientInfo) record.clientInfo = connection.clientInfo;
  if (subject !== undefined) record.subject = subject;
  return record;
}

/**
 * Sets a connection's legacy session state from its record (as another node last saved it).
 *
 * @example
 * hydrate(session.connection, await store.touch(id, ttlMs));
 */
export function hydrate(connection: ServerConnection, record: SessionRecord): void {
  connection.legacyVersion = record.protocolVersion;
  connection.initialized = true;
  connection.clientCapabilities = record.clientCapabilities ?? {};
  connection.clientInfo = record.clientInfo;
  connection.logLevel = record.logLevel;
  connection.subscriptions.clear();
  for (const uri of record.subscriptions ?? []) connection.subscriptions.add(uri);
}
