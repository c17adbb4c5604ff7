/**
 * The HTTP status of a failed Cosmos DB request, read from the SDK's error (`ErrorResponse.code`).
 *
 * @remarks Duck-typed rather than `instanceof ErrorResponse`: the SDK also throws plain errors carrying
 * a numeric `code` (a timeout, a split), and the status is all the store decides on.
 */
export function cosmosStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

export const STATUS = {
  notFound: 404,
  conflict: 409,
  preconditionFailed: 412,
} as const;

/** Cosmos DB's system properties: never handed out of the store. */
export const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_ts', '_attachments', '_lsn'] as const;

export function withoutSystemProperties<T extends object>(
  document: T,
): Omit<T, (typeof SYSTEM_PROPERTIES)[number]> {
  const copy: Record<string, unknown> = { ...(document as Record<string, unknown>) };
  for (const name of SYSTEM_PROPERTIES) delete copy[name];
  return copy as Omit<T, (typeof SYSTEM_PROPERTIES)[number]>;
}
