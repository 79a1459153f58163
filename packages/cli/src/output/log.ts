import { err } from './style';

/** Prints an informative line on stderr (stdout stays for results and the stdio protocol). */
export function info(message: string): void {
  process.stderr.write(`${err.dim('typemcp')} ${message}\n`);
}

/** Prints a warning line on stderr. */
export function warn(message: string): void {
  process.stderr.write(`${err.yellow('typemcp warning')} ${message}\n`);
}

/** Prints an error line on stderr. */
export function fail(message: string): void {
  process.stderr.write(`${err.red('typemcp error')} ${message}\n`);
}

/** Writes a value as JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
