import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEMO_TENANT_ID,
  DEMO_USERS,
  PLAYGROUND_DEMO_USERS,
  PLAYGROUND_VISITOR,
} from '../../bot/src/demo/demo-users.ts';
import { staticDirectory } from '../../bot/src/identity/static-directory.ts';

const CONFIG = readFileSync(new URL('../../.m365agentsplayground.yml', import.meta.url), 'utf8');

/** The users of the Playground's configuration: `currentUser` then `users`, each `id`, `aadObjectId`, `email`. */
function playgroundUsers(): { id: string; aadObjectId: string; email: string }[] {
  const blocks = CONFIG.split(/\n(?=currentUser:| {2}- id:)/).filter((block) => /aadObjectId:/.test(block));
  return blocks.map((block) => ({
    id: /id: ([\w-]+)/.exec(block)?.[1] ?? '',
    aadObjectId: /aadObjectId: "([\w-]+)"/.exec(block)?.[1] ?? '',
    email: /email: (\S+)/.exec(block)?.[1] ?? '',
  }));
}

describe('the demo users', () => {
  it('are exactly six: the SENCo of each setting, the LA case coordinator, an educational psychologist, a parent, the Disability Service’s allocator', () => {
    expect(DEMO_USERS.map((u) => u.description)).toEqual([
      'SENCo, Harbour Primary School',
      'SENCo, Fellside Academy',
      'EHC case coordinator, Northshire County Council',
      'Educational psychologist, Northshire Educational Psychology Service',
      'Parent of Leo Whitfield (Harbour Primary School)',
      'Allocator, Northshire Disability Service',
    ]);
  });

  it('each have their own stable fake account in the demo tenant and a reserved example address', () => {
    expect(new Set(DEMO_USERS.map((u) => u.identity.objectId)).size).toBe(6);
    for (const user of DEMO_USERS) {
      expect(user.identity.tenantId).toBe(DEMO_TENANT_ID);
      expect(user.identity.objectId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(user.email).toMatch(/^[a-z.]+@[a-z-]+\.example$/);
    }
  });

  it('the first five are the Agents Playground’s users, with the same object ids and addresses, plus one visitor with no access', () => {
    const users = playgroundUsers();
    expect(users).toHaveLength(6);
    expect(users.slice(0, 5)).toEqual(
      PLAYGROUND_DEMO_USERS.map((u) => ({ id: u.id, aadObjectId: u.identity.objectId, email: u.email })),
    );
    expect(users[5]).toEqual({
      id: PLAYGROUND_VISITOR.id,
      aadObjectId: PLAYGROUND_VISITOR.identity.objectId,
      email: PLAYGROUND_VISITOR.email,
    });
    expect(CONFIG).toContain(`tenantId: "${DEMO_TENANT_ID}"`);
  });

  it('are found by account (object ids in any case) and by id; the visitor is not', async () => {
    const directory = staticDirectory(DEMO_USERS);
    const [first] = DEMO_USERS;
    if (!first) throw new Error('no demo users');
    const upper = { tenantId: DEMO_TENANT_ID.toUpperCase(), objectId: first.identity.objectId.toUpperCase() };
    expect(await directory.findByIdentity(upper)).toBe(first);
    expect(await directory.findById(first.id)).toBe(first);
    expect(await directory.findByIdentity(PLAYGROUND_VISITOR.identity)).toBeUndefined();
  });
});
