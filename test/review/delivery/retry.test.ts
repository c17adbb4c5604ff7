import { describe, expect, it } from 'vitest';
import { isTransient, retryAfterMs, retryDelayMs } from '../../../bot/src/review/delivery/retry.ts';

describe('when a failed send is retried', () => {
  it.each([412, 429, 502, 503, 504])('retries a %i', (status) => {
    expect(isTransient({ status })).toBe(true);
  });

  it.each([400, 401, 403, 404, 500])('does not retry a %i', (status) => {
    expect(retryDelayMs({ status }, 1, () => 0)).toBeUndefined();
  });

  it('retries a send that was never answered (a timeout, a reset)', () => {
    expect(retryDelayMs({}, 1, () => 0)).toBe(1_000);
  });

  it('waits what Retry-After says', () => {
    expect(retryDelayMs({ status: 429, retryAfterMs: 7_000 }, 3, () => 0.9)).toBe(7_000);
  });

  it('backs off exponentially from 2 s with equal jitter, up to 15 minutes', () => {
    const low = (attempts: number) => retryDelayMs({ status: 503 }, attempts, () => 0);
    const high = (attempts: number) => retryDelayMs({ status: 503 }, attempts, () => 0.999_999);
    expect([1, 2, 3, 4].map(low)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(high(1)).toBeCloseTo(2_000, 0);
    expect(retryDelayMs({ status: 503 }, 7, () => 1 - Number.EPSILON)).toBeLessThanOrEqual(15 * 60_000);
  });

  it('gives up on a 5xx after the last attempt, never on throttling', () => {
    expect(retryDelayMs({ status: 502 }, 8, () => 0)).toBeUndefined();
    expect(retryDelayMs({ status: 429 }, 50, () => 0)).toBe((15 * 60_000) / 2);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3', 0)).toBe(3_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 06:00:10 GMT', Date.parse('2026-12-02T06:00:00Z'))).toBe(10_000);
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });

  it('reads a blank Retry-After as none given, not as “now”', () => {
    expect(retryAfterMs('', 0)).toBeUndefined();
    expect(retryAfterMs('   ', 0)).toBeUndefined();
  });
});
