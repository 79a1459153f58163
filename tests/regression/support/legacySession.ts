/** Opens a legacy (handshake-era) Streamable HTTP session over raw fetch, for the regression tests. */

/** What every request of a legacy session carries, its id included. */
export type SessionHeaders = Record<string, string>;

/**
 * Sends `initialize` and `notifications/initialized` to `${baseUrl}/mcp` and returns the headers
 * that address the new session (`Mcp-Session-Id`, `MCP-Protocol-Version`, both Accept types).
 */
export async function openLegacySession(
  baseUrl: string,
  protocolVersion = '2025-11-25',
): Promise<SessionHeaders> {
  const accept = 'application/json, text/event-stream';
  const init = await fetch(`${baseUrl}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion, capabilities: {}, clientInfo: { name: 't', version: '1' } },
    }),
  });
  await init.text();
  const headers: SessionHeaders = {
    'content-type': 'application/json',
    accept,
    'mcp-session-id': init.headers.get('mcp-session-id') as string,
    'mcp-protocol-version': protocolVersion,
  };
  const initialized = await fetch(`${baseUrl}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  });
  await initialized.text();
  return headers;
}
