import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_LIMITS,
  earliestSend,
  keepsLimits,
  pruned,
  TENANT_LIMITS,
} from '../../../bot/src/review/delivery/pacing.ts';

/** Sends as fast as the limits allow, from `start`: the instants they go at. */
function burst(count: number, limits = CONVERSATION_LIMITS, start = 0): number[] {
  const sent: number[] = [];
  for (let i = 0; i < count; i += 1) sent.push(earliestSend(sent, limits, start));
  return sent;
}

describe('pacing to Teams’ limits', () => {
  it('sends 7 in the first second to one conversation, the 8th a second later (7 per second)', () => {
    const sent = burst(8);
    expect(sent.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(sent[7]).toBe(1_000);
  });

  it('holds the 9th until 2 s after the 1st (8 per 2 s)', () => {
    expect(burst(9)[8]).toBe(2_000);
  });

  it('sends 60 in 30 s and the 61st 30 s after the first (60 per 30 s)', () => {
    const sent = burst(61);
    expect(sent[59]).toBeLessThan(30_000);
    expect(sent[60]).toBe(30_000);
  });

  it('sends no more than 1,800 in an hour (1,800 per hour)', () => {
    const sent = burst(1_801);
    expect(sent[1_800]).toBe(3_600_000);
    expect(keepsLimits(sent, CONVERSATION_LIMITS)).toBe(true);
  });

  it('lets the tenant send 50 a second across conversations', () => {
    const sent = burst(51, TENANT_LIMITS);
    expect(sent[49]).toBe(0);
    expect(sent[50]).toBe(1_000);
  });

  it('never sends before now, nor before an earlier send', () => {
    expect(earliestSend([], CONVERSATION_LIMITS, 5_000)).toBe(5_000);
    expect(earliestSend([9_000], CONVERSATION_LIMITS, 5_000)).toBe(9_000);
  });

  it('finds a burst that breaks a limit', () => {
    expect(keepsLimits([0, 0, 0, 0, 0, 0, 0, 0], CONVERSATION_LIMITS)).toBe(false);
    expect(keepsLimits([0, 0, 0, 0, 0, 0, 0, 1_000, 2_000], CONVERSATION_LIMITS)).toBe(true);
  });

  it('forgets sends older than the longest window', () => {
    expect(pruned([0, 10, 3_600_001], CONVERSATION_LIMITS, 3_600_010)).toEqual([3_600_001]);
  });
});
