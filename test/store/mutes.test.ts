import { describe, expect, it } from 'vitest';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { dedupeKeyOf, type Warning } from '../../bot/src/review/warnings.ts';
import { CosmosMutes } from '../../bot/src/store/mutes.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';

const cosmos = freshCosmosForEachTest();
const rosa = '71c6d067-98d6-40de-9235-50f0e29f17f7/rosa';
const grace = '71c6d067-98d6-40de-9235-50f0e29f17f7/grace';
const slashed = { laCode: '999', caseId: 'EHC/2024/017' };

function makeWarning(overrides: Pick<Warning, 'laCode' | 'caseId' | 'actor'>): Warning {
  const key = overrides.actor === 'senco' ? 'report_by' : 'decision_by';
  return {
    settingUrn: '900001',
    childFirstName: 'Amelia',
    key,
    date: plainDate('2026-12-01'),
    rule: overrides.actor === 'senco' ? 'REPORT_DUE' : 'DECISION_DUE',
    threshold: 'before-7',
    reachedOn: plainDate('2026-11-24'),
    overdue: false,
    dedupeKey: dedupeKeyOf(overrides.laCode, overrides.caseId, key, plainDate('2026-12-01'), 'before-7'),
    ...overrides,
  };
}

describe('the mutes', () => {
  it('mute a case for one user only, and unmute it', async () => {
    const mutes = await CosmosMutes.open(cosmos.db.database);
    await mutes.mute(rosa, slashed, '2026-11-23T10:00:00.000Z');
    expect(await mutes.isMuted(rosa, '999', 'EHC/2024/017')).toBe(true);
    expect(await mutes.isMuted(grace, '999', 'EHC/2024/017')).toBe(false);
    expect(await mutes.isMuted(rosa, '999', 'EHC/2024/018')).toBe(false);
    // The same account, its GUIDs written in capitals by another source.
    expect(await mutes.isMuted(rosa.toUpperCase(), '999', 'EHC/2024/017')).toBe(true);
    expect(await mutes.unmute(rosa, slashed)).toBe(true);
    expect(await mutes.isMuted(rosa, '999', 'EHC/2024/017')).toBe(false);
  });

  it('muting twice is one mute, and unmuting twice changes nothing', async () => {
    const mutes = await CosmosMutes.open(cosmos.db.database);
    await mutes.mute(rosa, slashed, '2026-11-23T10:00:00.000Z');
    await mutes.mute(rosa, slashed, '2026-11-24T10:00:00.000Z');
    expect(await mutes.unmute(rosa, slashed)).toBe(true);
    expect(await mutes.unmute(rosa, slashed)).toBe(false);
  });

  it('silence a muted case’s personal messages of the setting’s steps, never the LA’s nor the digest', async () => {
    const mutes = await CosmosMutes.open(cosmos.db.database);
    await mutes.mute(rosa, slashed, '2026-11-23T10:00:00.000Z');
    const senco = makeWarning({ ...slashed, actor: 'senco' });
    const la = makeWarning({ ...slashed, actor: 'case-coordinator' });
    expect(await mutes.silences(rosa, senco, 'personal')).toBe(true);
    expect(await mutes.silences(rosa, la, 'personal')).toBe(false);
    expect(await mutes.silences(rosa, senco, 'channel')).toBe(false);
    expect(await mutes.silences(grace, senco, 'personal')).toBe(false);
  });
});
