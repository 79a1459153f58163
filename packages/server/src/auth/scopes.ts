import { ErrorCode, McpError } from '@typemcp/protocol';
import type { AuthInfo } from '@typemcp/protocol';

/** The scopes of `required` that `auth` lacks (none when there is no authenticated caller). */
export function missingScopes(
  required: readonly string[] | undefined,
  auth: AuthInfo | undefined,
): string[] {
  if (!required?.length || !auth) return [];
  const granted = new Set(auth.scopes ?? []);
  return required.filter((scope) => !granted.has(scope));
}

/** Whether an authenticated caller (or an unauthenticated transport) may see and use an entry. */
export function mayUse(entry: { scopes?: string[] }, auth: AuthInfo | undefined): boolean {
  return missingScopes(entry.scopes, auth).length === 0;
}

/**
 * Refuses a request whose caller lacks scopes: -32600 naming them, with `data.requiredScopes`
 * (over HTTP the request is refused earlier, with 403 `insufficient_scope`).
 */
export function checkScopes(
  what: string,
  required: readonly string[] | undefined,
  auth: AuthInfo | undefined,
): void {
  const missing = missingScopes(required, auth);
  if (missing.length === 0) return;
  throw new McpError(
    ErrorCode.InvalidRequest,
    `Forbidden: ${what} needs the scope(s) ${missing.join(' ')}`,
    {
      requiredScopes: [...(required ?? [])],
    },
  );
}

/** Class scopes and member scopes together, without duplicates (undefined when none). */
export function mergeScopes(...lists: Array<readonly string[] | undefined>): string[] | undefined {
  const all = [...new Set(lists.flatMap((l) => l ?? []))];
  return all.length ? all : undefined;
}
