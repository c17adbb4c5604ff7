import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, CARD_SCHEMA, CARD_VERSION } from '../../bot/src/cards/adaptive-card.ts';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { ReviewError } from '../../bot/src/review/errors.ts';
import type { CardAction, CardActionTable } from '../../bot/src/teams/card-actions.ts';
import { UNIVERSAL_ACTION_ERROR, UNIVERSAL_ACTION_MESSAGE } from '../../bot/src/teams/invoke-router.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { makeCardAction, makeInvokeActivity } from './factories.ts';

const seen: CardAction[] = [];
/** A table as a stage registers one: a verb that answers a card, one a message, one a refusal, one a bug. */
const TABLE: CardActionTable = {
  'test.card': async (action) => {
    seen.push(action);
    return {
      kind: 'card',
      card: {
        type: 'AdaptiveCard',
        $schema: CARD_SCHEMA,
        version: CARD_VERSION,
        body: [{ type: 'TextBlock', text: 'saved' }],
      },
    };
  },
  'test.message': async () => ({ kind: 'message', text: 'Draft saved.' }),
  'test.refuse': async () => {
    throw new ReviewError('NOT_ALLOWED');
  },
  'test.bug': async () => {
    throw new TypeError('a bug, with Amelia Rowe in its message');
  },
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ cardActions: TABLE });
});
afterAll(async () => {
  await t?.teardown();
});

const rosa = demoUser('senco-harbour').identity.objectId;
// Invokes are answered in the HTTP response: nothing is posted to the serviceUrl.
const NO_REPLIES = 'http://127.0.0.1:9/';

async function invoke(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('a card action (adaptiveCard/action) goes to the handler its verb is registered under', () => {
  it('answers a card the handler returns, giving it the verb, data and who pressed it', async () => {
    const { status, body } = await invoke(
      makeCardAction(NO_REPLIES, rosa, 'test.card', { caseId: 'NS-1001' }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      statusCode: 200,
      type: ADAPTIVE_CARD_CONTENT_TYPE,
      value: { type: 'AdaptiveCard' },
    });
    expect(seen.at(-1)).toMatchObject({
      verb: 'test.card',
      data: { caseId: 'NS-1001' },
      trigger: 'manual',
      identity: demoUser('senco-harbour').identity,
      conversationType: 'personal',
    });
  });

  it('answers a message the handler returns', async () => {
    const { body } = await invoke(makeCardAction(NO_REPLIES, rosa, 'test.message'));
    expect(body).toEqual({ statusCode: 200, type: UNIVERSAL_ACTION_MESSAGE, value: 'Draft saved.' });
  });

  it('answers a ReviewError as the card’s error response, with the status of its kind', async () => {
    const { status, body } = await invoke(makeCardAction(NO_REPLIES, rosa, 'test.refuse'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      statusCode: 403,
      type: UNIVERSAL_ACTION_ERROR,
      value: { code: 'NOT_ALLOWED' },
    });
  });

  it('answers a handler’s bug as INTERNAL_ERROR on the card, logging no message text', async () => {
    const { status, body } = await invoke(makeCardAction(NO_REPLIES, rosa, 'test.bug'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      statusCode: 500,
      type: UNIVERSAL_ACTION_ERROR,
      value: { code: 'INTERNAL_ERROR' },
    });
    expect(JSON.stringify(body)).not.toContain('Amelia');
    expect(t.log.lines.some((line) => line.includes('card action failed'))).toBe(true);
  });
});

describe('an invoke the bot has no handler for gets a deliberate answer, never 501', () => {
  it('answers an unknown verb with a 200 the card shows: UNKNOWN_CARD_ACTION', async () => {
    const { status, body } = await invoke(makeCardAction(NO_REPLIES, rosa, 'arrange.nothingLikeThis'));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      statusCode: 400,
      type: UNIVERSAL_ACTION_ERROR,
      value: { code: 'UNKNOWN_CARD_ACTION', problems: [{ where: 'value.action.verb' }] },
    });
  });

  it('does not take a verb from the object prototype for a handler', async () => {
    const { body } = await invoke(makeCardAction(NO_REPLIES, rosa, 'constructor'));
    expect(body).toMatchObject({ statusCode: 400, value: { code: 'UNKNOWN_CARD_ACTION' } });
  });

  it.each([
    ['no value', undefined, 'value'],
    ['no verb', { action: { type: 'Action.Execute' } }, 'value.action.verb'],
    [
      'a Submit, not an Execute',
      { action: { type: 'Action.Submit', verb: 'test.card' } },
      'value.action.type',
    ],
    [
      'data that is not an object',
      { action: { type: 'Action.Execute', verb: 'test.card', data: 5 } },
      'value.action.data',
    ],
  ])('answers a card action with %s as INVALID_INPUT naming the field', async (_, value, where) => {
    const { status, body } = await invoke(makeInvokeActivity(NO_REPLIES, rosa, 'adaptiveCard/action', value));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      statusCode: 400,
      type: UNIVERSAL_ACTION_ERROR,
      value: { code: 'INVALID_INPUT', problems: [{ where }] },
    });
  });

  it('answers task/fetch with a message in the task module', async () => {
    const { status, body } = await invoke(makeInvokeActivity(NO_REPLIES, rosa, 'task/fetch', { data: {} }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ task: { type: 'message', value: expect.stringContaining('reviews') } });
  });

  it('answers a message extension query with a message', async () => {
    const { status, body } = await invoke(
      makeInvokeActivity(NO_REPLIES, rosa, 'composeExtension/query', { commandId: 'search' }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ composeExtension: { type: 'message' } });
  });

  it.each(['signin/verifyState', 'application/search', 'something/else', ''])(
    'answers the invoke "%s" with 400 INVOKE_NOT_SUPPORTED',
    async (name) => {
      const { status, body } = await invoke(makeInvokeActivity(NO_REPLIES, rosa, name, {}));
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: { code: 'INVOKE_NOT_SUPPORTED' } });
    },
  );
});
