import { LocalMcpError } from '@typemcp/protocol';

/**
 * The client could not obtain a token: discovery failed, no way to register, the user denied,
 * the authorization response was forged (state or `iss` mismatch), or the server kept refusing.
 * Client-local: never sent on the wire.
 *
 * @example
 * try { await client.connect(transport); } catch (e) { if (e instanceof OAuthFlowError) console.error(e.message); }
 */
export class OAuthFlowError extends LocalMcpError {
  override readonly name = 'OAuthFlowError';

  constructor(
    message: string,
    /** The OAuth error code, when the server sent one. */
    readonly oauthError?: string,
  ) {
    super(message);
  }
}
