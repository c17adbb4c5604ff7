import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import type { ApiClient } from '../api/client.ts';
import type { CaseDetail } from '../api/types.ts';

/** What the case page shows: the case and the server's today its dates are counted from. */
export interface CasePage {
  readonly detail: CaseDetail;
  /** Absent when the server's today could not be learned: the dates show without "in 5 days". */
  readonly today?: PlainDate;
}

/**
 * The case and the server's today, asked for together.
 *
 * @remarks The case's answer does not carry the server's today (bot/src/api/routes.ts), so it comes
 * from the live cases answer the tab already holds or asks for (`ApiClient.serverToday`). Failing to
 * learn it does not hide the statutory clock: what is overdue is the clock's to say, not the tab's.
 */
export async function loadCasePage(client: ApiClient, laCode: string, caseId: string): Promise<CasePage> {
  const [detail, today] = await Promise.all([
    client.caseDetail(laCode, caseId),
    client.serverToday().catch(() => undefined),
  ]);
  return today ? { detail, today } : { detail };
}
