import { checkFile } from '../check/checkFile';
import { formatFinding } from '../check/compare';
import { info, printJson, warn } from '../output/log';
import { out } from '../output/style';

/**
 * `typemcp check <file>`: one line per loss between a decorated method's TypeScript signature
 * and its runtime schema. Exit code 1 when there is any, so CI can run it.
 */
export async function checkCommand(file: string, options: { json?: boolean }): Promise<number> {
  const report = await checkFile(file);
  if (options.json) {
    printJson(report);
    return report.findings.length > 0 ? 1 : 0;
  }
  for (const finding of report.findings)
    process.stdout.write(`${out.yellow(formatFinding(finding))}\n`);
  for (const skipped of report.skipped) warn(skipped);
  const n = report.findings.length;
  info(
    `${report.checked} decorated method${report.checked === 1 ? '' : 's'} checked, ${n === 0 ? 'no schema loses anything' : `${n} loss${n === 1 ? '' : 'es'}`}`,
  );
  return n > 0 ? 1 : 0;
}
