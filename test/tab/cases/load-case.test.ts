import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../bot/src/review/plain-date.ts';
import { type ApiClient, ApiError } from '../../../tab/src/api/client.ts';
import type { CaseDetail } from '../../../tab/src/api/types.ts';
import { loadCasePage } from '../../../tab/src/cases/load-case.ts';

/** A case's answer on the server's today `today`; only the fields the page reads here. */
function detailOn(today: string): CaseDetail {
  return {
    today: plainDate(today),
    summary: { childName: 'Holly Bowness' },
    clock: { dates: {} },
  } as unknown as CaseDetail;
}

/** A client that answers the case as told and fails every other call: the page needs no other. */
function clientWith(caseDetail: ApiClient['caseDetail']): ApiClient {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    signInSettings: unused,
    me: unused,
    localUsers: unused,
    liveCases: unused,
    caseDetail,
    laCasesPage: unused,
    directory: unused,
    putMember: unused,
    removeMember: unused,
    arrangement: unused,
    invitations: unused,
    command: unused,
    channelLink: unused,
    linkChannel: unused,
    unlinkChannel: unused,
    localTeams: unused,
    caseMute: unused,
    setCaseMute: unused,
    runDeadlineCheck: unused,
    warningPolicy: unused,
    setWarningPolicy: unused,
    contribution: unused,
    contribute: unused,
    attachment: unused,
  };
}

describe('loading the case page', () => {
  it('counts from the server’s today that the case’s answer carries, with one request', async () => {
    const asked: string[] = [];
    const detail = detailOn('2026-11-23');
    const client = clientWith(async (laCode, caseId) => {
      asked.push(`${laCode}/${caseId}`);
      return detail;
    });
    expect(await loadCasePage(client, '999', 'NS-1026')).toEqual({ detail, today: '2026-11-23' });
    expect(asked).toEqual(['999/NS-1026']);
  });

  it('never counts from the browser’s clock: a server on another day wins', async () => {
    const page = await loadCasePage(
      clientWith(async () => detailOn('2031-01-02')),
      '999',
      'NS-1026',
    );
    expect(page.today).toBe('2031-01-02');
  });

  it('fails as the case fails: a case the user may not read is not found', async () => {
    const notFound = new ApiError(404, 'CASE_NOT_FOUND', 'No such case.');
    const client = clientWith(() => Promise.reject(notFound));
    await expect(loadCasePage(client, '999', 'NS-9999')).rejects.toBe(notFound);
  });
});
