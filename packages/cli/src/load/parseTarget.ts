import * as path from 'node:path';

/** A server file and, optionally, the export to serve (`server.ts:Demo`). */
export interface ServerTarget {
  /** Absolute path of the file. */
  file: string;
  /** The export's name, when given. */
  exportName?: string;
}

/**
 * Splits `file[:Export]`. Only a last `:` followed by an identifier names an export, so Windows
 * paths (`C:\srv\server.ts`) stay whole.
 *
 * @example
 * parseTarget('src/server.ts:Demo', '/work'); // { file: '/work/src/server.ts', exportName: 'Demo' }
 */
export function parseTarget(spec: string, cwd: string = process.cwd()): ServerTarget {
  const match = /^(.+):([A-Za-z_$][\w$]*)$/.exec(spec);
  if (match && match[1] && match[2] && match[1].length > 1) {
    return { file: path.resolve(cwd, match[1]), exportName: match[2] };
  }
  return { file: path.resolve(cwd, spec) };
}
