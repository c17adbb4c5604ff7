import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../bot/src/review/plain-date.ts';
import { type ApiClient, ApiError } from '../../../tab/src/api/client.ts';
import type { CaseDetail } from '../../../tab/src/api/types.ts';
import { loadCasePage } from '../../../tab/src/cases/load-case.ts';

const DETAIL = { summary: { childName: 'Holly Bowness' }, clock: { dates: {} } } as unknown as CaseDetail;

/** A client whose case and today answer as told; the other calls are not used. */
function clientWith(caseDetail: ApiClient['caseDetail'], serverToday: ApiClient['serverToday']): ApiClient {
  const unused = () => Promise.reject(new Error('not used'));
  return { me: unused, localUsers: unused, liveCases: unused, caseDetail, serverToday };
}

describe('loading the case page', () => {
  it('brings the case and the server’s today its dates are counted from', async () => {
    const asked: string[] = [];
    const client = clientWith(
      async (laCode, caseId) => {
        asked.push(`${laCode}/${caseId}`);
        return DETAIL;
      },
      async () => plainDate('2026-11-23'),
    );
    expect(await loadCasePage(client, '999', 'NS-1026')).toEqual({ detail: DETAIL, today: '2026-11-23' });
    expect(asked).toEqual(['999/NS-1026']);
  });

  it('still shows the case when the server’s today cannot be learned', async () => {
    const client = clientWith(
      async () => DETAIL,
      () => Promise.reject(new ApiError(0, 'NETWORK_ERROR', 'unreachable')),
    );
    expect(await loadCasePage(client, '999', 'NS-1026')).toEqual({ detail: DETAIL });
  });

  it('fails as the case fails: a case the user may not read is not found', async () => {
    const notFound = new ApiError(404, 'CASE_NOT_FOUND', 'No such case.');
    const client = clientWith(
      () => Promise.reject(notFound),
      async () => plainDate('2026-11-23'),
    );
    await expect(loadCasePage(client, '999', 'NS-9999')).rejects.toBe(notFound);
  });
});
