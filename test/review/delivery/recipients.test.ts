import { describe, expect, it } from 'vitest';
import {
  channelsOf,
  deliveryIdOf,
  digestKeyOf,
  recipientsOf,
  sencosOf,
} from '../../../bot/src/review/delivery/recipients.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import { WARNED_DATES } from '../../../bot/src/review/warnings.ts';

const ROSA = { tenantId: 't', objectId: 'rosa' };
const OWEN = { tenantId: 't', objectId: 'owen' };
const GRACE = { tenantId: 't', objectId: 'grace' };
const PLACEMENT = { laCode: '999', settingUrn: '900001' };

describe('who gets a warning', () => {
  it('the setting’s SENCos for the setting’s steps, the case coordinator for the LA’s', () => {
    const people = { sencos: [ROSA, OWEN, ROSA], coordinator: GRACE };
    expect(recipientsOf({ actor: 'senco' }, people)).toEqual([ROSA, OWEN]);
    expect(recipientsOf({ actor: 'case-coordinator' }, people)).toEqual([GRACE]);
    expect(recipientsOf({ actor: 'case-coordinator' }, { sencos: [ROSA] })).toEqual([]);
  });

  it('every warned date has one of the two owners', () => {
    for (const owner of Object.values(WARNED_DATES))
      expect(['senco', 'case-coordinator']).toContain(owner?.actor);
  });

  it('a SENCo of this setting added by this LA, with an account', () => {
    const people = [
      { identity: ROSA, roles: [{ kind: 'senco', settingUrn: '900001', laCode: '999' }] },
      { identity: OWEN, roles: [{ kind: 'senco', settingUrn: '900002', laCode: '999' }] },
      { identity: GRACE, roles: [{ kind: 'senco', settingUrn: '900001', laCode: '860' }] },
      { roles: [{ kind: 'senco', settingUrn: '900001', laCode: '999' }] },
    ] as const;
    expect(sencosOf(people, PLACEMENT)).toEqual([ROSA]);
  });

  it('a setting’s channel shows its cases, an LA’s channel its LA’s', () => {
    const channels = [
      { conversationId: 'harbour', link: { kind: 'setting', settingUrn: '900001' } },
      { conversationId: 'fellside', link: { kind: 'setting', settingUrn: '900002' } },
      { conversationId: 'la', link: { kind: 'la', laCode: '999' } },
      { conversationId: 'other-la', link: { kind: 'la', laCode: '860' } },
    ] as const;
    expect(channelsOf(PLACEMENT, channels).map((c) => c.conversationId)).toEqual(['harbour', 'la']);
  });

  it('one digest per channel and day', () => {
    const day = '2026-09-01' as PlainDate;
    expect(digestKeyOf('19:a@thread.tacv2', day)).toBe(digestKeyOf('19:a@thread.tacv2', day));
    expect(digestKeyOf('19:a@thread.tacv2', day)).not.toBe(digestKeyOf('19:b@thread.tacv2', day));
  });

  it('a digest’s key is stored, so it stays as written: a deploy during the day sends no second digest', () => {
    const day = '2026-09-01' as PlainDate;
    expect(digestKeyOf('19:a@thread.tacv2', day)).toBe('digest/19%3Aa%40thread.tacv2/2026-09-01');
  });

  it('a delivery keeps one id on every attempt, and each recipient of a key gets their own', () => {
    const key = '860/CASE-0001/invite_by/2026-01-27/before-7';
    expect(deliveryIdOf(key, 't/rosa')).toBe(deliveryIdOf(key, 't/rosa'));
    expect(deliveryIdOf(key, 't/rosa')).not.toBe(deliveryIdOf(key, 't/owen'));
    expect(deliveryIdOf(key, 't/rosa')).not.toBe(
      deliveryIdOf('860/CASE-0002/invite_by/2026-01-27/before-7', 't/rosa'),
    );
  });
});
