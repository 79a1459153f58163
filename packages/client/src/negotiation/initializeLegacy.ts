import { LATEST_LEGACY_PROTOCOL_VERSION, LEGACY_PROTOCOL_VERSIONS } from '@typemcp/protocol';
import type {
  ClientCapabilities,
  Implementation,
  InitializeResult,
  Session,
} from '@typemcp/protocol';
import { ProtocolNegotiationError } from '../errors/ProtocolNegotiationError';

/** Options of {@link initializeLegacy}. */
export interface InitializeOptions {
  /** Capabilities declared for the whole session. */
  capabilities: ClientCapabilities;
  /** The client's identity. */
  clientInfo: Implementation;
  /** The version to ask for (default 2025-11-25, the latest legacy one). */
  protocolVersion?: string;
  /** Timeout of the `initialize` request (ms; default the session's). */
  timeoutMs?: number;
}

/**
 * The legacy handshake: `initialize`, check the version the server chose (one this client
 * speaks, else {@link ProtocolNegotiationError}), then `notifications/initialized`.
 *
 * @example
 * const init = await initializeLegacy(session, { capabilities: {}, clientInfo: { name: 'app', version: '1' } });
 * init.protocolVersion; // '2025-11-25'
 */
export async function initializeLegacy(
  session: Session,
  options: InitializeOptions,
): Promise<InitializeResult> {
  const result = await session.request<InitializeResult>(
    'initialize',
    {
      protocolVersion: options.protocolVersion ?? LATEST_LEGACY_PROTOCOL_VERSION,
      capabilities: options.capabilities,
      clientInfo: options.clientInfo,
    },
    options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  );
  if (
    typeof result.protocolVersion !== 'string' ||
    !LEGACY_PROTOCOL_VERSIONS.includes(result.protocolVersion)
  ) {
    throw new ProtocolNegotiationError(
      `The server answered initialize with protocol ${JSON.stringify(result.protocolVersion)}, which this client does not support ` +
        `(it speaks ${LEGACY_PROTOCOL_VERSIONS.join(', ')} with initialize)`,
    );
  }
  if (typeof result.capabilities !== 'object' || result.capabilities === null) {
    throw new ProtocolNegotiationError('The server answered initialize without capabilities');
  }
  await session.notify('notifications/initialized');
  return result;
}
