import type { DateKey } from '../../../bot/src/review/clock.ts';
import type { Problem } from '../../../bot/src/review/errors.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import type { Stage } from '../../../bot/src/review/review.ts';
import type { RuleId } from '../../../bot/src/review/rules.ts';

/**
 * The shapes of the REST API the tab calls (`/api/...`), as the tab reads them.
 *
 * @remarks The tab imports the domain's types only, never its code (DESIGN.md section 4), so these
 * are written against the same words the server uses: a `Stage`, a `DateKey`, a `RuleId`.
 */
export type Mode = 'local' | 'azure';

export type UserRole =
  | { readonly kind: 'senco'; readonly settingUrn: string }
  | { readonly kind: 'la-officer'; readonly laCode: string };

export interface SignedInUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly UserRole[];
}

export interface Me {
  readonly mode: Mode;
  readonly user: SignedInUser;
}

/** A fictional demo user offered by the local-mode sign-in picker. */
export interface LocalUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Who they are in the demo, e.g. "SENCo, Oakfield Primary School". */
  readonly description: string;
}

export interface LocalUsers {
  readonly users: readonly LocalUser[];
}

export interface NextAction {
  readonly label: string;
  /** Who acts: the setting (the SENCo) or the LA. */
  readonly by: 'setting' | 'la';
  readonly due?: PlainDate;
  readonly rule?: RuleId;
  /** The due date follows the recommended timeline or guidance, not the law: it is never "overdue". */
  readonly recommended?: boolean;
}

export interface CaseSummary {
  readonly laCode: string;
  readonly caseId: string;
  readonly childName: string;
  readonly settingUrn: string;
  readonly settingName?: string;
  readonly stage: Stage;
  readonly reviewBy: { readonly date: PlainDate; readonly rule: RuleId; readonly explanation: string };
  readonly nextAction: NextAction;
  /** The dates passed with their step not done. */
  readonly overdue: readonly DateKey[];
  readonly dueSoon: boolean;
  readonly pfaRequired: boolean;
}

export interface LiveCasesResponse {
  /** The server's today in Europe/London: dates are compared with it, never with the browser's clock. */
  readonly today: PlainDate;
  /** Most urgent first. */
  readonly cases: readonly CaseSummary[];
}

export interface CaseDetail {
  readonly summary: CaseSummary;
  readonly clock: unknown;
}

/** The body of every 4xx answer. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly problems: readonly Problem[] };
}
