import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from '../errors/CliError';

/** Reads a JSON object file; a missing or empty file is `{}`. */
export function readJsonObject(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return {};
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${file} is not valid JSON (${(error as Error).message}): fix it by hand (comments are not kept), or write another file with --config`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(
      `${file} does not hold a JSON object: fix it by hand, or write another file with --config`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * Writes JSON so that a reader never sees half a file: a copy of the old file goes to
 * `<file>.bak`, the new content to a temporary file in the same folder, flushed, then renamed
 * over the old one. A new file is created readable by its owner only (it may hold secrets in `env`).
 *
 * @returns the backup's path, when there was a file to back up.
 */
export function writeJsonAtomic(file: string, value: unknown): string | undefined {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let mode = 0o600;
  let backup: string | undefined;
  if (fs.existsSync(file)) {
    mode = fs.statSync(file).mode & 0o777;
    backup = `${file}.bak`;
    fs.copyFileSync(file, backup);
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(temporary, 'w', mode);
  try {
    fs.writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new CliError(`cannot write ${file}: ${(error as Error).message}`);
  }
  return backup;
}
