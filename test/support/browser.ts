import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it); `CHROMIUM_PATH` overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\``);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
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
