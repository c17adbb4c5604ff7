import { describe, expect, it } from 'vitest';
import { forgetDemoUser, readDemoUser, writeDemoUser } from '../../../tab/src/local/demo-user.ts';

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
