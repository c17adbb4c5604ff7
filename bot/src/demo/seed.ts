import { caseKey } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { isReviewError } from '../review/errors.ts';
import type { PlainDate } from '../review/plain-date.ts';
import type { AdviceStore } from '../store/advice-store.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { CaseStore } from '../store/case-store.ts';
import type { CosmosChannelLinks } from '../store/channel-links.ts';
import { demoAdviceDocuments } from './demo-advice.ts';
import { demoCaseFiles } from './demo-cases.ts';
import { DEMO_TEAM } from './demo-team.ts';
import { DEMO_TENANT_ID } from './demo-users.ts';

export const DEMO_ACTOR = 'system:demo';

export interface SeedOptions {
  readonly store: CaseStore;
  /** Where the demo reviews' advice documents go (demo-advice.ts); without it, none are written. */
  readonly advice?: AdviceStore;
  readonly audit: AuditLog;
  readonly today: PlainDate;
  readonly now: () => Date;
  /** Where the demo team's channel is linked to Harbour Primary School's cases, when given. */
  readonly channelLinks?: Pick<CosmosChannelLinks, 'of' | 'link'>;
}

/** `seeded` when at least one demo case was missing and has been created. */
export type SeedResult = { readonly seeded: true; readonly created: number } | { readonly seeded: false };

/**
 * Loads every fictional demo case the local store is missing: all of them on the first `npm start`,
 * the rest on the next start after one that stopped midway, none once all are there.
 *
 * @remarks Idempotent per case, so a crash while seeding never leaves the demo half-loaded for good:
 * each demo case is looked up by its id (a point read) and created only when missing, and a create
 * that meets the case already there (another process seeding at the same time) counts as there. A
 * case that exists is never written, so what a developer changed in it stays changed; a demo case
 * a developer deleted comes back on the next start. Its `case.create` audit entry is recorded after
 * the create, so a crash between the two leaves a case without it (the log never claims a create
 * that did not happen). The dates are counted from the day a case is created: delete `.data/` to
 * load the demo again for today.
 */
export async function seedDemoData(options: SeedOptions): Promise<SeedResult> {
  const { store, audit, today, now } = options;
  let created = 0;
  for (const file of demoCaseFiles(today)) {
    if (options.advice) await adviceIfMissing(options.advice, file);
    if (await createIfMissing(store, file)) {
      created += 1;
      await audit.record({
        at: now().toISOString(),
        actor: DEMO_ACTOR,
        action: 'case.create',
        caseKey: caseKey(file.case),
        detail: { source: 'demo' },
      });
    }
  }
  if (options.channelLinks) await linkDemoChannel(options.channelLinks, now);
  return created > 0 ? { seeded: true, created } : { seeded: false };
}

/**
 * Links the demo team's General channel to Harbour Primary School's cases (issue 13: "the demo team
 * and its channel are linked"), unless the channel has a link: one a developer changed on the
 * configuration page stays as they left it.
 */
async function linkDemoChannel(
  links: Pick<CosmosChannelLinks, 'of' | 'link'>,
  now: () => Date,
): Promise<void> {
  if (await links.of(DEMO_TEAM.channel.id)) return;
  await links.link({
    channelId: DEMO_TEAM.channel.id,
    teamId: DEMO_TEAM.teamId,
    tenantId: DEMO_TENANT_ID,
    link: { kind: 'setting', settingUrn: DEMO_TEAM.settingUrn },
    linkedBy: DEMO_ACTOR,
    linkedAt: now().toISOString(),
    onlyReviewersConfirmed: true,
  });
}

/**
 * Writes each advice document the demo file's index names, unless it is there. Before the case file,
 * so the file never names advice whose document a crash left unwritten.
 */
async function adviceIfMissing(advice: AdviceStore, file: CaseFile): Promise<void> {
  for (const document of demoAdviceDocuments(file)) {
    if (await advice.get(file.case, document.reviewId, document.key)) continue;
    try {
      await advice.put(document, undefined);
    } catch (error) {
      // Another process wrote it first.
      if (!(isReviewError(error) && error.code === 'STALE_WRITE')) throw error;
    }
  }
}

/** Creates `file` unless its case exists; whether this call created it. */
async function createIfMissing(store: CaseStore, file: CaseFile): Promise<boolean> {
  if (await store.get(file.case)) return false;
  try {
    await store.create(file);
    return true;
  } catch (error) {
    // STALE_WRITE on create: the case is there already (case-store.ts).
    if (isReviewError(error) && error.code === 'STALE_WRITE') return false;
    throw error;
  }
}
