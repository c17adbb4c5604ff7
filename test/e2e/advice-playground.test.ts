import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoSignInUrl } from '../../bot/src/demo/demo-users.ts';
import { SOCIAL_WORKER } from '../api/factories.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, openTabPage, type TabPage } from '../support/browser.ts';
import { freePort, playgroundConfigAs, startPlayground, stopPlayground } from '../support/playground.ts';
import { buildTabIfStale } from '../support/tab-build.ts';

/**
 * A professional answers an advice request in Teams, end to end: the Microsoft 365 Agents Playground
 * (Microsoft's local Teams simulator) driven in headless Chromium as the social worker the Disability
 * Service allocated, the bot and the tab of the real server in this process; then the SENCo's tab.
 */
const DIST = join(import.meta.dirname, '../../tab/dist');
let server: TestApp;
let playground: ChildProcess | undefined;
let playgroundUrl: string;
let workDir: string;
let browser: Browser;
const pages: TabPage[] = [];

beforeAll(async () => {
  await buildTabIfStale();
  workDir = await mkdtemp(join(tmpdir(), 'ehc-advice-playground-'));
  server = await startTestApp({ tab: 'missing', extraUsers: [SOCIAL_WORKER], env: { TAB_DIR: DIST } });
  // NS-1016 (Leo Whitfield): the Disability Service's allocator names Tomi Okafor for its request r4.
  const allocated = await server.post(
    '/api/cases/999/NS-1016/review/requests/r4/allocate',
    {
      commandId: 'playground-allocate-1',
      professional: { name: SOCIAL_WORKER.name, email: SOCIAL_WORKER.email },
    },
    'ds-allocator',
  );
  if (allocated.status !== 200) throw new Error(`allocation failed: ${JSON.stringify(allocated.body)}`);
  const port = await freePort();
  playgroundUrl = `http://127.0.0.1:${port}`;
  playground = await startPlayground(server.app.url, port, workDir, {
    config: await playgroundConfigAs(SOCIAL_WORKER, workDir),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const tab of pages) await tab.close();
  await browser?.close();
  await stopPlayground(playground);
  await server?.teardown();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function open(url: string): Promise<Page> {
  const tab = await openTabPage(browser, url);
  tab.page.setDefaultTimeout(20_000);
  pages.push(tab);
  return tab.page;
}

/** Picks `choice` in the card's `index`-th choice set (the Playground renders them as comboboxes). */
async function choose(page: Page, index: number, choice: string): Promise<void> {
  await page.getByRole('combobox').nth(index).click();
  await page.getByRole('option', { name: choice, exact: true }).click();
}

describe('advice in the Agents Playground', () => {
  it('a professional gets the card with "requests", fills two outcomes and a provision row, submits; the SENCo’s tab shows the advice', async () => {
    const chat = await open(playgroundUrl);
    // The compose box: the only text box before any card is shown.
    const compose = chat.getByRole('textbox').first();
    await compose.fill('requests');
    await compose.press('Enter');
    await chat.getByText('You have 1 open request for advice.').first().waitFor();
    const submit = chat.getByRole('button', { name: 'Submit', exact: true });
    await submit.waitFor();

    // Two of the plan's three outcomes and a provision row.
    await choose(chat, 0, 'On track');
    await chat
      .getByLabel('Commentary that supports your judgement')
      .nth(0)
      .fill('Takes turns with one prompt.');
    await choose(chat, 1, 'Not on track');
    await chat
      .getByLabel('Commentary that supports your judgement')
      .nth(1)
      .fill('Reads Phase 3 words; Phase 5 not yet.');
    await chat.getByLabel('Intervention or provision').fill('Short breaks');
    await chat.getByLabel('Who provides it').fill('Disability Service');
    await chat.getByLabel(/^How often/).fill('monthly');
    await chat.getByLabel(/^For how long/).fill('1 day');
    await chat.getByLabel(/^Group size/).fill('1:1');
    await submit.click();

    // The third outcome is not judged: the card comes back with the problem under its input.
    await chat
      .getByText('choose the progress: On track, Complete, Not on track, Not able to comment')
      .waitFor();
    await choose(chat, 2, 'Complete');
    await chat.getByLabel('Commentary that supports your judgement').nth(2).fill('Met at Easter.');
    await chat.getByRole('button', { name: 'Submit', exact: true }).click();
    await chat.getByText('Advice submitted for Leo’s annual review').waitFor();

    const tab = await open(`${demoSignInUrl(server.app.url, 'senco-harbour')}#/cases/999/NS-1016/contribute`);
    const advice = tab.getByRole('article', { name: 'Advice from Tomi Okafor' });
    await advice.getByText('Short breaks: Disability Service, monthly, 1 day, 1:1').waitFor();
    await advice.getByText(/Takes turns with one prompt\./).waitFor();
    await tab
      .getByRole('list', { name: 'Requests for information' })
      .getByText(/Tomi Okafor\): Advice submitted/)
      .waitFor();
  });
});
