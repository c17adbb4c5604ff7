import type { CaseloadDeps } from '../../bot/src/caseload/caseload.ts';
import { DEMO_TENANT_ID } from '../../bot/src/demo/demo-users.ts';
import { demoPolicyFor, demoSettingName } from '../../bot/src/demo/northshire.ts';
import { seedDemoData } from '../../bot/src/demo/seed.ts';
import type { DirectoryUser } from '../../bot/src/identity/user-directory.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import type { AuditEntry, AuditLog, ListAuditEntry } from '../../bot/src/store/audit-log.ts';
import type { StoreDatabase } from '../../bot/src/store/database.ts';
import { storesOver } from '../../bot/src/store/open-stores.ts';
import { TEST_NOW, TEST_TODAY } from '../support/app.ts';

/**
 * The audit log over `real`, whose writes (`record`, `recordListRead`, counted together) reject from
 * the `failFrom`-th on (1 = every write): the audit store gone, or throttling one write among many.
 */
export function failingAuditLog(
  real: AuditLog,
  failFrom = 1,
): AuditLog & { readonly attempts: (AuditEntry | ListAuditEntry)[] } {
  const attempts: (AuditEntry | ListAuditEntry)[] = [];
  const attempt = (entry: AuditEntry | ListAuditEntry): void => {
    attempts.push(entry);
    if (attempts.length >= failFrom) throw new Error('the audit store is unavailable (503)');
  };
  return {
    attempts,
    async record(entry) {
      attempt(entry);
      await real.record(entry);
    },
    async recordListRead(entry) {
      attempt(entry);
      await real.recordListRead(entry);
    },
    listForCase: (ref, options) => real.listForCase(ref, options),
    listReadsOf: (ref, options) => real.listReadsOf(ref, options),
  };
}

/** The caseload over `db` with the demo data seeded, its audit log made by `audit` from the real one. */
export async function makeDemoCaseload(
  db: StoreDatabase,
  audit: (real: AuditLog) => AuditLog = (real) => real,
): Promise<CaseloadDeps & { readonly realAudit: AuditLog }> {
  const stores = await storesOver(db, { policyFor: demoPolicyFor });
  const now = () => TEST_NOW;
  await seedDemoData({
    store: stores.cases,
    audit: stores.audit,
    advice: stores.advice,
    today: plainDate(TEST_TODAY),
    now,
  });
  return {
    store: stores.cases,
    listings: stores.listings,
    people: stores.people,
    audit: audit(stores.audit),
    realAudit: stores.audit,
    policyFor: demoPolicyFor,
    settingName: demoSettingName,
    now,
  };
}

/** A social worker the demo Disability Service allocates (fictional, at a reserved domain). */
export const SOCIAL_WORKER: DirectoryUser = {
  id: 'sw-okafor',
  name: 'Tomi Okafor',
  email: 'tomi.okafor@northshire.example',
  description: 'Social worker, Northshire Disability Service',
  identity: { tenantId: DEMO_TENANT_ID, objectId: '0f4e2d6a-1b3c-4d5e-8f70-a1b2c3d4e5f6' },
  roles: [],
};
