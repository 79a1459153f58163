import { registerTypeScript } from './registerTypeScript';

/**
 * In TypeMCP's own workspace (and any that links its TypeScript sources) `@typemcp/*` resolve to
 * `.ts` entries; the command then compiles them on the fly. Published packages resolve to `.js`
 * and nothing is registered.
 */
export function prepareWorkspaceSources(): void {
  for (const name of ['@typemcp/client', '@typemcp/server']) {
    try {
      if (/\.[cm]?ts$/.test(require.resolve(name))) {
        registerTypeScript();
        return;
      }
    } catch {
      // Not installed: the command that needs it says so.
    }
  }
}
