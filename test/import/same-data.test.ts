import { describe, expect, it } from 'vitest';
import { sameData } from '../../bot/src/import/same-data.ts';

describe('sameData: whether a merged case file differs from the stored one', () => {
  it('ignores the order of keys and treats an undefined property as absent, as stored JSON does', () => {
    expect(sameData({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameData({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
  });

  it('notices a changed value, a missing key, a reordered list and an array standing for an object', () => {
    expect(sameData({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameData({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameData({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameData({ a: [] }, { a: {} })).toBe(false);
    expect(sameData({ a: null }, { a: {} })).toBe(false);
  });
});
