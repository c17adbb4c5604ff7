import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdaptiveCard, cardBytes, TEAMS_CARD_LIMIT_BYTES } from '../../bot/src/cards/adaptive-card.ts';
import { MAX_REFRESH_USERS } from '../../bot/src/cards/advice-card.ts';
import {
  ALLOCATION_INPUTS,
  ALLOCATION_VERBS,
  type AllocationCardInput,
  allocationCard,
  allocationReceiptCard,
} from '../../bot/src/cards/allocation-card.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { launchBrowser } from '../support/browser.ts';
import { cardRenderer } from './card-renderer.ts';
import { cardSchemaErrors } from './card-schema.ts';

const subject = { laCode: '999', caseId: 'NS-1016', requestId: 'r4' };

function makeInput(overrides: Partial<AllocationCardInput> = {}): AllocationCardInput {
  return {
    subject,
    childFirstName: 'Leo',
    teamName: 'Northshire Disability Service',
    meetingOn: plainDate('2027-01-20'),
    adviceBy: {
      date: plainDate('2027-01-06'),
      rule: 'ADVICE_CIRCULATED',
      explanation: 'Send the advice to everyone invited by this date: at least 2 weeks before the meeting.',
    },
    cardId: 'card0000alloc0',
    ...overrides,
  };
}

function actionsOf(card: AdaptiveCard) {
  return card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
}

const inputIds = (card: AdaptiveCard) => card.body.flatMap((e) => ('id' in e ? [e.id] : []));
const after = (c: AdaptiveCard, id: string) => c.body[c.body.findIndex((e) => 'id' in e && e.id === id) + 1];

describe('the allocation card', () => {
  it('says which review (first name and case id), which team, the meeting and the advice-by date with its rule', () => {
    const card = allocationCard(makeInput());
    expect(cardSchemaErrors(card)).toEqual([]);
    const facts = card.body.find((e) => e.type === 'FactSet');
    expect(facts).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Review', value: 'Leo’s annual review (case NS-1016)' },
        { title: 'Team', value: 'Northshire Disability Service' },
        { title: 'Meeting', value: '20 January 2027' },
        { title: 'Advice by', value: '6 January 2027 (ADVICE_CIRCULATED)' },
      ],
    });
    expect(JSON.stringify(card)).toContain('at least 2 weeks before the meeting');
    const noMeeting = allocationCard(makeInput({ meetingOn: undefined, adviceBy: undefined }));
    expect(cardSchemaErrors(noMeeting)).toEqual([]);
    expect(JSON.stringify(noMeeting)).not.toContain('Advice by');
  });

  it('offers accept, allocate (name and address) and decline (a reason), each an Action.Execute with an Action.Submit fallback', () => {
    const card = allocationCard(makeInput());
    expect(inputIds(card)).toEqual([
      ALLOCATION_INPUTS.name,
      ALLOCATION_INPUTS.email,
      ALLOCATION_INPUTS.reason,
    ]);
    // Teams checks every input on any press: a required reason would block "Allocate".
    expect(card.body.some((e) => 'isRequired' in e && e.isRequired)).toBe(false);
    const actions = actionsOf(card);
    expect(actions.map((a) => a.type === 'Action.Execute' && [a.title, a.verb])).toEqual([
      ['Accept for the team', ALLOCATION_VERBS.accept],
      ['Allocate', ALLOCATION_VERBS.allocate],
      ['Decline', ALLOCATION_VERBS.decline],
    ]);
    for (const action of actions) {
      if (action.type !== 'Action.Execute') throw new Error('not an Action.Execute');
      expect(action.data).toEqual({ ...subject, cardId: 'card0000alloc0' });
      expect(action.fallback).toMatchObject({
        type: 'Action.Submit',
        title: action.title,
        data: { ...subject, cardId: 'card0000alloc0', verb: action.verb },
      });
    }
  });

  it('puts back what was typed and shows each problem under its input; one naming no input at the top', () => {
    const card = allocationCard(
      makeInput({
        typed: { [ALLOCATION_INPUTS.name]: 'Tomi Okafor', [ALLOCATION_INPUTS.email]: 'tomi' },
        problems: [
          { where: ALLOCATION_INPUTS.email, message: 'give the professional’s email address' },
          { where: 'requestId', message: 'this request is declined, no longer open' },
        ],
      }),
    );
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(card.body.find((e) => 'id' in e && e.id === ALLOCATION_INPUTS.name)).toMatchObject({
      value: 'Tomi Okafor',
    });
    expect(after(card, ALLOCATION_INPUTS.email)).toMatchObject({
      color: 'attention',
      text: 'give the professional’s email address',
    });
    const top = card.body.findIndex((e) => e.type === 'TextBlock' && e.text.includes('no longer open'));
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(card.body.findIndex((e) => e.type === 'ActionSet'));
  });

  it('stays under the 28 KB budget with every input filled to its limit and every problem shown', () => {
    const card = allocationCard(
      makeInput({
        childFirstName: 'é'.repeat(100),
        teamName: 'é'.repeat(200),
        typed: {
          [ALLOCATION_INPUTS.name]: 'é'.repeat(200),
          [ALLOCATION_INPUTS.email]: 'é'.repeat(320),
          [ALLOCATION_INPUTS.reason]: 'é'.repeat(1_000),
        },
        problems: Object.values(ALLOCATION_INPUTS).map((where) => ({ where, message: 'é'.repeat(200) })),
      }),
    );
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_LIMIT_BYTES);
  });

  it('becomes a read-only receipt: "Allocated to <name> on <date>", "Declined: <reason>", refreshed for at most 60 users', () => {
    const userIds = Array.from({ length: 70 }, (_, i) => `29:user-${i}`);
    const allocated = allocationReceiptCard({
      subject,
      childFirstName: 'Leo',
      teamName: 'Northshire Disability Service',
      outcome: { kind: 'allocated', name: 'Tomi Okafor', on: plainDate('2026-12-02') },
      userIds,
    });
    expect(cardSchemaErrors(allocated)).toEqual([]);
    expect(JSON.stringify(allocated.body)).toContain('Allocated to Tomi Okafor on 2 December 2026.');
    expect(inputIds(allocated)).toEqual([]);
    expect(allocated.actions).toBeUndefined();
    expect(allocated.refresh?.action).toMatchObject({ verb: ALLOCATION_VERBS.refresh, data: subject });
    expect(allocated.refresh?.userIds).toHaveLength(MAX_REFRESH_USERS);
    const declined = allocationReceiptCard({
      subject,
      childFirstName: 'Leo',
      teamName: 'Northshire Disability Service',
      outcome: { kind: 'declined', reason: 'Not known to the service', on: plainDate('2026-12-02') },
      userIds: [],
    });
    expect(cardSchemaErrors(declined)).toEqual([]);
    expect(JSON.stringify(declined.body)).toContain('Declined on 2 December 2026: Not known to the service');
  });
});

describe('the allocation card in the adaptivecards renderer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every input and action, the card and its receipt, with no parse errors', async () => {
    const { page, render } = await cardRenderer(browser);
    try {
      const card = allocationCard(
        makeInput({
          problems: [{ where: ALLOCATION_INPUTS.reason, message: 'say why the request is declined' }],
        }),
      );
      const rendered = await render(card);
      expect(rendered.errors).toEqual([]);
      expect(rendered.inputs).toEqual(inputIds(card));
      expect(rendered.buttons).toEqual(['Accept for the team', 'Allocate', 'Decline']);
      const receipt = allocationReceiptCard({
        subject,
        childFirstName: 'Leo',
        teamName: 'Northshire Disability Service',
        outcome: { kind: 'allocated', name: 'Tomi Okafor' },
        userIds: ['29:user-1'],
      });
      const shown = await render(receipt);
      expect(shown.errors).toEqual([]);
      expect(shown.inputs).toEqual([]);
      expect(shown.buttons).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
