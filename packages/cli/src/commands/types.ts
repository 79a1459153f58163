import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliEntry } from '../cliEntry';
import { CliError } from '../errors/CliError';
import { connect, isUrl } from '../inspect/connect';
import { listServer } from '../inspect/listServer';
import { info } from '../output/log';
import { generateClient } from '../types/generateClient';

/** Options of `typemcp types`. */
export interface TypesCommandOptions {
  output?: string;
  era?: string;
}

const SERVER_FILE = /\.(ts|cts|js|cjs|mjs)(:[A-Za-z_$][\w$]*)?$/;

/**
 * `typemcp types <file|command...|URL>`: asks a live server what it offers and writes a typed
 * client module (stdout, or `-o file`). A server file is started with `typemcp run`.
 */
export async function typesCommand(target: string[], options: TypesCommandOptions): Promise<void> {
  const file = target.length === 1 && !isUrl(target) && SERVER_FILE.test(target[0] ?? '') ? target[0] : undefined;
  const command = file ? [process.execPath, cliEntry(), 'run', file] : target;
  const connection = await connect(command, { era: options.era });
  let source: string;
  try {
    const listing = await listServer(connection.client, connection.transport);
    source = generateClient(listing, file ?? target.join(' '));
  } finally {
    await connection.close().catch(() => undefined);
  }
  if (options.output === undefined) {
    process.stdout.write(source);
    return;
  }
  const out = path.resolve(options.output);
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, source);
  } catch (error) {
    throw new CliError(`cannot write ${out} (${(error as Error).message}): pick another -o path`);
  }
  info(`wrote ${out}; use it as: const api = typed(client)`);
}
