import { describe, expect, it } from 'vitest';
import { DEMO_USER_PARAM, demoSignInUrl } from '../../../bot/src/demo/demo-users.ts';
import {
  forgetDemoUser,
  readDemoUser,
  takeDemoUserFromAddress,
  writeDemoUser,
} from '../../../tab/src/local/demo-user.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => items.delete(key),
    setItem: (key, value) => items.set(key, value),
  };
}

describe('the demo user chosen in local mode', () => {
  it('is kept for the browser tab until forgotten (Switch user)', () => {
    const storage = memoryStorage();
    expect(readDemoUser(storage)).toBeUndefined();
    writeDemoUser('senco-1', storage);
    expect(readDemoUser(storage)).toBe('senco-1');
    forgetDemoUser(storage);
    expect(readDemoUser(storage)).toBeUndefined();
  });

  it('is simply not kept where storage is refused (a sandboxed iframe)', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    expect(() => writeDemoUser('senco-1', refusing)).not.toThrow();
    expect(readDemoUser(refusing)).toBeUndefined();
    expect(() => forgetDemoUser(refusing)).not.toThrow();
  });
});

describe('the demo user the bot’s link names', () => {
  it('is taken as the chosen one and out of the address, keeping the page', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    const href = demoSignInUrl('http://localhost:3978/', 'senco-harbour');
    expect(new URL(href).searchParams.get(DEMO_USER_PARAM)).toBe('senco-harbour');

    const taken = takeDemoUserFromAddress(
      { href: `${href}#/cases/999/NS-1001` },
      { replaceState: (_data, _unused, url) => replaced.push(String(url)) },
      storage,
    );

    expect(taken).toBe('senco-harbour');
    expect(readDemoUser(storage)).toBe('senco-harbour');
    expect(replaced).toEqual(['http://localhost:3978/#/cases/999/NS-1001']);
  });

  it('is nothing when the address names none, and leaves the address alone', () => {
    const replaced: unknown[] = [];
    const storage = memoryStorage();
    expect(
      takeDemoUserFromAddress(
        { href: 'http://localhost:3978/#/' },
        { replaceState: (...a) => replaced.push(a) },
        storage,
      ),
    ).toBeUndefined();
    expect(replaced).toEqual([]);
    expect(readDemoUser(storage)).toBeUndefined();
  });
});
