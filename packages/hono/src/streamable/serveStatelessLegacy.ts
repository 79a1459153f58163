import { ErrorCode, LEGACY_PROTOCOL_VERSIONS } from '@typemcp/protocol';
import type { JSONRPCMessage, JSONRPCRequest } from '@typemcp/protocol';
import type { HttpMessageExtra } from '../HttpMessageExtra';
import type { Server } from '@typemcp/server';
import { errorResponse } from '../httpErrors';
import { serveExchange } from './serveModernRequest';
import type { ModernExchangeOptions } from './serveModernRequest';
import { reply } from '../reply';
import { headerOf } from '../nodeRequest';

/**
 * Answers a 2025-era (legacy) POST without a session (`statelessLegacy`): `initialize` is
 * negotiated and answered on a throw-away connection, without `Mcp-Session-Id`; any other request
 * runs on a throw-away connection set up as if `initialize` had happened (the version from
 * `MCP-Protocol-Version`, 2025-03-26 when absent; no client capabilities, so nothing asks the
 * client back). Notifications and responses are accepted (202) and dropped: no session awaits them.
 *
 * @example
 * if (options.statelessLegacy && !modern) return serveStatelessLegacy(server, request, message, extra, exchange);
 */
export function serveStatelessLegacy(
  server: Server,
  request: Request,
  message: JSONRPCMessage,
  extra: HttpMessageExtra,
  options: ModernExchangeOptions,
): Response | Promise<Response> {
  if (!('method' in message) || !('id' in message)) {
    options.ondone();
    return reply(null, 202);
  }
  const version = headerOf(request, 'mcp-protocol-version') ?? '2025-03-26';
  if (!LEGACY_PROTOCOL_VERSIONS.includes(version)) {
    options.ondone();
    return errorResponse(
      400,
      ErrorCode.InvalidRequest,
      `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version)}`,
      message.id,
    );
  }
  const call = message as JSONRPCRequest;
  const exchange = { ...options, errorsIn200: true };
  if (call.method === 'initialize') return serveExchange(server, request, call, extra, exchange);
  return serveExchange(server, request, call, extra, exchange, (connection) => {
    connection.legacyVersion = version;
    connection.initialized = true;
  });
}
