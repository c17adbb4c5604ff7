import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { ReviewError } from '../review/errors.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageRequest {
  readonly continuation?: string;
  readonly pageSize?: number;
}

/**
 * One page of a single-partition query, resumed from the caller's opaque token.
 *
 * @remarks Paging uses the service's continuation token and `maxItemCount`, never OFFSET/LIMIT: an
 * offset costs RUs for every skipped item, and the local server does not support it. The token is
 * wrapped with the partition it belongs to and base64url-encoded, because it travels through the tab
 * (a query string) and comes back as untrusted input: a token from another query is refused rather
 * than silently restarting (the local server restarts from the first item on a token it cannot read).
 * A page may come back empty with a token (the service may stop early); it is skipped.
 */
export async function queryPage<T>(
  container: Container,
  query: SqlQuerySpec,
  partitionKey: string,
  request: PageRequest = {},
): Promise<{ items: T[]; continuation?: string }> {
  let token =
    request.continuation === undefined ? undefined : decodeContinuation(partitionKey, request.continuation);
  const maxItemCount = pageSizeOf(request.pageSize);
  for (;;) {
    const response = await container.items
      .query<T>(query, { partitionKey, maxItemCount, continuationToken: token })
      .fetchNext();
    token = response.continuationToken;
    if (response.resources.length > 0 || token === undefined) {
      return token === undefined
        ? { items: response.resources }
        : { items: response.resources, continuation: encodeContinuation(partitionKey, token) };
    }
  }
}

export function pageSizeOf(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(requested)));
}

export function encodeContinuation(partitionKey: string, token: string): string {
  return Buffer.from(JSON.stringify({ p: partitionKey, t: token }), 'utf8').toString('base64url');
}

export function decodeContinuation(partitionKey: string, opaque: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(opaque, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'p' in parsed &&
      't' in parsed &&
      parsed.p === partitionKey &&
      typeof parsed.t === 'string'
    ) {
      return parsed.t;
    }
  } catch {
    // falls through to the error below
  }
  throw new ReviewError('INVALID_INPUT', [
    { where: 'continuation', message: 'This page link is not valid any more. Start from the first page.' },
  ]);
}
