/**
 * A document id for a key that comes from outside (an LA's case id, a setting's URN): the key itself,
 * with `%`, `/`, backslash, `?` and `#` written as `%XX`.
 *
 * @remarks Cosmos DB ids cannot hold `/`, backslash, `?` or `#` (the id is a segment of the item's
 * URL; the SDK refuses them on a point read), and an LA's own case ids may (`EHC/2024/017`). Escaping
 * `%` as well keeps the mapping one-to-one.
 */
export function documentIdOf(key: string): string {
  return key.replace(/[%/\\?#]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
