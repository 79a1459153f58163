import { createColors } from 'picocolors';
import type { Colors } from 'picocolors/types';

/**
 * Colours for one stream: on only when it is a terminal, `NO_COLOR` is unset (any value turns
 * colours off, https://no-color.org) and `TERM` is not `dumb`. `FORCE_COLOR` is not consulted on
 * purpose: piped output is read by scripts.
 */
export function colorsFor(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv = process.env,
): Colors {
  const enabled = stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return createColors(enabled);
}

/** Colours for messages (stderr). */
export const err: Colors = colorsFor(process.stderr);
/** Colours for results (stdout). */
export const out: Colors = colorsFor(process.stdout);
