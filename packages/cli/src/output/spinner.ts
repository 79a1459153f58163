import { err } from './style';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Shows a spinner on stderr while `work` runs, only on a terminal (elsewhere one line says what
 * started), and a final line saying it is done.
 */
export async function withSpinner<T>(label: string, work: () => Promise<T>): Promise<T> {
  const tty = process.stderr.isTTY === true && process.env.NO_COLOR === undefined;
  if (!tty) {
    process.stderr.write(`typemcp ${label}...\n`);
    return work();
  }
  let frame = 0;
  const timer = setInterval(() => {
    process.stderr.write(`\r${err.cyan(FRAMES[frame++ % FRAMES.length] ?? '')} ${label}`);
  }, 80);
  timer.unref();
  try {
    const result = await work();
    process.stderr.write(`\r${err.green('✔')} ${label}\n`);
    return result;
  } catch (error) {
    process.stderr.write(`\r${err.red('✖')} ${label}\n`);
    throw error;
  } finally {
    clearInterval(timer);
  }
}
