import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import type { ApiClient } from '../api/client.ts';
import type { CaseDetail } from '../api/types.ts';

/** What the case page shows: the case and the server's today its dates are counted from. */
export interface CasePage {
  readonly detail: CaseDetail;
  /** The server's today in Europe/London, as the case's answer carried it: never the browser's. */
  readonly today: PlainDate;
}

/**
 * The case, with the today it was counted on.
 *
 * @remarks One request: the case's answer carries the server's today, so "in 5 days" on the page is
 * counted from the same date as the clock that says what is overdue, even on a link opened afresh.
 */
export async function loadCasePage(client: ApiClient, laCode: string, caseId: string): Promise<CasePage> {
  const detail = await client.caseDetail(laCode, caseId);
  return { detail, today: detail.today };
}
