import { isVersionAtLeast } from '@typemcp/protocol';
import type { Server } from '../dispatch/Server';
import type { EntryKind } from '../registry/Registry';

/** Tells clients the list of `kind` entries changed. */
export function announceListChanged(server: Server, kind: EntryKind): void {
  if (kind === 'tool') server.sendToolListChanged();
  else if (kind === 'prompt') server.sendPromptListChanged();
  else server.sendResourceListChanged();
}

/**
 * Tells the 2025-11-25 session that was sent this URL-mode elicitation that it is complete
 * (`notifications/elicitation/complete`); no other session hears of it.
 */
export function completeUrlElicitation(server: Server, elicitationId: string): void {
  for (const connection of server.connectionsList()) {
    if (
      connection.legacyVersion &&
      isVersionAtLeast(connection.legacyVersion, '2025-11-25') &&
      connection.urlElicitations.delete(elicitationId)
    ) {
      void connection
        .notify('notifications/elicitation/complete', { elicitationId })
        .catch(() => undefined);
    }
  }
}
