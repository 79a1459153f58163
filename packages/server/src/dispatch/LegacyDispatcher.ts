import {
  ErrorCode,
  isVersionAtLeast,
  LEGACY_PROTOCOL_VERSIONS,
  McpError,
  META_CLIENT_CAPABILITIES,
  META_PROTOCOL_VERSION,
  MODERN_ONLY_METHODS,
  negotiateLegacyVersion,
} from '@typemcp/protocol';
import type { Implementation, IncomingRequestContext, JSONRPCRequest } from '@typemcp/protocol';
import { createRequestContext } from './createRequestContext';
import type { Dispatcher, DispatchHost } from './Dispatcher';
import { LOG_LEVEL_ORDER } from './RequestContext';
import type { ServerConnection } from './ServerConnection';

/**
 * Serves the legacy era (protocol 2025-11-25 and earlier): the `initialize` handshake, then the
 * requests of the session it opened; a request before it is refused (`ping` aside).
 */
export class LegacyDispatcher implements Dispatcher {
  constructor(private readonly host: DispatchHost) {}

  async serve(
    connection: ServerConnection,
    request: JSONRPCRequest,
    incoming: IncomingRequestContext,
    meta: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const params = (request.params ?? {}) as Record<string, unknown>;
    if (request.method === 'initialize') return this.initialize(connection, params);
    if (connection.legacyVersion)
      return await this.serveSession(connection, request, incoming, meta); // await: fewer ticks
    if (request.method === 'ping') return {};
    throw new McpError(
      ErrorCode.InvalidParams,
      `Cannot serve ${request.method}: send "initialize" first (protocol 2025-11-25 and earlier), or carry ` +
        `_meta["${META_PROTOCOL_VERSION}"] and _meta["${META_CLIENT_CAPABILITIES}"] (2026-07-28)`,
    );
  }

  private initialize(
    connection: ServerConnection,
    params: Record<string, unknown>,
  ): Record<string, unknown> {
    const host = this.host;
    if (connection.legacyVersion) {
      throw new McpError(ErrorCode.InvalidRequest, 'This session is already initialized');
    }
    const legacy = host.supportedVersions.filter((v) => LEGACY_PROTOCOL_VERSIONS.includes(v));
    if (legacy.length === 0) {
      throw new McpError(
        ErrorCode.InvalidRequest,
        `This server does not support the initialize handshake; it serves protocol ${host.supportedVersions.join(', ')}`,
        { supported: host.supportedVersions },
      );
    }
    if (typeof params.protocolVersion !== 'string') {
      throw new McpError(ErrorCode.InvalidParams, 'initialize: "protocolVersion" must be a string');
    }
    const version = negotiateLegacyVersion(params.protocolVersion, legacy);
    connection.legacyVersion = version;
    if (typeof params.capabilities === 'object' && params.capabilities !== null) {
      connection.clientCapabilities = params.capabilities as typeof connection.clientCapabilities;
    }
    if (typeof params.clientInfo === 'object' && params.clientInfo !== null) {
      connection.clientInfo = params.clientInfo as Implementation;
    }
    const sessionCapabilities = host.sessionCapabilities;
    const result: Record<string, unknown> = {
      protocolVersion: version,
      capabilities:
        sessionCapabilities && isVersionAtLeast(version, '2025-11-25')
          ? { ...host.capabilities, ...sessionCapabilities }
          : host.capabilities,
      serverInfo: host.serverInfo,
    };
    if (host.options.instructions !== undefined) result.instructions = host.options.instructions;
    return result;
  }

  private async serveSession(
    connection: ServerConnection,
    request: JSONRPCRequest,
    incoming: IncomingRequestContext,
    meta: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const method = request.method;
    const params = (request.params ?? {}) as Record<string, unknown>;
    if (method === 'ping') return {};
    if (method === 'logging/setLevel') {
      const level = params.level;
      if (typeof level !== 'string' || !Object.hasOwn(LOG_LEVEL_ORDER, level)) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `logging/setLevel: unknown level ${JSON.stringify(level)}`,
        );
      }
      connection.logLevel = level as keyof typeof LOG_LEVEL_ORDER;
      await connection.stateChanged?.();
      return {};
    }
    if (MODERN_ONLY_METHODS.has(method)) {
      throw new McpError(
        ErrorCode.MethodNotFound,
        `Method not found: ${method} (not part of protocol ${connection.legacyVersion})`,
      );
    }
    const context = createRequestContext(connection, incoming, {
      era: 'legacy',
      protocolVersion: connection.legacyVersion as string,
      clientCapabilities: connection.clientCapabilities,
      clientInfo: connection.clientInfo,
      meta,
      logLevel: connection.logLevel,
    });
    return (await this.host.invoke(method, params, context)) as Record<string, unknown>;
  }
}
