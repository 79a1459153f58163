import { loadModule } from '../load/loadModule';
import { parseTarget } from '../load/parseTarget';
import { registerTypeScript } from '../load/registerTypeScript';
import { resolveServerPackage, serverPackageFor } from '../load/serverPackage';
import { compareMethod } from './compare';
import type { Finding } from './compare';
import { readSource } from './readSource';
import { runtimeEntries } from './runtimeEntries';

/** What `typemcp check` found in a file. */
export interface CheckReport {
  file: string;
  /** Decorated methods compared. */
  checked: number;
  findings: Finding[];
  /** Methods that could not be compared, and why. */
  skipped: string[];
}

/**
 * Compares every decorated method's signature in a server file (read with the TypeScript
 * compiler API) with the schema TypeMCP builds for it at run time.
 *
 * @example
 * const { findings } = await checkFile('src/server.ts');
 */
export async function checkFile(spec: string, cwd: string = process.cwd()): Promise<CheckReport> {
  const { file } = parseTarget(spec, cwd);
  if (/\.[cm]?ts$/.test(resolveServerPackage(file))) registerTypeScript();
  const exports = await loadModule(file);
  const view = runtimeEntries(exports, serverPackageFor(file));
  const report: CheckReport = { file, checked: 0, findings: [], skipped: [] };
  for (const method of readSource(file)) {
    if (method.decorator === 'Resource') continue;
    const entry = view.entries.get(`${method.className}.${method.methodName}`);
    if (!entry) {
      if (!view.classes.has(method.className))
        report.skipped.push(
          `${method.className}.${method.methodName}: export ${method.className} so check can build it`,
        );
      continue;
    }
    report.checked++;
    report.findings.push(...compareMethod(method, entry));
  }
  return report;
}
