import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../bot/src/cards/adaptive-card.ts';
import { ADVICE_VERBS } from '../../bot/src/cards/advice-card.ts';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { SOCIAL_WORKER } from '../api/factories.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { makeCardAction } from './factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ extraUsers: [SOCIAL_WORKER] });
  const allocated = await t.post(
    '/api/cases/999/NS-1016/review/requests/r4/allocate',
    { commandId: 'allocate-r4-0001', professional: { name: SOCIAL_WORKER.name, email: SOCIAL_WORKER.email } },
    'ds-allocator',
  );
  expect(allocated.status).toBe(200);
});
afterAll(async () => {
  await t?.teardown();
});

const NO_REPLIES = 'http://127.0.0.1:9/';
const subject = { laCode: '999', caseId: 'NS-1016', requestId: 'r4' };

async function press(
  verb: string,
  data: Record<string, string>,
  objectId = SOCIAL_WORKER.identity.objectId,
): Promise<{ status: number; body: { statusCode: number; type: string; value: unknown } }> {
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(makeCardAction(NO_REPLIES, objectId, verb, data)),
  });
  return { status: response.status, body: await response.json() };
}

async function card(verb: string, data: Record<string, string>): Promise<AdaptiveCard> {
  const { status, body } = await press(verb, data);
  expect(status).toBe(200);
  expect(body, JSON.stringify(body)).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
  const value = body.value as AdaptiveCard;
  expect(cardSchemaErrors(value)).toEqual([]);
  return value;
}

const after = (c: AdaptiveCard, id: string) => c.body[c.body.findIndex((e) => 'id' in e && e.id === id) + 1];

describe('the advice card through /api/messages (real Teams invoke payloads)', () => {
  it('"Add another need" saves what was typed and answers with one more empty need, up to the card’s maximum', async () => {
    const typed = {
      ...subject,
      page: '0',
      cardId: 'card0000advice0',
      'needs.0.area': 'communication-and-interaction',
      'needs.0.description': 'Needs visual timetables at transitions.',
    };
    const more = await card(ADVICE_VERBS.addRow, { ...typed, needRows: '1', add: 'needs' });
    expect(JSON.stringify(more.body)).toContain('Draft saved');
    expect(more.body.find((e) => 'id' in e && e.id === 'needs.0.description')).toMatchObject({
      value: 'Needs visual timetables at transitions.',
    });
    expect(more.body.find((e) => 'id' in e && e.id === 'needs.1.description')).not.toHaveProperty('value');
    const buttons = JSON.stringify(more.body);
    expect(buttons).not.toContain('Add another need');
    expect(buttons).toContain('Add another provision row');
    // Saving again keeps the empty row the card shows (its count travels in the card's data).
    const saved = await card(ADVICE_VERBS.saveDraft, { ...typed, needRows: '2' });
    expect(saved.body.find((e) => 'id' in e && e.id === 'needs.1.description')).toBeDefined();
  });

  it('save a draft, a problem beside its input, submit twice: one submission and a receipt; the SENCo sees it', async () => {
    const base = { ...subject, page: '0', cardId: 'card0000advice1' };
    const saved = await card(ADVICE_VERBS.saveDraft, {
      ...base,
      'outcomes.o1.progress': 'on-track',
      'outcomes.o1.commentary': 'Enjoys short breaks with his peers.',
      'outcomes.o2.progress': 'not-able-to-comment',
      'outcomes.o2.commentary': '',
      'provision.0.intervention': 'Short breaks',
      'provision.0.providedBy': 'Disability Service',
      'provision.0.frequency': 'monthly',
      'provision.0.duration': '1 day',
      'provision.0.groupSize': '1:1',
    });
    expect(JSON.stringify(saved.body)).toContain('Draft saved');
    expect(saved.body.find((e) => 'id' in e && e.id === 'outcomes.o1.commentary')).toMatchObject({
      value: 'Enjoys short breaks with his peers.',
    });
    const senco = await t.get('/api/cases/999/NS-1016/review/contribution', 'senco-harbour');
    expect(JSON.stringify(senco.body)).not.toContain('Enjoys short breaks');

    // Teams sends every input of the card with each press.
    const refused = await card(ADVICE_VERBS.submit, {
      ...base,
      'outcomes.o1.progress': 'on-track',
      'outcomes.o1.commentary': 'Enjoys short breaks with his peers.',
      'outcomes.o2.progress': 'not-able-to-comment',
      'outcomes.o2.commentary': '',
      'outcomes.o3.progress': 'complete',
      'outcomes.o3.commentary': 'Met.',
    });
    expect(after(refused, 'outcomes.o2.commentary')).toMatchObject({
      color: 'attention',
      text: 'say why you are not able to comment',
    });

    const inputs = {
      ...base,
      // The card showed the saved provision row, so Teams sends it back.
      'provision.0.intervention': 'Short breaks',
      'provision.0.providedBy': 'Disability Service',
      'provision.0.frequency': 'monthly',
      'provision.0.duration': '1 day',
      'provision.0.groupSize': '1:1',
      'outcomes.o1.progress': 'on-track',
      'outcomes.o1.commentary': 'Enjoys short breaks with his peers.',
      'outcomes.o2.progress': 'not-on-track',
      'outcomes.o2.commentary': 'Finds changes of routine hard.',
      'outcomes.o3.progress': 'complete',
      'outcomes.o3.commentary': 'Met.',
    };
    const receipt = await card(ADVICE_VERBS.submit, inputs);
    expect(JSON.stringify(receipt.body)).toContain('Advice submitted');
    expect(receipt.refresh?.userIds).toEqual([`29:user-${SOCIAL_WORKER.identity.objectId}`]);
    const again = await card(ADVICE_VERBS.submit, inputs);
    expect(JSON.stringify(again.body)).toContain('Advice submitted');

    const page = await t.get('/api/cases/999/NS-1016/review/contribution', 'senco-harbour');
    const body = page.body as { advice: { key: string; state: string; content: { provision: unknown[] } }[] };
    const mine = body.advice.filter((a) => a.key === 'r4');
    expect(mine).toMatchObject([
      { state: 'submitted', content: { provision: [{ intervention: 'Short breaks' }] } },
    ]);
    const index = (page.body as { index: { id: string }[] }).index.filter((a) => a.id === 'r4');
    expect(index).toHaveLength(1);
  });

  it('a card pressed by someone the request is not for is refused', async () => {
    const { body } = await press(
      ADVICE_VERBS.submit,
      { ...subject, page: '0', cardId: 'card0000advice2' },
      demoUser('ep-lowe').identity.objectId,
    );
    expect(body).toMatchObject({ statusCode: 403, type: 'application/vnd.microsoft.error' });
  });
});
