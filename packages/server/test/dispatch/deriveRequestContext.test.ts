/**
 * deriveRequestContext: every fact of the base context reads through (getters and fields added
 * later included), the changes replace what differs, and the base is left as it was.
 */
import type { RequestContext } from '../../src/dispatch/RequestContext';
import { deriveRequestContext } from '../../src/dispatch/deriveRequestContext';

class BaseContext {
  readonly requestId = 4;
  readonly era = 'legacy' as const;
  readonly protocolVersion = '2025-11-25';
  readonly clientCapabilities = { sampling: {} };
  readonly meta = { progressToken: 't' };
  readonly logLevel = 'info' as const;
  readonly auth = { subject: 'alice' };
  readonly connection = {} as RequestContext['connection'];
  /** A field the interface may grow: a derived context must carry it without being told. */
  readonly futureFact = 'kept';
  headerReads = 0;
  get headers(): Record<string, string> {
    this.headerReads++;
    return { 'x-trace': 'abc' };
  }
  get signal(): AbortSignal {
    return new AbortController().signal;
  }
  closeSseStream(): boolean {
    return true;
  }
  sendProgress = () => Promise.resolve();
  log = () => Promise.resolve();
  sendNotification = () => Promise.resolve();
  sendRequest = <T>() => Promise.resolve({} as T);
}

it('reads every fact through from the base and applies the changes', async () => {
  const base = new BaseContext();
  const signal = new AbortController().signal;
  const sent: string[] = [];
  const derived = deriveRequestContext(base as unknown as RequestContext, {
    signal,
    taskMode: true,
    closeSseStream: undefined,
    sendProgress: async () => void sent.push('progress'),
    log: async () => void sent.push('log'),
    sendNotification: async () => void sent.push('notification'),
    sendRequest: () => Promise.reject(new Error('no')),
  });
  expect(derived).toMatchObject({
    requestId: 4,
    era: 'legacy',
    protocolVersion: '2025-11-25',
    logLevel: 'info',
    auth: { subject: 'alice' },
    taskMode: true,
  });
  expect(derived.clientCapabilities).toBe(base.clientCapabilities);
  expect(derived.meta).toBe(base.meta);
  expect((derived as unknown as BaseContext).futureFact).toBe('kept');
  expect(base.headerReads).toBe(0);
  expect(derived.headers).toEqual({ 'x-trace': 'abc' }); // the base's getter, read only when asked
  expect(derived.signal).toBe(signal);
  expect(derived.closeSseStream).toBeUndefined();
  await derived.sendProgress(1);
  await derived.log('info', 'x');
  await derived.sendNotification('notifications/x');
  await expect(derived.sendRequest('x')).rejects.toThrow('no');
  expect(sent).toEqual(['progress', 'log', 'notification']);
  expect((base as unknown as { taskMode?: boolean }).taskMode).toBeUndefined(); // the base is untouched
  expect(base.closeSseStream()).toBe(true);
});
