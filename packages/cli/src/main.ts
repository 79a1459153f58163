#!/usr/bin/env node
import { runCli } from './cli';

// A reader that went away (`typemcp inspect ... | head`) ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// A command that finished exits now, even if the server module it loaded left timers or sockets
// open; `run` and `dev` resolve to undefined and keep the process alive.
void runCli(process.argv.slice(2)).then((code) => {
  if (code === undefined) return;
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
