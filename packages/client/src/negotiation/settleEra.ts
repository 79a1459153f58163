import type {
  ClientCapabilities,
  DiscoverResult,
  Implementation,
  ProtocolEra,
  ServerCapabilities,
  Session,
} from '@typemcp/protocol';
import type { ClientMode } from '../ClientOptions';
import { ProtocolNegotiationError } from '../errors/ProtocolNegotiationError';
import { initializeLegacy } from './initializeLegacy';
import { MODERN_META_KEYS } from './modernMeta';
import { probeServerEra } from './probeServerEra';

/** What connecting agreed with the server, in either era. */
export interface SettledEra {
  era: ProtocolEra;
  protocolVersion: string;
  /** The `server/discover` answer (modern era). */
  discover?: DiscoverResult;
  capabilities: ServerCapabilities;
  serverInfo?: Implementation;
  instructions?: string;
}

/** Who the client is, as both the probe and the handshake send it. */
export interface ClientIdentity {
  capabilities: ClientCapabilities;
  clientInfo: Implementation;
}

/** What {@link settleEra} needs beyond the client's identity. */
export interface SettleEraOptions extends ClientIdentity {
  mode: ClientMode;
  probeTimeoutMs: number;
  startupTimeoutMs: number;
  /** The transport's `peerReady()`, when it has one (stdio). */
  peerReady?: Promise<void>;
}

/**
 * Settles the era as the spec orders it: probe `server/discover` (unless `mode` is `legacy`),
 * fall back to the `initialize` handshake (unless `mode` is `modern`, which then fails).
 *
 * @example
 * const settled = await settleEra(session, { mode: 'auto', capabilities: {}, clientInfo, probeTimeoutMs: 3000, startupTimeoutMs: 20_000 });
 */
export async function settleEra(session: Session, options: SettleEraOptions): Promise<SettledEra> {
  if (options.mode !== 'legacy') {
    const outcome = await probeServerEra(session, {
      capabilities: options.capabilities,
      clientInfo: options.clientInfo,
      timeoutMs: options.probeTimeoutMs,
      peerReady: options.peerReady,
      startupTimeoutMs: options.startupTimeoutMs,
    });
    if (outcome.era === 'modern') {
      const discover = outcome.discover;
      return {
        era: 'modern',
        protocolVersion: outcome.protocolVersion,
        discover,
        capabilities: discover.capabilities,
        instructions: discover.instructions,
        serverInfo: discover._meta?.[MODERN_META_KEYS.serverInfo] as Implementation | undefined,
      };
    }
    if (options.mode === 'modern')
      throw new ProtocolNegotiationError(
        `The server does not speak the 2026-07-28 protocol: ${outcome.reason}`,
      );
  }
  return legacyHandshake(session, options);
}

/**
 * The legacy `initialize` handshake as a {@link SettledEra} (also used again when an HTTP server
 * ended the session).
 */
export async function legacyHandshake(
  session: Session,
  identity: ClientIdentity,
): Promise<SettledEra> {
  const result = await initializeLegacy(session, identity);
  return {
    era: 'legacy',
    protocolVersion: result.protocolVersion,
    capabilities: result.capabilities,
    serverInfo: result.serverInfo,
    instructions: result.instructions,
  };
}
