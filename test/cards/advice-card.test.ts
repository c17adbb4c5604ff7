import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdaptiveCard, cardBytes, TEAMS_CARD_LIMIT_BYTES } from '../../bot/src/cards/adaptive-card.ts';
import {
  ADVICE_VERBS,
  adviceCard,
  advicePages,
  adviceReceiptCard,
  MAX_CARD_ROWS,
  MAX_REFRESH_USERS,
} from '../../bot/src/cards/advice-card.ts';
import type { Outcome } from '../../bot/src/review/case.ts';
import { type AdviceContent, adviceProblems, EMPTY_ADVICE } from '../../bot/src/review/contribute/advice.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { launchBrowser } from '../support/browser.ts';
import { cardRenderer } from './card-renderer.ts';
import { cardSchemaErrors } from './card-schema.ts';

const subject = { laCode: '999', caseId: 'NS-1016', requestId: 'r4' };

function outcomes(count: number, length = 300): Outcome[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `o${i + 1}`,
    area: 'cognition-and-learning',
    text: `Outcome ${i + 1}: ${'reads and writes with growing independence '.repeat(length / 40)}`.slice(
      0,
      length,
    ),
    provision: [],
  }));
}

/** A draft that fills every outcome to the API's limits: the largest card the form can make. */
function fullest(plan: readonly Outcome[]): AdviceContent {
  return {
    ...EMPTY_ADVICE,
    outcomes: plan.map((o) => ({
      outcomeId: o.id,
      progress: 'not-on-track',
      commentary: 'é'.repeat(5_000),
      recommendedChanges: 'x'.repeat(5_000),
    })),
  };
}

/** Every row of every kind the card takes, filled to the inputs' limits. */
function fullestRows(content: AdviceContent): AdviceContent {
  return {
    ...content,
    newOutcomes: Array.from({ length: MAX_CARD_ROWS.newOutcomes }, () => ({
      area: 'social-emotional-and-mental-health' as const,
      text: 'é'.repeat(2_000),
    })),
    needs: Array.from({ length: MAX_CARD_ROWS.needs }, () => ({
      area: 'communication-and-interaction' as const,
      description: 'é'.repeat(5_000),
    })),
    provision: Array.from({ length: MAX_CARD_ROWS.provision }, () => ({
      intervention: 'é'.repeat(500),
      providedBy: 'é'.repeat(200),
      frequency: 'é'.repeat(200),
      duration: 'é'.repeat(200),
      groupSize: 'é'.repeat(200),
    })),
  };
}

/** Every action of the card, in the body's action sets and at the bottom. */
function actionsOf(card: AdaptiveCard) {
  return [...card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : [])), ...(card.actions ?? [])];
}

function inputIds(card: AdaptiveCard): string[] {
  return card.body.flatMap((e) => ('id' in e ? [e.id] : []));
}

describe('the advice card', () => {
  it('is a valid Adaptive Card 1.5 on every page, with the seeds’ progress words', () => {
    const plan = outcomes(6);
    const pages = advicePages(plan, EMPTY_ADVICE);
    expect(pages.map((p) => p.length)).toEqual([4, 2]);
    for (let page = 0; page < pages.length; page += 1) {
      const card = adviceCard({
        subject,
        childFirstName: 'Leo',
        outcomes: plan,
        content: EMPTY_ADVICE,
        page,
      });
      expect(cardSchemaErrors(card)).toEqual([]);
    }
    const text = JSON.stringify(
      adviceCard({ subject, childFirstName: 'Leo', outcomes: plan, content: EMPTY_ADVICE, page: 0 }),
    );
    for (const words of ['On track', 'Complete', 'Not on track', 'Not able to comment', 'Avoid'])
      expect(text).toContain(words);
  });

  it('a plan with 12 outcomes fits: every page under the 28 KB budget, even filled to the limits', () => {
    const plan = outcomes(12, 2_000);
    for (const content of [EMPTY_ADVICE, fullest(plan)]) {
      const pages = advicePages(plan, content);
      expect(pages.flat().map((o) => o.id)).toEqual(plan.map((o) => o.id));
      for (let page = 0; page < pages.length; page += 1) {
        const card = adviceCard({ subject, childFirstName: 'Leo', outcomes: plan, content, page });
        expect(cardBytes(card), `page ${page}`).toBeLessThanOrEqual(TEAMS_CARD_LIMIT_BYTES);
        expect(cardSchemaErrors(card)).toEqual([]);
      }
    }
  });

  it('a 12-outcome plan with every row the card takes, all filled to the limits, fits on every page', () => {
    const plan = outcomes(12, 2_000);
    for (const content of [fullestRows(EMPTY_ADVICE), fullestRows(fullest(plan))]) {
      const pages = advicePages(plan, content);
      expect(pages.flat().map((o) => o.id)).toEqual(plan.map((o) => o.id));
      const cards = pages.map((_, page) =>
        adviceCard({ subject, childFirstName: 'Leo', outcomes: plan, content, page }),
      );
      for (const [page, card] of cards.entries()) {
        expect(cardBytes(card), `page ${page}`).toBeLessThanOrEqual(TEAMS_CARD_LIMIT_BYTES);
        expect(cardSchemaErrors(card)).toEqual([]);
      }
      const ids = cards.flatMap(inputIds);
      expect(ids).toContain(`provision.${MAX_CARD_ROWS.provision - 1}.groupSize`);
      expect(ids).toContain(`needs.${MAX_CARD_ROWS.needs - 1}.description`);
      expect(ids).toContain(`newOutcomes.${MAX_CARD_ROWS.newOutcomes - 1}.text`);
      expect(new Set(ids).size).toBe(ids.length);
      // At the maximum there is no "Add another", and the last page says the tab takes more.
      expect(cards.flatMap(actionsOf).map((a) => a.title)).not.toContain('Add another provision row');
      expect(JSON.stringify(cards.at(-1)?.body)).toContain('the tab takes more');
    }
  });

  it('shows the draft’s rows filled, the empty rows asked for, and problems beside the right row', () => {
    const plan = outcomes(2);
    const content: AdviceContent = {
      ...EMPTY_ADVICE,
      provision: [
        {
          intervention: 'Speech therapy',
          providedBy: 'SALT',
          frequency: 'weekly',
          duration: '30 minutes',
          groupSize: '1:1',
        },
        {
          intervention: 'Social group',
          providedBy: '',
          frequency: 'weekly',
          duration: '1 hour',
          groupSize: '6',
        },
      ],
    };
    const problems = adviceProblems(content, plan, false);
    expect(problems).toEqual([{ where: 'provision.1.providedBy', message: expect.any(String) }]);
    const card = adviceCard({
      subject,
      childFirstName: 'Leo',
      outcomes: plan,
      content,
      page: 0,
      rows: { provision: 3, needs: 2 },
      problems,
    });
    expect(cardSchemaErrors(card)).toEqual([]);
    const ids = inputIds(card);
    expect(ids).toEqual(expect.arrayContaining(['provision.2.intervention', 'needs.1.description']));
    expect(ids).not.toContain('provision.3.intervention');
    expect(ids).not.toContain('newOutcomes.1.text');
    expect(card.body.find((e) => 'id' in e && e.id === 'provision.1.intervention')).toMatchObject({
      value: 'Social group',
    });
    const at = card.body.findIndex((e) => 'id' in e && e.id === 'provision.1.providedBy');
    expect(card.body[at + 1]).toMatchObject({ color: 'attention', text: 'say who will provide it' });
    const add = actionsOf(card).find((a) => a.title === 'Add another provision row');
    expect(add).toMatchObject({
      type: 'Action.Execute',
      verb: ADVICE_VERBS.addRow,
      data: { add: 'provision', provisionRows: '3', needRows: '2', newOutcomeRows: '1' },
    });
  });

  it('every Action.Execute has an Action.Submit fallback with the same data and the verb', () => {
    const card = adviceCard({
      subject,
      childFirstName: 'Leo',
      outcomes: outcomes(6),
      content: EMPTY_ADVICE,
      page: 1,
    });
    const actions = actionsOf(card);
    expect(actions.length).toBeGreaterThanOrEqual(5);
    for (const action of actions) {
      if (action.type !== 'Action.Execute') throw new Error('only Action.Execute on the advice card');
      expect(action.fallback).toEqual({
        type: 'Action.Submit',
        title: action.title,
        data: { ...action.data, verb: action.verb },
        ...(action.style ? { style: action.style } : {}),
        ...(action.associatedInputs ? { associatedInputs: action.associatedInputs } : {}),
      });
    }
  });

  it('the last page asks for a new outcome (SMART), a need and a provision row; only it', () => {
    const plan = outcomes(5);
    const first = inputIds(
      adviceCard({ subject, childFirstName: 'Leo', outcomes: plan, content: EMPTY_ADVICE, page: 0 }),
    );
    const last = inputIds(
      adviceCard({ subject, childFirstName: 'Leo', outcomes: plan, content: EMPTY_ADVICE, page: 1 }),
    );
    expect(first).not.toContain('provision.0.groupSize');
    expect(last).toEqual(
      expect.arrayContaining([
        'newOutcomes.0.text',
        'needs.0.description',
        'provision.0.intervention',
        'provision.0.groupSize',
      ]),
    );
    expect(
      JSON.stringify(
        adviceCard({ subject, childFirstName: 'Leo', outcomes: plan, content: EMPTY_ADVICE, page: 1 }),
      ),
    ).toContain('SMART');
  });

  it('shows each problem of a submit right under the input it names', () => {
    const plan = outcomes(2);
    const content: AdviceContent = {
      ...EMPTY_ADVICE,
      outcomes: [{ outcomeId: 'o1', progress: 'not-able-to-comment', commentary: '' }],
    };
    const problems = adviceProblems(content, plan, true);
    const card = adviceCard({ subject, childFirstName: 'Leo', outcomes: plan, content, page: 0, problems });
    const body = card.body;
    const at = body.findIndex((e) => 'id' in e && e.id === 'outcomes.o1.commentary');
    expect(body[at + 1]).toMatchObject({
      type: 'TextBlock',
      color: 'attention',
      text: 'say why you are not able to comment',
    });
    const progress = body.findIndex((e) => 'id' in e && e.id === 'outcomes.o2.progress');
    expect(body[progress + 1]).toMatchObject({
      color: 'attention',
      text: expect.stringContaining('choose the progress'),
    });
    expect(body.find((e) => 'id' in e && e.id === 'outcomes.o1.progress')).toMatchObject({
      value: 'not-able-to-comment',
    });
  });

  it('pages and saves through Action.Execute verbs carrying the request, not the child', () => {
    const card = adviceCard({
      subject,
      childFirstName: 'Leo',
      outcomes: outcomes(6),
      content: EMPTY_ADVICE,
      page: 0,
    });
    expect(card.actions?.map((a) => (a.type === 'Action.Execute' ? a.verb : a.type))).toEqual([
      ADVICE_VERBS.page,
      ADVICE_VERBS.saveDraft,
      ADVICE_VERBS.submit,
    ]);
    expect(card.actions?.[0]).toMatchObject({ data: { ...subject, page: '0', to: '1' } });
  });

  it('after submit becomes a read-only receipt refreshed for at most 60 users', () => {
    const userIds = Array.from({ length: 70 }, (_, i) => `29:user-${i}`);
    const receipt = adviceReceiptCard({
      subject,
      childFirstName: 'Leo',
      submittedOn: plainDate('2026-11-23'),
      outcomesJudged: 3,
      userIds,
    });
    expect(cardSchemaErrors(receipt)).toEqual([]);
    expect(receipt.refresh?.userIds).toHaveLength(MAX_REFRESH_USERS);
    expect(receipt.refresh?.action.verb).toBe(ADVICE_VERBS.refresh);
    expect(inputIds(receipt)).toEqual([]);
    expect(receipt.actions).toBeUndefined();
  });
});

describe('the advice card in the adaptivecards renderer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every input and action, with no parse errors', async () => {
    const { page, render } = await cardRenderer(browser);
    try {
      const card = adviceCard({
        subject,
        childFirstName: 'Leo',
        outcomes: outcomes(3),
        content: EMPTY_ADVICE,
        page: 0,
      });
      const rendered = await render(card);
      expect(rendered.errors).toEqual([]);
      expect(rendered.inputs).toEqual(inputIds(card));
      expect(rendered.buttons).toEqual([
        'Add another outcome',
        'Add another need',
        'Add another provision row',
        'Save draft',
        'Submit',
      ]);

      // Every page of the largest card: 12 outcomes and every row the card takes, filled to the limits.
      const plan = outcomes(12, 2_000);
      const content = fullestRows(fullest(plan));
      const pages = advicePages(plan, content);
      for (let at = 0; at < pages.length; at += 1) {
        const big = adviceCard({ subject, childFirstName: 'Leo', outcomes: plan, content, page: at });
        const shown = await render(big);
        expect(shown.errors, `page ${at}`).toEqual([]);
        expect(shown.inputs).toEqual(inputIds(big));
      }
    } finally {
      await page.close();
    }
  }, 60_000);
});
