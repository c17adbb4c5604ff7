import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import sparticuz from '@sparticuz/chromium';
import type { AxeResults, Result } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * The Chromium the tests drive: the build shipped inside the `@sparticuz/chromium` npm package, pinned
 * by the lock file, so `npm install` brings it and every machine tests with the same browser.
 * `CHROMIUM_PATH` names another one (a desktop Chrome, Debian's `chromium`).
 *
 * @remarks The package unpacks its binary into the system's temporary folder on first use (a few
 * seconds). It links libnss3, libnspr4 and libexpat1 from the system. Its own flag list is meant for
 * AWS Lambda: `--single-process` there makes closing one browser context close the whole browser, so
 * the tests use only the flags below.
 */
async function chromiumPath(): Promise<string> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH names no file: ${override}`);
    return override;
  }
  return sparticuz.executablePath();
}

/**
 * Flags for a closed network: without the background-networking ones Chromium keeps trying to reach
 * Google's services and this sandbox refuses its connections.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
}

export interface TabPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught exceptions in the page so far. */
  readonly pageErrors: readonly Error[];
  close(): Promise<void>;
}

/**
 * A new page in its own browser context (so its own sessionStorage: a new sign-in), 1280x800 like a
 * Teams tab on a laptop, with the page's uncaught exceptions collected.
 */
export async function openTabPage(browser: Browser, url: string): Promise<TabPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(url);
  return { context, page, pageErrors, close: () => context.close() };
}

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

/** axe-core's WCAG 2.x A/AA and best-practice rules run on the page as it is now. */
export async function axeViolations(page: Page): Promise<Result[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const content = await axeSource;
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations;
}

/** One line per violation and node, for an assertion message a person can act on. */
export function describeViolations(violations: readonly Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${node.target.join(' ')}`),
  );
}
