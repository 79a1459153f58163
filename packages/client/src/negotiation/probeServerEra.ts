import {
  ErrorCode,
  LATEST_PROTOCOL_VERSION,
  LEGACY_PROTOCOL_VERSIONS,
  McpError,
  MODERN_PROTOCOL_VERSIONS,
  RequestTimeoutError,
} from '@typemcp/protocol';
import type { DiscoverResult, Session } from '@typemcp/protocol';
import { ProtocolNegotiationError } from '../errors/ProtocolNegotiationError';
import { buildModernMeta } from './modernMeta';
import type { ModernMetaInput } from './modernMeta';

/** What the `server/discover` probe found out. */
export type ProbeOutcome =
  | { era: 'modern'; protocolVersion: string; discover: DiscoverResult }
  | { era: 'legacy'; reason: string };

/** Options of {@link probeServerEra}. */
export interface ProbeOptions extends Omit<ModernMetaInput, 'protocolVersion' | 'logLevel'> {
  /** How long to wait for the probe's answer before taking the server as legacy (ms). */
  timeoutMs: number;
  /**
   * Resolves when the peer showed life (the transport's `peerReady()`); the timeout counts from
   * then, and at most {@link ProbeOptions.startupTimeoutMs} is spent waiting for it.
   */
  peerReady?: Promise<void>;
  /** The longest wait for {@link ProbeOptions.peerReady} before the timeout starts anyway (ms). */
  startupTimeoutMs?: number;
  /** The modern version to ask for first (default the latest). */
  preferredVersion?: string;
}

const firstModern = (versions: readonly unknown[]) =>
  versions.find((v): v is string => typeof v === 'string' && MODERN_PROTOCOL_VERSIONS.includes(v));
const anyLegacy = (versions: readonly unknown[]) =>
  versions.some((v) => typeof v === 'string' && LEGACY_PROTOCOL_VERSIONS.includes(v));

/**
 * The stdio backward-compatibility probe (2026-07-28, transports/stdio): send `server/discover`
 * with our preferred modern version in `_meta`. A `DiscoverResult` means modern; a recognised
 * modern error (-32022 with `data.supported`) means modern with a listed version (we retry with it,
 * at most twice per version) and never falls back; any other error, or silence until `timeoutMs`,
 * means legacy.
 * A dual-era server configured legacy-only answers -32022 listing only legacy versions: legacy.
 *
 * @example
 * const outcome = await probeServerEra(session, { capabilities: {}, clientInfo, timeoutMs: 3000 });
 * if (outcome.era === 'legacy') await initializeLegacy(session, { capabilities: {}, clientInfo });
 */
export async function probeServerEra(
  session: Session,
  options: ProbeOptions,
): Promise<ProbeOutcome> {
  let version = options.preferredVersion ?? LATEST_PROTOCOL_VERSION;
  // Each version is tried at most twice: a server that rejects a version while listing it as
  // supported (a transient fault, or a version it only just enabled) gets one retry.
  const tried = new Map<string, number>();
  while ((tried.get(version) ?? 0) < 2) {
    tried.set(version, (tried.get(version) ?? 0) + 1);
    let result: DiscoverResult;
    const deadline = probeDeadline(options);
    try {
      result = await session.request<DiscoverResult>(
        'server/discover',
        { _meta: buildModernMeta({ ...options, protocolVersion: version }) },
        { timeoutMs: deadline.hardTimeoutMs, signal: deadline.signal },
      );
    } catch (error) {
      if (error instanceof RequestTimeoutError || deadline.expired()) {
        return {
          era: 'legacy',
          reason: `server/discover got no answer within ${options.timeoutMs} ms`,
        };
      }
      if (!(error instanceof McpError)) throw error; // the connection closed, a write failed...
      const supported = (error.data as { supported?: unknown } | undefined)?.supported;
      if (error.code !== ErrorCode.UnsupportedProtocolVersion || !Array.isArray(supported)) {
        return {
          era: 'legacy',
          reason: `server/discover failed with ${error.code}: ${error.message}`,
        };
      }
      const mutual = firstModern(supported);
      if (mutual !== undefined && (tried.get(mutual) ?? 0) < 2) {
        version = mutual;
        continue;
      }
      if (mutual === undefined && anyLegacy(supported)) {
        return {
          era: 'legacy',
          reason: `the server supports only legacy versions (${supported.join(', ')})`,
        };
      }
      throw new ProtocolNegotiationError(
        `The server supports protocol ${supported.join(', ')}; this client speaks ${[...MODERN_PROTOCOL_VERSIONS, ...LEGACY_PROTOCOL_VERSIONS].join(', ')}`,
      );
    } finally {
      deadline.clear();
    }
    const versions: unknown[] = Array.isArray(result.supportedVersions)
      ? result.supportedVersions
      : [];
    if (!Array.isArray(result.supportedVersions)) {
      return { era: 'legacy', reason: 'server/discover answered without supportedVersions' };
    }
    if (versions.includes(version))
      return { era: 'modern', protocolVersion: version, discover: result };
    const mutual = firstModern(versions);
    if (mutual !== undefined) return { era: 'modern', protocolVersion: mutual, discover: result };
    if (anyLegacy(versions)) {
      return {
        era: 'legacy',
        reason: `the server supports only legacy versions (${versions.join(', ')})`,
      };
    }
    throw new ProtocolNegotiationError(
      `The server supports none of our protocol versions (${versions.join(', ')})`,
    );
  }
  throw new ProtocolNegotiationError(
    `The server rejected protocol ${[...tried.keys()].join(' and ')}`,
  );
}

/**
 * The probe's deadline: `timeoutMs` after the peer showed life (or after `startupTimeoutMs` if it
 * never did); without `peerReady` the request's own timeout is the deadline.
 */
function probeDeadline(options: ProbeOptions): {
  hardTimeoutMs: number;
  signal?: AbortSignal;
  expired(): boolean;
  clear(): void;
} {
  if (!options.peerReady)
    return { hardTimeoutMs: options.timeoutMs, expired: () => false, clear: () => undefined };
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cleared = false;
  const arm = () => {
    if (cleared || timer) return;
    timer = setTimeout(() => controller.abort(), options.timeoutMs);
  };
  const startup = setTimeout(arm, options.startupTimeoutMs ?? 0);
  void options.peerReady.then(arm);
  return {
    hardTimeoutMs: options.timeoutMs + (options.startupTimeoutMs ?? 0),
    signal: controller.signal,
    expired: () => controller.signal.aborted,
    clear: () => {
      cleared = true;
      clearTimeout(startup);
      if (timer) clearTimeout(timer);
    },
  };
}
