import { cliEntry } from '../cliEntry';
import { isUrl } from './connect';

const SERVER_FILE = /\.(ts|cts|js|cjs|mjs)(:[A-Za-z_$][\w$]*)?$/;

/**
 * What to connect to for a target: a URL or a command as given, or, for one server file
 * (`src/server.ts[:Export]`), `typemcp run` of it with this Node.
 *
 * @returns the target to connect to, and the file when one was given.
 */
export function serverCommand(target: string[]): { command: string[]; file?: string } {
  const [first] = target;
  if (target.length === 1 && first !== undefined && !isUrl(target) && SERVER_FILE.test(first)) {
    return { command: [process.execPath, cliEntry(), 'run', first], file: first };
  }
  return { command: target };
}
