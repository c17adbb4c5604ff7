import { describe, expect, it } from 'vitest';
import { demoAdviceDocuments } from '../../bot/src/demo/demo-advice.ts';
import { demoCaseFiles } from '../../bot/src/demo/demo-cases.ts';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { seedDemoData } from '../../bot/src/demo/seed.ts';
import { identityKey } from '../../bot/src/review/case.ts';
import { adviceProblems } from '../../bot/src/review/contribute/advice.ts';
import { mayReadAdvice } from '../../bot/src/review/permissions.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { CosmosAdviceStore } from '../../bot/src/store/advice-store.ts';
import { CosmosAuditLog } from '../../bot/src/store/cosmos-audit-log.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';

const cosmos = freshCosmosForEachTest();
const today = plainDate('2026-11-23');
const files = demoCaseFiles(today);
const rosa = demoUser('senco-harbour');
const actorOf = (user: typeof rosa) => ({ identity: user.identity, email: user.email, roles: user.roles });

describe('the demo advice', () => {
  it('is one document for each piece of advice a demo review’s index names, submitted ones complete', () => {
    for (const file of files) {
      const documents = demoAdviceDocuments(file);
      expect(documents.map((d) => d.key)).toEqual(file.review?.advice.map((a) => a.id) ?? []);
      for (const document of documents.filter((d) => d.state === 'submitted')) {
        expect(adviceProblems(document.content, file.case.outcomes, true), file.case.caseId).toEqual([]);
      }
    }
    const all = files.flatMap(demoAdviceDocuments);
    expect(all.filter((d) => d.state === 'draft').length).toBeGreaterThan(0);
    expect(
      all.filter((d) => d.state === 'submitted' && d.content.provision.length > 0).length,
    ).toBeGreaterThan(0);
  });

  it('gives the SENCo of Harbour Primary a draft of the setting’s advice that only she can read', () => {
    const file = files.find((f) => f.case.caseId === 'NS-1016');
    const draft = file && demoAdviceDocuments(file).find((d) => d.key === 'setting');
    expect(draft).toMatchObject({ state: 'draft', writtenBy: identityKey(rosa.identity) });
    if (!file || !draft) return;
    expect(mayReadAdvice(actorOf(rosa), draft, file)).toBe(true);
    expect(mayReadAdvice(actorOf(demoUser('la-coordinator')), draft, file)).toBe(false);
  });

  it('is written by the seed once, beside the cases', async () => {
    const store = new CosmosCaseStore(cosmos.db);
    const audit = new CosmosAuditLog(cosmos.db.audit);
    const advice = await CosmosAdviceStore.open(cosmos.db.database);
    const now = () => new Date('2026-11-23T10:00:00Z');
    await seedDemoData({ store, audit, advice, today, now });
    await seedDemoData({ store, audit, advice, today, now });
    const file = files.find((f) => f.case.caseId === 'NS-1018');
    const stored = file?.review ? await advice.listOfReview(file.case, file.review.id) : [];
    expect(stored.map((d) => d.key)).toEqual(file?.review?.advice.map((a) => a.id).sort());
  });
});
