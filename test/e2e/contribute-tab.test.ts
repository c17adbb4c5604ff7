import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSignInUrl } from '../../bot/src/demo/demo-users.ts';
import { REDACT_REMINDER } from '../../bot/src/review/contribute/attachment.ts';
import { SOCIAL_WORKER } from '../api/factories.ts';
import { pdfFile } from '../attachments/factories.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startTestBlob, type TestBlob } from '../support/blob.ts';
import {
  axeViolations,
  describeViolations,
  launchBrowser,
  openTabPage,
  type TabPage,
} from '../support/browser.ts';
import { buildTabIfStale } from '../support/tab-build.ts';

const DIST = join(import.meta.dirname, '../../tab/dist');
let server: TestApp;
let blob: TestBlob;
let browser: Browser;
const pages: TabPage[] = [];

beforeAll(async () => {
  await buildTabIfStale();
  blob = await startTestBlob();
  server = await startTestApp({
    tab: 'missing',
    extraUsers: [SOCIAL_WORKER],
    env: { TAB_DIR: DIST, BLOB_CONNECTION_STRING: blob.connectionString },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const tab of pages) await tab.close();
  await browser?.close();
  await server?.teardown();
  await blob?.close();
});

/** NS-1016, Leo Whitfield: contributing; the Disability Service's request r4 open. */
const CONTRIBUTE = '#/cases/999/NS-1016/contribute';

async function openAs(userId: string): Promise<Page> {
  const tab = await openTabPage(browser, `${demoSignInUrl(server.app.url, userId)}${CONTRIBUTE}`);
  tab.page.setDefaultTimeout(10_000);
  pages.push(tab);
  await tab.page.getByRole('heading', { level: 1, name: 'Contribute views' }).waitFor();
  return tab.page;
}

describe('contributing advice in the tab', () => {
  it('a social worker drafts, saves, reloads, downloads and submits; the SENCo reads it and moves to the meeting', async () => {
    const allocated = await server.post(
      '/api/cases/999/NS-1016/review/requests/r4/allocate',
      {
        commandId: 'tab-allocate-0001',
        professional: { name: SOCIAL_WORKER.name, email: SOCIAL_WORKER.email },
      },
      'ds-allocator',
    );
    expect(allocated.status).toBe(200);

    const page = await openAs(SOCIAL_WORKER.id);
    const form = page.getByRole('form', { name: 'Your advice: the form' });
    await form.getByLabel('Progress on outcome 1').selectOption('on-track');
    await form.getByLabel('Commentary on outcome 1').fill('Uses his visual timetable without prompting.');
    await form.getByLabel('Progress on outcome 2').selectOption('not-able-to-comment');
    await form.getByText('Avoid "Not able to comment"').waitFor();
    await form.getByText('You have changes that are not saved yet.').waitFor();

    // Submit before the form is complete: each problem under its field, nothing submitted.
    await form.getByRole('button', { name: 'Submit advice' }).click();
    await form.getByText('say why you are not able to comment').waitFor();
    await form
      .getByText('choose the progress: On track, Complete, Not on track, Not able to comment')
      .first()
      .waitFor();

    await form
      .getByLabel('Why you are not able to comment on outcome 2')
      .fill('I have not seen him in class.');
    await form.getByRole('button', { name: 'Add a provision row' }).click();
    await form.getByLabel(/^Intervention \(provision 1\)/).fill('Short breaks');
    await form.getByLabel(/^Who provides it \(provision 1\)/).fill('Disability Service');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByText('say how often (e.g. daily or 3 x week)').waitFor();
    await form.getByLabel(/^How often \(provision 1\)/).fill('monthly');
    await form.getByLabel(/^For how long \(provision 1\)/).fill('1 day');
    await form.getByLabel(/^Group size \(provision 1\)/).fill('1:1');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByText(/^Draft saved at \d\d:\d\d: only you can see it until you submit\.$/).waitFor();
    expect(describeViolations(await axeViolations(page))).toEqual([]);

    // The draft is kept: a new page shows it, and it can be downloaded.
    const again = await openAs(SOCIAL_WORKER.id);
    const kept = again.getByRole('form', { name: 'Your advice: the form' });
    expect(await kept.getByLabel('Commentary on outcome 1').inputValue()).toBe(
      'Uses his visual timetable without prompting.',
    );
    const [download] = await Promise.all([
      again.waitForEvent('download'),
      kept.getByRole('button', { name: 'Download my draft' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('advice-draft.txt');

    // The draft is unreadable to the SENCo meanwhile.
    const senco = await openAs('senco-harbour');
    await senco
      .getByRole('list', { name: 'Advice' })
      .getByText(/Tomi Okafor.*being written/)
      .waitFor();
    expect(await senco.getByText('Short breaks').count()).toBe(0);

    // An attachment, with the reminder to redact other children's names.
    await kept.getByText(REDACT_REMINDER).first().waitFor();
    await kept.getByLabel('Attach a supporting document').setInputFiles({
      name: 'visit notes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdfFile()),
    });
    await again.getByText('visit notes.pdf is attached.').waitFor();

    await kept.getByLabel('Progress on outcome 3').selectOption('complete');
    await kept.getByLabel('Commentary on outcome 3').fill('Met at the end of term.');
    await kept.getByRole('button', { name: 'Submit advice' }).click();
    await again.getByText(/^Submitted on 23 November 2026/).waitFor();

    // The SENCo sees the advice, its provision and its document; closes the other requests; moves on.
    await senco.reload();
    const advice = senco.getByRole('article', { name: 'Advice from Tomi Okafor' });
    await advice.getByText('Short breaks: Disability Service, monthly, 1 day, 1:1').waitFor();
    await advice.getByText(/Uses his visual timetable/).waitFor();
    await advice.getByRole('button', { name: 'Download visit notes.pdf' }).waitFor();
    await senco.getByText(/^Advice to be circulated by 9 December 2026/).waitFor();
    const progress = senco.getByRole('button', { name: 'Progress to meeting' });
    for (;;) {
      const close = senco.getByRole('button', { name: /^Close request to / }).first();
      if ((await close.count()) === 0) break;
      await close.click();
      await senco.getByLabel(/^Why is the request to .* closed\?/).fill('Not needed this year');
      await senco.getByRole('button', { name: 'Close the request' }).click();
      await senco.getByLabel(/^Why is the request to .* closed\?/).waitFor({ state: 'detached' });
    }
    expect(await progress.isEnabled()).toBe(true);

    // Views recorded on the child's behalf, saying so.
    const views = senco.getByRole('group', { name: 'The child’s or young person’s views' });
    await views
      .getByRole('textbox', { name: 'The child’s or young person’s views' })
      .fill('I like the quiet room.');
    await views.getByLabel(/^Whose views are these\?/).fill('Leo');
    await views.getByRole('button', { name: 'Save the child’s views' }).click();
    await views.getByText(/^Recorded on behalf of Leo on 23 November 2026\.$/).waitFor();

    await progress.click();
    await senco.getByText(/The review has moved to the meeting/).waitFor();
  });

  it('the SENCo submits advice on a professional’s behalf: both are recorded', async () => {
    const tab = await openTabPage(
      browser,
      `${demoSignInUrl(server.app.url, 'senco-harbour')}#/cases/999/NS-1014/contribute`,
    );
    tab.page.setDefaultTimeout(10_000);
    pages.push(tab);
    const page = tab.page;
    await page.getByRole('heading', { level: 1, name: 'Contribute views' }).waitFor();
    const whose = page.getByRole('combobox', { name: 'Whose advice are you recording?' });
    const choice = (await whose.locator('option').allTextContents())[1] ?? '';
    await whose.selectOption({ label: choice });
    const form = page.getByRole('form', { name: `Advice of ${choice}: the form` });
    await form
      .getByText(`You are submitting this on behalf of ${choice}: both of you are recorded with it.`)
      .waitFor();
    const outcomes = await form.getByRole('combobox', { name: /^Progress on outcome \d+$/ }).count();
    for (let n = 1; n <= outcomes; n += 1) {
      await form.getByLabel(`Progress on outcome ${n}`).selectOption('on-track');
      await form.getByLabel(`Commentary on outcome ${n}`).fill('Brought to the SENCo by telephone.');
    }
    await form.getByRole('button', { name: 'Submit advice' }).click();
    await page
      .getByRole('list', { name: 'Advice' })
      .getByText(/\(recorded by Rosa Penhallow\): submitted on 23 November 2026/)
      .first()
      .waitFor();
  });

  it('the Disability Service’s allocator names the professional who will give the advice', async () => {
    const tab = await openTabPage(
      browser,
      `${demoSignInUrl(server.app.url, 'ds-allocator')}#/cases/999/NS-1017/contribute`,
    );
    tab.page.setDefaultTimeout(10_000);
    pages.push(tab);
    const page = tab.page;
    await page.getByRole('heading', { level: 1, name: 'Contribute views' }).waitFor();
    const request = page.getByRole('group', { name: 'The request to Northshire Disability Service' });
    await request.getByRole('button', { name: 'Allocate to a professional' }).click();
    await request.getByLabel('The professional’s name').fill('Sam Carter');
    await request.getByLabel('Their email address').fill('sam.carter');
    await request.getByRole('button', { name: 'Allocate the request' }).click();
    await request.getByText('not an email address').waitFor();
    await request.getByLabel('Their email address').fill('sam.carter@northshire.example');
    await request.getByRole('button', { name: 'Allocate the request' }).click();
    await page
      .getByRole('list', { name: 'Requests for information' })
      .getByText(/\(allocated to Sam Carter\)/)
      .waitFor();
    await page.reload();
    await page
      .getByRole('list', { name: 'Requests for information' })
      .getByText(/Northshire Disability Service \(allocated to Sam Carter\)/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Allocate to a professional' }).count()).toBe(0);
  });
});
