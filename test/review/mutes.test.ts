import { describe, expect, it } from 'vitest';
import { muteSilences } from '../../bot/src/review/mutes.ts';

describe('what a mute silences', () => {
  it('a personal message of a setting’s step', () => {
    expect(muteSilences({ actor: 'senco' }, 'personal')).toBe(true);
  });

  it('never a date the LA’s case coordinator must act on, nor the channel’s digest', () => {
    expect(muteSilences({ actor: 'case-coordinator' }, 'personal')).toBe(false);
    expect(muteSilences({ actor: 'senco' }, 'channel')).toBe(false);
    expect(muteSilences({ actor: 'case-coordinator' }, 'channel')).toBe(false);
  });
});
