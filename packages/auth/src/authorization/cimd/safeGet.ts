import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { request } from 'node:https';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';

/** Limits of {@link safeGet}. */
export interface SafeGetLimits {
  timeoutMs: number;
  maxBytes: number;
  /** Which resolved addresses may be contacted. */
  allowAddress: (address: string) => boolean;
}

/** A refused or failed fetch, with a message fit for an `error_description`. */
export class SafeGetError extends Error {
  override readonly name = 'SafeGetError';
}

/**
 * GETs an https URL as JSON with SSRF protection: the host's addresses are checked after DNS
 * resolution and the connection goes to the checked address (no rebinding window), redirects are
 * not followed, and the time and size are limited.
 */
export function safeGet(url: URL, limits: SafeGetLimits): Promise<string> {
  if (url.protocol !== 'https:') return Promise.reject(new SafeGetError('the URL must use https'));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !limits.allowAddress(host))
    return Promise.reject(new SafeGetError(`${host} is not a public address`));
  const lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !limits.allowAddress(a.address));
      if (refused || addresses.length === 0)
        return callback(
          new SafeGetError(
            `${hostname} resolves to ${refused?.address ?? 'nothing'}, not a public address`,
          ),
          '',
          0,
        );
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'GET', lookup, headers: { accept: 'application/json' }, timeout: limits.timeoutMs },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new SafeGetError(`the document answered HTTP ${res.statusCode}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            req.destroy(new SafeGetError(`the document is larger than ${limits.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    // `timeout` is the socket's idle time; this bounds the whole exchange
    const deadline = setTimeout(
      () => req.destroy(new SafeGetError(`the document took longer than ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () =>
      req.destroy(new SafeGetError(`the document took longer than ${limits.timeoutMs} ms`)),
    );
    req.on('error', (error) =>
      reject(
        error instanceof SafeGetError
          ? error
          : new SafeGetError(`the document could not be fetched (${error.message})`),
      ),
    );
    req.end();
  });
}
