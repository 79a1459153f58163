import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from '../errors/CliError';
import { registerTypeScript } from './registerTypeScript';

const TS = new Set(['.ts', '.cts', '.tsx']);
const JS = new Set(['.js', '.cjs']);

// A real dynamic import (tsc turns `import()` into `require()` under CommonJS).
const importEsm = new Function('url', 'return import(url)') as (
  url: string,
) => Promise<Record<string, unknown>>;

/**
 * Loads a server module: `.ts`/`.cts` through {@link registerTypeScript}, `.js`/`.cjs` with
 * `require`, `.mjs` with `import()`. Errors name the file and the fix.
 */
export async function loadModule(file: string): Promise<Record<string, unknown>> {
  if (!fs.existsSync(file)) throw new CliError(`no such file ${file}: check the path`);
  const ext = path.extname(file);
  if (ext === '.mts')
    throw new CliError(
      `${file}: .mts files are not supported; rename it to .ts (CommonJS) or compile it to .mjs`,
    );
  if (ext === '.mjs') return importEsm(pathToFileURL(file).href);
  if (!TS.has(ext) && !JS.has(ext))
    throw new CliError(`${file}: expected a .ts, .js, .cjs or .mjs file`);
  if (TS.has(ext)) registerTypeScript();
  try {
    return require(file) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if ((error as Error).name === 'TSError') {
      const first = String((error as Error).message)
        .split('\n')
        .find((line) => /error TS\d+/.test(line));
      throw new CliError(
        `${file} does not compile (${first?.trim() ?? 'TypeScript error'}): fix the source`,
      );
    }
    if (code === 'ERR_REQUIRE_ESM') {
      throw new CliError(
        `${file} is an ES module: run its compiled .mjs, or set "type": "commonjs" for .ts files`,
      );
    }
    if (code === 'MODULE_NOT_FOUND') {
      const missing = /Cannot find module '([^']+)'/.exec(String((error as Error).message))?.[1];
      if (missing && !missing.startsWith('.') && !path.isAbsolute(missing)) {
        throw new CliError(
          `${file} needs ${missing}, which is not installed: npm install ${missing}`,
        );
      }
      throw new CliError(
        `${file}: ${String((error as Error).message).split('\n')[0]}: check the import path`,
      );
    }
    throw error;
  }
}
