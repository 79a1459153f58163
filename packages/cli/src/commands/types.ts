import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from '../errors/CliError';
import { connect } from '../inspect/connect';
import { serverCommand } from '../inspect/serverCommand';
import { listServer } from '../inspect/listServer';
import { info } from '../output/log';
import { generateClient } from '../types/generateClient';

/** Options of `typemcp types`. */
export interface TypesCommandOptions {
  output?: string;
  era?: string;
}

/**
 * `typemcp types <file|command...|URL>`: asks a live server what it offers and writes a typed
 * client module (stdout, or `-o file`). A server file is started with `typemcp run`.
 */
export async function typesCommand(target: string[], options: TypesCommandOptions): Promise<void> {
  const { command, file } = serverCommand(target);
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
