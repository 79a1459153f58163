import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode, McpError } from '@typemcp/protocol';
import type { InputResponses } from '@typemcp/protocol';
import { InMemoryNonceStore } from '../cluster/InMemoryNonceStore';
import type { NonceStore } from '../cluster/NonceStore';

/** What a signed requestState carries between rounds of a multi round-trip request. */
export interface RequestStatePayload {
  /** The method and target (tool/prompt name or resource URI) it belongs to. */
  m: string;
  t: string;
  /** Hash of the arguments. */
  a: string;
  /** The authenticated subject, if any. */
  s?: string;
  /** Expiry, ms since the epoch. */
  e: number;
  /** Single-use nonce. */
  n: string;
  /** Every answer gathered in earlier rounds. */
  r: InputResponses;
}

/** Options of {@link RequestStateCodec}. */
export interface RequestStateOptions {
  /**
   * HMAC key; default: random per process. Every instance serving one endpoint must share it: a
   * state signed by an instance with another secret is refused ("the secret differs").
   */
  secret?: string | Buffer;
  /** How long a state stays valid (default 10 min). */
  ttlMs?: number;
  /**
   * Used states remembered until they expire, so none is accepted twice (default 100 000). At
   * the limit no new state is signed or accepted (-32603 naming this option) until some expire:
   * an unexpired nonce is never forgotten.
   */
  maxUsedStates?: number;
  /** Where used nonces are remembered (default: this process's memory; share one across nodes). */
  nonces?: NonceStore;
}

/** Stable hash of a JSON value (object keys sorted). */
export function hashArguments(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  let text: string;
  try {
    text = JSON.stringify(canonical(value ?? {}));
  } catch (error) {
    if (error instanceof RangeError)
      throw new McpError(
        ErrorCode.InvalidParams,
        'Invalid params: the arguments are nested too deeply',
      );
    throw error;
  }
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * Signs and verifies `requestState`: HMAC-SHA256 over the payload, bound to the method, target,
 * arguments and subject, with an expiry and a single-use nonce. A tampered, expired, replayed or
 * misapplied state is -32602. A state reads `<keyId>.<payload>.<mac>`: the key id (derived from
 * the secret, revealing nothing of it) tells a state signed with another secret from a tampered one.
 *
 * @example
 * const codec = new RequestStateCodec({ secret: process.env.MCP_STATE_SECRET });
 * const state = codec.sign({ m: 'tools/call', t: 'deploy', a: hashArguments(args), r: {} });
 */
export class RequestStateCodec {
  private key: Buffer;
  private keyId: string;
  /** True while the key is the random per-process default (no node shares it). */
  randomKey: boolean;
  private readonly ttlMs: number;
  /** Where used nonces are remembered; replace it to share replay protection between nodes. */
  nonces: NonceStore;

  constructor(options: RequestStateOptions = {}) {
    this.key = options.secret === undefined ? randomBytes(32) : Buffer.from(options.secret);
    this.keyId = keyIdOf(this.key);
    this.randomKey = options.secret === undefined;
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.nonces = options.nonces ?? new InMemoryNonceStore(options.maxUsedStates ?? 100_000);
  }

  /** Signs and verifies with `secret` from now on (every node of a cluster must use the same one). */
  useSecret(secret: string | Buffer): void {
    this.key = Buffer.from(secret);
    this.keyId = keyIdOf(this.key);
    this.randomKey = false;
  }

  /** Used nonces remembered now (in this process's default store; 0 for a shared store). */
  get usedCount(): number {
    return this.nonces instanceof InMemoryNonceStore ? this.nonces.size : 0;
  }

  /** Signs a new state (-32603 while the used-state memory is full). */
  sign(payload: Omit<RequestStatePayload, 'e' | 'n'>): string {
    this.nonces.checkRoom?.();
    const full: RequestStatePayload = {
      ...payload,
      e: Date.now() + this.ttlMs,
      n: randomBytes(12).toString('base64url'),
    };
    const body = `${this.keyId}.${Buffer.from(JSON.stringify(full)).toString('base64url')}`;
    return `${body}.${this.mac(body)}`;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  /** Verifies a state for this request and marks it used (in the {@link NonceStore}). */
  async verify(
    state: unknown,
    expected: { m: string; t: string; a: string; s?: string },
  ): Promise<RequestStatePayload> {
    const fail = (why: string) =>
      new McpError(ErrorCode.InvalidParams, `Invalid requestState: ${why}`);
    if (typeof state !== 'string' || state.length > 1_000_000)
      throw fail('not a state this server issued');
    const dot = state.lastIndexOf('.');
    const keyEnd = state.indexOf('.');
    if (dot <= 0 || keyEnd === dot) throw fail('not a state this server issued');
    if (state.slice(0, keyEnd) !== this.keyId) {
      throw fail(
        'it was signed with another secret (another server instance?): every instance serving this endpoint must share requestState.secret',
      );
    }
    const body = state.slice(0, dot);
    const given = Buffer.from(state.slice(dot + 1));
    const wanted = Buffer.from(this.mac(body));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
      throw fail('integrity check failed (tampered)');
    let payload: RequestStatePayload;
    try {
      payload = JSON.parse(
        Buffer.from(body.slice(keyEnd + 1), 'base64url').toString('utf8'),
      ) as RequestStatePayload;
    } catch {
      throw fail('malformed');
    }
    const now = Date.now();
    if (payload.e < now) throw fail('expired');
    if (payload.m !== expected.m || payload.t !== expected.t || payload.a !== expected.a) {
      throw fail('it belongs to another request (method, name or arguments differ)');
    }
    if (payload.s !== expected.s) throw fail('it belongs to another subject');
    if (!(await this.nonces.claim(String(payload.n), payload.e)))
      throw fail('already used (replayed)');
    return payload;
  }
}

/** The key id a state starts with: derived from the secret, revealing nothing of it. */
function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key)
    .update('typemcp requestState key id')
    .digest('base64url')
    .slice(0, 8);
}
