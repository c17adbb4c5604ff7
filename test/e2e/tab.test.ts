import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSignInUrl } from '../../bot/src/demo/demo-users.ts';
import { RULES, type RuleId } from '../../bot/src/review/rules.ts';
import { STAGE_WORDS } from '../../tab/src/cases/case-words.ts';
import { THEME_NAMES, type ThemeName } from '../../tab/src/theme.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import {
  axeViolations,
  describeViolations,
  launchBrowser,
  openTabPage,
  type TabPage,
} from '../support/browser.ts';
import { buildTabIfStale } from '../support/tab-build.ts';

const DIST = join(import.meta.dirname, '../../tab/dist');
const SCREENSHOTS = '/tmp';
let server: TestApp;
let browser: Browser;
const pages: TabPage[] = [];

beforeAll(async () => {
  await buildTabIfStale();
  // The real server in local mode, in this process: the demo users and demo data on a fresh store,
  // serving this build of the tab.
  server = await startTestApp({ tab: 'missing', env: { TAB_DIR: DIST } });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const tab of pages) await tab.close();
  await browser?.close();
  await server?.teardown();
});

describe('the tab in local mode', () => {
  it('shows the local mode banner and the demo users; a SENCo who picks themself sees their live cases', async () => {
    const { page } = await open('/');
    await page.getByText('Local mode: fictional demo data').waitFor();
    await heading(page, 'Choose a demo user').waitFor();

    const senco = page.getByRole('button', { name: /SENCo/ }).first();
    const setting = settingOf(await senco.textContent());
    await senco.click();

    await heading(page, 'My live cases').waitFor();
    await page.getByText(/Signed in as/).waitFor();
    const rows = await childNames(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(await column(page, 2))).toEqual(new Set([setting]));
    const stages = await column(page, 3);
    expect(stages.length).toBe(rows.length);
    for (const stage of stages) expect(Object.values(STAGE_WORDS)).toContain(stage);
    expect(stages).toContain('Review pending');
    await table(page).getByText('Overdue', { exact: true }).first().waitFor();
  });

  it('switching to another SENCo shows the cases of their setting instead', async () => {
    const { page } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /SENCo/ }).first());
    const first = await childNames(page);

    await page.getByRole('button', { name: 'Switch user' }).click();
    await heading(page, 'Choose a demo user').waitFor();
    const other = page.getByRole('button', { name: /SENCo/ }).nth(1);
    const setting = settingOf(await other.textContent());
    await signInAs(page, other);

    const second = await childNames(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((name) => first.includes(name))).toEqual([]);
    expect(new Set(await column(page, 2))).toEqual(new Set([setting]));
  });

  it('shows an educational psychologist what they owe, or nothing for them yet, never the SENCo’s steps', async () => {
    const { page } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /Educational psychologist/ }));
    const actions = await column(page, 5);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(['Submit your advice', 'Answer the advice request', 'Nothing for you yet']).toContain(action);
    }
  });

  it('opens signed in as the demo user the bot’s link names, not on the picker', async () => {
    const { page } = await open(new URL(demoSignInUrl(`${server.app.url}/`, 'senco-harbour')).search);
    await heading(page, 'My live cases').waitFor();
    await page.getByText(/Signed in as Rosa Penhallow/).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await page.reload();
    await page.getByText(/Signed in as Rosa Penhallow/).waitFor();
  });

  it('keeps the chosen user for the browser tab: a reload stays signed in', async () => {
    const { page } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /SENCo/ }).first());
    await page.reload();
    await heading(page, 'My live cases').waitFor();
    expect(await heading(page, 'Choose a demo user').count()).toBe(0);
  });

  it('shows a phase transfer case’s deadline, 15 February, before its later review-by date', async () => {
    const { page } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /SENCo, Harbour/ }));
    // Ava Tremayne moves to secondary school in September 2027; her review is due by 3 March 2027.
    const row = table(page).getByRole('row').filter({ hasText: 'Ava Tremayne' });
    await row.getByText('15 February 2027').waitFor();
    await row.getByText(/\(PHASE_TRANSFER\)/).waitFor();
    await row.getByRole('button', { name: 'Why the phase transfer date is 15 February 2027' }).click();
    await row.getByText(/issue the plan amended to name the new setting by this date/).waitFor();
  });

  it('explains the review-by date and opens a case from the keyboard', async () => {
    const { page } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /SENCo/ }).first());

    const why = table(page)
      .getByRole('button', { name: /^Why the review-by date is / })
      .first();
    const reason = table(page)
      .getByText(/The LA must notify its review decision by this date/)
      .first();
    expect(await reason.isVisible()).toBe(false);
    await why.focus();
    await page.keyboard.press('Enter');
    await reason.waitFor();
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    await reason.waitFor({ state: 'hidden' });

    const [childName = ''] = await childNames(page);
    await table(page).getByRole('link', { name: childName }).focus();
    await page.keyboard.press('Enter');
    await heading(page, childName).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('link', { name: 'My live cases' }).click();
    await heading(page, 'My live cases').waitFor();
  });
});

describe('a narrow screen, unknown addresses and cases one may not see', () => {
  it('at 400 px (Teams mobile) lists the cases with the badges and the next action in view, no sideways scroll', async () => {
    const { page, pageErrors } = await open('/');
    await page.setViewportSize({ width: 400, height: 800 });
    await signInAs(page, page.getByRole('button', { name: /SENCo, Harbour/ }));
    const list = page.getByRole('list', { name: 'My live cases' });
    await list.waitFor();
    expect(await table(page).count()).toBe(0);

    const overdue = list.getByText('Overdue', { exact: true }).first();
    const next = list.getByText(/^Next: /).first();
    for (const shown of [overdue, next]) {
      const box = await shown.boundingBox();
      expect(box, 'on screen').not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(400);
    }
    // The badge and the next action come before the deadline, the stage and the setting.
    const first = list.getByRole('listitem').first();
    const text = (await first.textContent()) ?? '';
    expect(text.indexOf('Next: ')).toBeLessThan(text.indexOf('Deadline'));
    expect(text.indexOf('Deadline')).toBeLessThan(text.indexOf('Harbour Primary School'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'ehc-live-cases-400px.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('shows a not-found page for an address the tab does not know, with the way back', async () => {
    const { page } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /SENCo, Harbour/ }));
    await page.goto(`${server.app.url}/#/no-such-page`);
    await heading(page, 'Page not found').waitFor();
    await page.getByRole('link', { name: 'Back to My live cases' }).click();
    await heading(page, 'My live cases').waitFor();
  });

  it('says a case of another setting is not found or not yours, with a link back, and no "Try again"', async () => {
    const { page, pageErrors } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /SENCo, Harbour/ }));
    // Holly Bowness is at Fellside Academy: the Harbour SENCo may not see her case.
    await page.goto(`${server.app.url}/#/cases/999/NS-1026`);
    await heading(page, 'Case not found').waitFor();
    await page
      .getByText("This case was not found, or you don't have access to it.", { exact: false })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Back to My live cases' }).click();
    await heading(page, 'My live cases').waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe('the case page: the statutory clock', () => {
  it('shows a case with an overdue LA decision: every date in order, its rule, Overdue on that row only', async () => {
    const { page, pageErrors } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /SENCo, Fellside/ }));
    await table(page).getByRole('link', { name: 'Holly Bowness' }).click();

    await heading(page, 'Holly Bowness').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Statutory dates' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Next action' }).waitFor();
    expect(await facts(page)).toEqual({
      Stage: 'Awaiting LA decision',
      Deadline: '25 November 2026 (REVIEW_DUE)',
      Setting: 'Fellside Academy',
      'Local authority': '999',
      Case: 'NS-1026',
    });
    await page.getByText('Preparing for adulthood required (Year 10)').waitFor();
    await page.getByText('Awaiting LA decision: for the LA', { exact: true }).waitFor();
    await page.getByText('Was due 16 November 2026, 7 days ago (DECISION_DUE)').waitFor();

    expect(await clockRowsOf(page)).toEqual([
      ['Review decision due (review by)', '25 November 2026', 'in 2 days', 'REVIEW_DUE', 'Due soon'],
      ['Latest meeting date', '28 October 2026', '3 weeks ago', 'DECISION_DUE', 'Done'],
      ['Invitations sent by', '5 October 2026', '7 weeks ago', 'INVITE_NOTICE', 'Done'],
      ['Advice circulated by', '5 October 2026', '7 weeks ago', 'ADVICE_CIRCULATED', 'Done'],
      ['Report sent by', '2 November 2026', '3 weeks ago', 'REPORT_DUE', 'Done'],
      ['LA decision by', '16 November 2026', '7 days ago', 'DECISION_DUE', 'Overdue'],
    ]);
    await clockRow(page, 'LA decision by')
      .getByText(/within 4 weeks of the meeting \(19 October 2026\)/)
      .waitFor();
    // Each rule by its id, its title and, as secondary text, where the law or guidance says it.
    expect((await rulesOf(page)).slice(0, 2)).toEqual([
      ['REVIEW_DUE', 'Annual review due', 'CFA 2014 s.44(1); CoP 9.169'],
      ['DECISION_DUE', 'Review decision', 'SEND Regs 2014 reg 20(10)-(11); CoP 9.176'],
    ]);
    for (const [id = '', title, source] of await rulesOf(page)) {
      expect([title, source], id).toEqual([RULES[id as RuleId].title, RULES[id as RuleId].source]);
    }
    expect(await clock(page).getByText('Overdue', { exact: true }).count()).toBe(1);
    await page.getByText('Dates as of 23 November 2026').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'ehc-case-page.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('shows an amendment in progress from a link opened afresh: representations and the final plan', async () => {
    const { page, pageErrors } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /case coordinator/ }));
    // A reload on the case's address: the tab holds no live cases answer, and still counts from the server's today.
    await page.goto(`${server.app.url}/#/cases/999/NS-1029`);
    await page.reload();

    await heading(page, 'Daisy Opie').waitFor();
    await clock(page).waitFor();
    expect(await clockRowsOf(page)).toEqual([
      ['Review decision due (review by)', '6 November 2027', 'in 11 months', 'REVIEW_DUE', ''],
      ['Latest meeting date', '9 October 2027', 'in 10 months', 'DECISION_DUE', ''],
      ['Invitations sent by', '30 September 2026', '7 weeks ago', 'INVITE_NOTICE', 'Done'],
      ['Advice circulated by', '30 September 2026', '7 weeks ago', 'ADVICE_CIRCULATED', 'Done'],
      ['Report sent by', '28 October 2026', '3 weeks ago', 'REPORT_DUE', 'Done'],
      ['LA decision by', '11 November 2026', '12 days ago', 'DECISION_DUE', 'Done'],
      ['Representations end', '21 November 2026', '2 days ago', 'AMEND_REPRESENTATIONS', ''],
      ['Final amended plan by', '2 January 2027', 'in 5 weeks', 'AMEND_FINAL', ''],
    ]);
    expect(await clock(page).getByText('Overdue', { exact: true }).count()).toBe(0);
    expect(await page.getByText(/Preparing for adulthood required/).count()).toBe(0);
    await page.getByText('Dates as of 23 November 2026').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('says a date from guidance is recommended, for a child under 5, never overdue', async () => {
    const { page } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /SENCo, Harbour/ }));
    await table(page).getByRole('link', { name: 'Freddie Lusk' }).click();
    await heading(page, 'Freddie Lusk').waitFor();
    expect((await clockRowsOf(page)).at(-1)).toEqual([
      'Recommended review (under 5)',
      '19 March 2027',
      'in 3 months',
      'UNDER_FIVE',
      'Recommended',
    ]);
  });
});

describe('the LA’s cases, a page at a time', () => {
  it('takes the case coordinator from My live cases to every live case of the LA, by next due date', async () => {
    const { page, pageErrors } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /EHC case coordinator/ }));
    const mine = await childNames(page);
    await page.getByRole('link', { name: /All live cases of LA 999/ }).click();
    await heading(page, 'All live cases of LA 999').waitFor();
    const all = page.getByRole('table', { name: 'All live cases of LA 999' });
    await all.waitFor();
    const names = await all.locator('tbody tr td:first-child a').allTextContents();
    // The demo LA's 30 cases fit on the first page of 50: there is no next page to show.
    expect([...names].sort()).toEqual([...mine].sort());
    await page.getByText(`${names.length} cases shown`).waitFor();
    expect(await page.getByRole('button', { name: 'Show 50 more' }).count()).toBe(0);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('the tab inside a frame that is not a Teams or Outlook host', () => {
  it('stops waiting for a host after a moment and runs in local mode', async () => {
    // teams-js waits about 60 s for a host that never answers when it is framed; the tab gives up sooner.
    const { page } = await open('/');
    await page.setContent(
      `<iframe title="EHC Review Hub" src="${server.app.url}/" style="width:1200px;height:700px"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    const started = Date.now();
    await frame.getByRole('heading', { level: 1, name: 'Choose a demo user' }).waitFor();
    expect(Date.now() - started).toBeLessThan(8_000);
    await frame.getByText('Local mode: fictional demo data').waitFor();
  });
});

describe('themes and accessibility', () => {
  it.each(THEME_NAMES)(
    'has no axe-core violations in the %s theme, on the picker and on My live cases',
    async (theme) => {
      const { page, pageErrors } = await open(`/?theme=${theme}`);
      await heading(page, 'Choose a demo user').waitFor();
      expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe(theme);
      expect(describeViolations(await axeViolations(page))).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `ehc-tab-picker-${theme}.png`), fullPage: true });

      await signInAs(page, page.getByRole('button', { name: /SENCo/ }).first());
      expect(describeViolations(await axeViolations(page))).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `ehc-tab-${theme}.png`), fullPage: true });
      expect(pageErrors).toEqual([]);
    },
  );

  it.each(THEME_NAMES)(
    'has no axe-core violations in the %s theme on case pages: overdue, amending, under 5',
    async (theme) => {
      const { page, pageErrors } = await open(`/?theme=${theme}`);
      await signInAs(page, page.getByRole('button', { name: /case coordinator/ }));
      for (const [caseId, childName] of CASES_FOR_AXE) {
        await page.goto(`${server.app.url}/?theme=${theme}#/cases/999/${caseId}`);
        await heading(page, childName).waitFor();
        await clock(page).waitFor();
        expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe(theme);
        expect(describeViolations(await axeViolations(page))).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `ehc-case-${caseId}-${theme}.png`), fullPage: true });
      }
      expect(pageErrors).toEqual([]);
    },
  );

  it('the themes look different: light, dark and high-contrast backgrounds', async () => {
    const backgrounds = new Map<ThemeName, string>();
    for (const theme of THEME_NAMES) {
      const { page } = await open(`/?theme=${theme}`);
      await heading(page, 'Choose a demo user').waitFor();
      backgrounds.set(
        theme,
        await page.locator('[data-theme]').evaluate((element) => getComputedStyle(element).backgroundColor),
      );
    }
    expect(new Set(backgrounds.values()).size).toBe(THEME_NAMES.length);
    expect(backgrounds.get('contrast')).toBe('rgb(0, 0, 0)');
  });
});

describe('arranging a review in the tab', () => {
  it('start (confirmed) -> draft -> confirm and send -> sent list with .ics -> edit -> add with a bad email -> abandon', async () => {
    const { page, pageErrors } = await open('/');
    await signInAs(page, page.getByRole('button', { name: /SENCo, Harbour/ }));
    // NS-1003, Noah Penrose: pending, review by 45 days after the test's today.
    await page.goto(`${server.app.url}/#/cases/999/NS-1003`);
    await heading(page, 'Noah Penrose').waitFor();
    await page.getByRole('link', { name: 'Start review' }).click();
    await heading(page, 'Arrange the annual review').waitFor();
    await page.getByRole('button', { name: 'Start review' }).click();
    await page.getByRole('button', { name: 'Yes, start the review' }).click();

    const invitees = page.getByRole('list', { name: 'Invitees' });
    await invitees.getByText(/Northshire Disability Service .*always invited by the LA/).waitFor();
    await page.getByText(/^Latest sensible meeting date: /).waitFor();
    expect(await page.getByRole('switch', { name: 'Teams meeting' }).isChecked()).toBe(true);

    // A meeting on Saturday 12 December 2026: saved, with the weekend warned about, never blocked.
    await page.getByLabel(/^Date\s*\*?$/).fill('2026-12-12');
    await page.getByLabel('Start time').fill('09:30');
    await page.getByLabel('End time').fill('10:30');
    await page.getByLabel('Venue', { exact: true }).fill('Harbour Primary, meeting room');
    await page.getByRole('button', { name: 'Save in draft' }).click();
    await page.getByText('12 December 2026 is a Saturday.').waitFor();
    await page.getByText('Last day to invite with 2 weeks’ notice: 28 November 2026').waitFor();
    await page
      .getByText(/^From this meeting \(Suggested working timeline\): advice to everyone by 28 November 2026/)
      .waitFor();
    expect(describeViolations(await axeViolations(page))).toEqual([]);

    await page.getByLabel(/^Date\s*\*?$/).fill('2026-12-09');
    await page.getByRole('button', { name: 'Confirm and send invitations' }).click();
    await page.getByText(/^Invitations sent on /).waitFor();
    await server.app.dispatchNow();
    const sent = page.getByRole('region', { name: 'Sent invitations' });
    await sent.getByRole('button', { name: 'Refresh' }).click();
    await sent.getByText(/Invitation 0: sent/).waitFor();
    const download = await sent.getByRole('link', { name: 'Download (.ics)' }).first().getAttribute('href');
    const ics = await page.evaluate(
      async (href) => (await fetch(href ?? '', { headers: { 'X-Ehc-User': 'senco-harbour' } })).text(),
      download,
    );
    expect(ics).toContain('METHOD:REQUEST');

    await page.getByLabel('Venue', { exact: true }).fill('Harbour Primary, library');
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/review/meeting'),
    );
    await page.getByRole('button', { name: 'Save and update everyone invited' }).click();
    expect((await saved).status()).toBe(200);
    await server.app.dispatchNow();
    await sent.getByRole('button', { name: 'Refresh' }).click();
    await sent.getByText(/Update 1: sent/).waitFor();

    const add = page.getByRole('form', { name: 'Add an invitee' });
    await add.getByLabel('Name').fill('Kim Carer');
    await add.getByLabel('Email').fill('not-an-email');
    await add.getByRole('button', { name: 'Add invitee' }).click();
    await add.getByText('not an email address').waitFor();

    await page.getByLabel('Abandon the review: why?').selectOption('rearranging');
    await page.getByRole('button', { name: 'Abandon the review' }).click();
    await page.getByRole('button', { name: 'Start review' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

describe('deadline warnings in the tab (issue 13)', () => {
  it('links the demo channel on its configuration page: the confirmation is required, then it is linked', async () => {
    const { page } = await open(`${signInSearch('senco-harbour')}&view=configure`);
    await heading(page, 'Review deadlines in this channel').waitFor();
    const form = page.getByRole('form', { name: 'Link this channel' });
    await form.getByText('General in Harbour Primary SEND team.').waitFor();
    await form.getByText('Linked to Harbour Primary School SEND team since 23 November 2026.').waitFor();
    expect(await form.getByRole('radio', { name: 'Harbour Primary School SEND team' }).isChecked()).toBe(
      true,
    );
    await form.getByText(/Each row names the child by first name and case id only/).waitFor();

    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText(/Confirm that only people working on these reviews are in this channel/).waitFor();
    await form
      .getByText(/^required: confirm that only people working on these reviews/)
      .first()
      .waitFor();

    await form
      .getByRole('checkbox', { name: 'Only people working on these reviews are in this channel' })
      .check();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('This channel gets the daily digest of Harbour Primary School SEND team.').waitFor();
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });

  it('refuses another setting’s SENCo the channel linked to Harbour Primary, in the server’s words', async () => {
    const { page } = await open(`${signInSearch('senco-fellside')}&view=configure`);
    const form = page.getByRole('form', { name: 'Link this channel' });
    await form.getByText(/This channel is linked to cases you cannot link/).waitFor();
    await form.getByRole('radio', { name: 'Fellside Academy SEND team' }).check();
    await form
      .getByRole('checkbox', { name: 'Only people working on these reviews are in this channel' })
      .check();
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().includes('/api/channels/'),
    );
    await form.getByRole('button', { name: 'Save' }).click();
    expect((await answer).status()).toBe(403);
    await form.getByText('The channel was not changed').waitFor();
    await form.getByText(/You can link a channel only to your own setting’s SEND team/).waitFor();
    expect(await form.getByRole('button', { name: 'Unlink this channel' }).count()).toBe(0);
  });

  it('mutes and unmutes a case’s warnings for the SENCo on the case page, kept across a reload', async () => {
    const { page } = await open(`${signInSearch('senco-harbour')}#/cases/999/NS-1003`);
    const toggle = page.getByRole('switch', { name: 'Mute my warnings' });
    await toggle.waitFor();
    await page
      .getByText(/The statutory dates the local authority must act on/)
      .first()
      .waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await page.getByText(/Muted: you get no personal messages about this case/).waitFor();
    await page.reload();
    await page.getByText(/Muted: you get no personal messages about this case/).waitFor();
    expect(await page.getByRole('switch', { name: 'Mute my warnings' }).isChecked()).toBe(true);
    await page.getByRole('switch', { name: 'Mute my warnings' }).click();
    await page.getByText(/Muted:/).waitFor({ state: 'detached' });
    expect(describeViolations(await axeViolations(page))).toEqual([]);
  });

  it('runs the deadline check now from My live cases and shows what it recorded', async () => {
    const { page } = await open(signInSearch('la-coordinator'));
    await heading(page, 'My live cases').waitFor();
    await page.getByRole('button', { name: 'Run the deadline check now' }).click();
    const done = page.getByRole('region', { name: 'Deadline check' });
    await done.getByText('Deadline check done for 23 November 2026').waitFor();
    const words = await done.getByText(/Checked \d+ cases? with something due\./).textContent();
    expect(words).toMatch(/\d+ new warnings? recorded to send; \d+ warnings? (was|were) sent before/);
  });

  it('the LA’s officer chooses when it warns: a day listed twice is refused beside its field, the choice kept after a reload', async () => {
    const { page, pageErrors } = await open(signInSearch('la-coordinator'));
    await page.getByRole('link', { name: 'When LA 999 warns of its dates' }).click();
    await heading(page, 'When LA 999 warns of its dates').waitFor();
    await page
      .getByText(/Now: 4 weeks before, 1 week before and on the day, then every 7 days while overdue/)
      .waitFor();
    await page.getByText(/These are the defaults/).waitFor();
    const days = page.getByRole('textbox', { name: /Days before each date/ });
    const every = page.getByRole('textbox', { name: /While overdue, warn again every/ });
    await days.fill('14, 7, 7');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('7 days before is listed twice').waitFor();
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    await days.fill('0, 42, 14');
    await every.fill('3');
    await page.getByRole('button', { name: 'Save' }).click();
    const chosen = /Now: 6 weeks before, 2 weeks before and on the day, then every 3 days while overdue/;
    await page.getByText(chosen).waitFor();
    await page.getByText(/Chosen by the local authority on 23 November 2026/).waitFor();
    await page.reload();
    await page.getByText(chosen).waitFor();
    expect(await page.getByRole('textbox', { name: /Days before each date/ }).inputValue()).toBe('42, 14, 0');
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/** The address that opens the tab signed in as the demo user `userId` (the bot's link in local mode). */
function signInSearch(userId: string): string {
  return new URL(demoSignInUrl(`${server.app.url}/`, userId)).search;
}

/** Overdue, due soon and done with preparing for adulthood; an amendment and a phase transfer; under 5. */
const CASES_FOR_AXE = [
  ['NS-1026', 'Holly Bowness'],
  ['NS-1030', 'Jessica Fearon'],
  ['NS-1007', 'Freddie Lusk'],
] as const;

async function open(path: string): Promise<TabPage> {
  const tab = await openTabPage(browser, `${server.app.url}${path}`);
  tab.page.setDefaultTimeout(10_000);
  pages.push(tab);
  return tab;
}

function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

function table(page: Page) {
  return page.getByRole('table', { name: 'My live cases' });
}

async function signInAs(page: Page, user: Locator): Promise<void> {
  await user.click();
  await heading(page, 'My live cases').waitFor();
  const list = page.getByRole('list', { name: 'My live cases' });
  await table(page).or(list).or(page.getByText('You have no live cases')).first().waitFor();
}

function clock(page: Page) {
  return page.getByRole('table', { name: 'Statutory dates' });
}

function clockRow(page: Page, label: string) {
  return clock(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
}

/** Each row of the statutory dates: what, the date, how far from today, the rule's id, the status. */
async function clockRowsOf(page: Page): Promise<string[][]> {
  return (await clockCellsOf(page)).map(({ what, when, rule, status }) => [
    what,
    ...when,
    rule[0] ?? '',
    status,
  ]);
}

/** The lines of each row's rule cell: the rule's id, title and source. */
async function rulesOf(page: Page): Promise<string[][]> {
  return (await clockCellsOf(page)).map(({ rule }) => rule);
}

/** The cells of each row of the statutory dates, a cell of several lines as its lines. */
async function clockCellsOf(
  page: Page,
): Promise<{ what: string; when: string[]; rule: string[]; status: string }[]> {
  await clock(page).waitFor();
  return clock(page)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const [what, when, rule, , status] = [...row.children] as HTMLElement[];
        const lines = (cell: HTMLElement | undefined) =>
          [...(cell?.querySelectorAll(':scope > span > *') ?? [])].map((line) => line.textContent ?? '');
        return {
          what: what?.textContent ?? '',
          when: lines(when),
          rule: lines(rule),
          status: status?.textContent ?? '',
        };
      }),
    );
}

/** The terms and values under the child's name. */
async function facts(page: Page): Promise<Record<string, string>> {
  return page
    .locator('main dl')
    .evaluate((list) =>
      Object.fromEntries(
        [...list.querySelectorAll('dt')].map((term) => [
          term.textContent ?? '',
          term.nextElementSibling?.textContent ?? '',
        ]),
      ),
    );
}

/** The setting in a demo SENCo's description: "SENCo, Harbour Primary School". */
function settingOf(buttonText: string | null): string {
  const match = /SENCo, (.+)$/.exec(buttonText ?? '');
  if (!match?.[1]) throw new Error(`not a SENCo's button: ${buttonText}`);
  return match[1];
}

/** The child's name in each row, in order. */
async function childNames(page: Page): Promise<string[]> {
  await table(page).or(page.getByText('You have no live cases')).first().waitFor();
  return page.locator('tbody tr td:first-child a').allTextContents();
}

/** The main text of the cells of a column (1-based), row by row. */
function column(page: Page, n: number): Promise<string[]> {
  return table(page).locator(`tbody tr td:nth-child(${n}) .fui-TableCellLayout__main`).allTextContents();
}
