import { ReviewError } from '../review/errors.ts';
import { mayConfigureWarnings } from '../review/permissions.ts';
import {
  checkWarningPolicy,
  DEFAULT_WARNING_POLICY,
  describeWarningPolicy,
  type WarningPolicy,
} from '../review/warning-policy.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { CosmosLaConfig } from '../store/la-config.ts';
import type { Reader } from './caseload.ts';

export interface WarningPolicyDeps {
  readonly config: Pick<CosmosLaConfig, 'warningPolicy' | 'setWarningPolicy'>;
  readonly audit: Pick<AuditLog, 'record'>;
  readonly now: () => Date;
}

/** When an LA warns of its dates, as its officers and admins see it. */
export interface WarningPolicyView {
  readonly laCode: string;
  readonly policy: WarningPolicy;
  /** False while the LA has chosen nothing and the product's defaults apply. */
  readonly chosen: boolean;
  readonly setAt?: string;
  /** The policy in words ("4 weeks before, 1 week before and on the day, then every 7 days while overdue"). */
  readonly words: string;
}

/** The audit partition of an LA's configuration changes. */
export function laConfigAuditKey(laCode: string): string {
  return `la-config:${laCode}`;
}

/** When LA `laCode` warns of its dates; WARNINGS_CONFIG_NOT_ALLOWED for anyone but its officers and admins. */
export async function readWarningPolicy(
  reader: Reader,
  laCode: string,
  deps: WarningPolicyDeps,
): Promise<WarningPolicyView> {
  if (!mayConfigureWarnings(reader.actor, laCode)) throw new ReviewError('WARNINGS_CONFIG_NOT_ALLOWED');
  const stored = await deps.config.warningPolicy(laCode);
  return viewOf(laCode, stored?.policy ?? DEFAULT_WARNING_POLICY, stored?.setAt);
}

/**
 * Sets when LA `laCode` warns of its dates, from the next deadline check on; audited in the LA's
 * configuration partition with the policy chosen.
 *
 * @remarks The domain checks the policy (review/warning-policy.ts `checkWarningPolicy`) before anything
 * is written, so a policy it refuses changes nothing. Setting the same policy again writes it again
 * and is audited again, so a retry after AUDIT_UNAVAILABLE is audited.
 */
export async function setWarningPolicy(
  reader: Reader,
  laCode: string,
  asked: WarningPolicy,
  deps: WarningPolicyDeps,
): Promise<WarningPolicyView> {
  if (!mayConfigureWarnings(reader.actor, laCode)) throw new ReviewError('WARNINGS_CONFIG_NOT_ALLOWED');
  const policy = checkWarningPolicy(asked);
  const at = deps.now().toISOString();
  await deps.config.setWarningPolicy(laCode, policy, at);
  try {
    await deps.audit.record({
      at,
      actor: reader.accountKey,
      action: 'warnings.policy.set',
      caseKey: laConfigAuditKey(laCode),
      detail: {
        via: reader.via,
        daysBefore: policy.daysBefore.join(','),
        overdueEveryDays: String(policy.overdueEveryDays),
      },
    });
  } catch (cause) {
    throw new ReviewError(
      'AUDIT_UNAVAILABLE',
      [],
      'Saved, but it could not be recorded in the audit log yet. Save it again.',
      { cause },
    );
  }
  return viewOf(laCode, policy, at);
}

function viewOf(laCode: string, policy: WarningPolicy, setAt: string | undefined): WarningPolicyView {
  return {
    laCode,
    policy,
    chosen: setAt !== undefined,
    ...(setAt !== undefined ? { setAt } : {}),
    words: describeWarningPolicy(policy),
  };
}
