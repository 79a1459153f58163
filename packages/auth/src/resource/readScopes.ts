/** The scopes of a token's claims: `scope` (space-separated, RFC 8693/9068) or `scp` (a list or a string). */
export function readScopes(claims: Record<string, unknown>): string[] {
  const value = claims.scope ?? claims.scp;
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string');
  return [];
}
