import { caseKey } from '../review/case.ts';
import { isReviewError } from '../review/errors.ts';
import type { PlainDate } from '../review/plain-date.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { CaseStore } from '../store/case-store.ts';
import { demoCaseFiles } from './demo-cases.ts';
import { DEMO_LA } from './northshire.ts';

export const DEMO_ACTOR = 'system:demo';

export interface SeedOptions {
  readonly store: CaseStore;
  readonly audit: AuditLog;
  readonly today: PlainDate;
  readonly now: () => Date;
}

export type SeedResult = { readonly seeded: true; readonly created: number } | { readonly seeded: false };

/**
 * Loads the fictional demo cases into a local store that has none of them: on the first `npm start`,
 * and never again, so what a developer changes in the demo stays changed.
 *
 * @remarks "None of them" is asked of the demo LA (one single-partition query), so that cases a
 * developer imported for another LA do not stop the demo loading, and the demo is never loaded twice.
 * Each file is created on its own; one that already exists (another process seeding at the same time)
 * is skipped. The dates are counted from the day of the first start: delete `.data/` to load the demo
 * again for today.
 */
export async function seedDemoData(options: SeedOptions): Promise<SeedResult> {
  const { store, audit, today, now } = options;
  const existing = await store.pageByLa(DEMO_LA.code, { pageSize: 1 });
  if (existing.items.length > 0) return { seeded: false };
  let created = 0;
  for (const file of demoCaseFiles(today)) {
    try {
      await store.create(file);
      created += 1;
      await audit.record({
        at: now().toISOString(),
        actor: DEMO_ACTOR,
        action: 'case.create',
        caseKey: caseKey(file.case),
        detail: { source: 'demo' },
      });
    } catch (error) {
      if (!isReviewError(error) || error.code !== 'STALE_WRITE') throw error;
    }
  }
  return { seeded: true, created };
}
