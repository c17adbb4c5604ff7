/**
 * Whether two JSON-shaped values hold the same data, whatever the order of their keys.
 *
 * @remarks A property set to `undefined` counts as absent, as it is once the file has been stored as
 * JSON; without that, a file read back from the store would always differ from one built in memory.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameData(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === rightKeys.length && keys.every((key) => sameData(left[key], right[key]));
}
