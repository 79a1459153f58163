/**
 * `typemcp dev` in a real browser: headless Chromium (Debian's chromium, driven by playwright-core)
 * opens the printed Inspector URL, connects, lists the server's tools, calls one and sees its
 * result; after an edit, a reloaded page connects again and sees the new tool. The screenshot is kept in
 * .tmp/artifacts/typemcp-dev-inspector.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { freePort } from '../src/dev/freePort';
import { QUICKSTART, ROOT, startTypemcp, tempProject, waitForOutput } from './support/typemcp';

jest.setTimeout(240_000);

const INSPECTOR = path.join(
  ROOT,
  'tests',
  'conformance',
  'node_modules',
  '@modelcontextprotocol',
  'inspector',
);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, '.tmp', 'artifacts');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function connect(page: Page): Promise<void> {
  await page.getByText('Servers', { exact: true }).first().click();
  await page.getByRole('switch').first().click({ force: true });
  await page.getByText('Connected', { exact: true }).first().waitFor({ timeout: 60_000 });
  await page.getByText('Tools', { exact: true }).first().click();
}

describe('typemcp dev in headless Chromium', () => {
  it('opens the printed URL, connects, lists and calls a tool, and sees an edit after reloading', async () => {
    if (!fs.existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    const cwd = tempProject({ 'server.ts': QUICKSTART });
    const child = startTypemcp(
      [
        'dev',
        'server.ts',
        '--inspector',
        INSPECTOR,
        '--inspector-port',
        String(await freePort()),
        '--json',
        '--no-check',
      ],
      { cwd },
    );
    let browser: Browser | undefined;
    try {
      const [json] = await waitForOutput(child.stdout, /\{[\s\S]*"inspectorVersion": "[^"]+"\s*\}/);
      const { inspectorUrl } = JSON.parse(json) as { inspectorUrl: string };
      browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(inspectorUrl);
      await connect(page);
      await page.getByRole('button', { name: 'add', exact: true }).click();
      await page.getByRole('textbox', { name: 'a', exact: true }).fill('2');
      await page.getByRole('textbox', { name: 'b', exact: true }).fill('40');
      await page.getByRole('button', { name: 'Execute Tool' }).click();
      await page.getByText('Structured Output').waitFor({ timeout: 30_000 });
      expect(await page.locator('body').innerText()).toMatch(/Results\s+42[\s\S]*"result": 42/);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'typemcp-dev-inspector.png') });

      const restarted = waitForOutput(child.stderr, /server restarted/);
      fs.writeFileSync(
        path.join(cwd, 'server.ts'),
        QUICKSTART.replace(
          "@Tool({ description: 'Add two numbers' })",
          "@Tool() twice(n: number): number { return 2 * n; }\n\n  @Tool({ description: 'Add two numbers' })",
        ),
      );
      await restarted;
      // A fresh page connects anew (the restarted server lost every legacy session).
      await page.reload();
      await connect(page);
      await page.getByRole('button', { name: 'twice', exact: true }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'typemcp-dev-inspector-after-edit.png') });
    } finally {
      await browser?.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
