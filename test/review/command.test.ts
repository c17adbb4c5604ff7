import { describe, expect, it } from 'vitest';
import { COMMAND_ID_PATTERN } from '../../bot/src/review/command.ts';

describe('a command’s id', () => {
  it.each([
    ['a UUID', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['8 characters', 'cmd_0001'],
    ['64 characters', 'a'.repeat(64)],
  ])('may be %s of letters, digits, - or _', (_what, id) => {
    expect(COMMAND_ID_PATTERN.test(id)).toBe(true);
  });

  it.each([
    ['shorter than 8 characters', 'cmd_001'],
    ['longer than 64 characters', 'a'.repeat(65)],
    ['with a space before a good id', 'x cmd-000001'],
    ['with a good id before anything else', 'cmd-000001/../x'],
    ['empty', ''],
  ])('may not be %s', (_what, id) => {
    expect(COMMAND_ID_PATTERN.test(id)).toBe(false);
  });
});
