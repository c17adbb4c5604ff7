import { describe, expect, it } from 'vitest';
import { demoCaseFiles } from '../../bot/src/demo/demo-cases.ts';
import { DEMO_TEAM } from '../../bot/src/demo/demo-team.ts';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/demo/demo-users.ts';
import { DEMO_ACTOR, seedDemoData } from '../../bot/src/demo/seed.ts';
import type { Person } from '../../bot/src/review/case.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import type { CaseStore, StoredCase } from '../../bot/src/store/case-store.ts';
import { type ChannelLinkRecord, CosmosChannelLinks } from '../../bot/src/store/channel-links.ts';
import { CosmosAuditLog } from '../../bot/src/store/cosmos-audit-log.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { documentIdOf } from '../../bot/src/store/document-id.ts';
import { CosmosPersonIndex, withPersonIndex } from '../../bot/src/store/person-index.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';

const cosmos = freshCosmosForEachTest();
const today = plainDate('2026-11-23');
const now = () => new Date('2026-11-23T10:00:00Z');

/** Someone a developer added to a demo case. */
const ADDED: Person = {
  name: 'Professional Added',
  email: 'added@example.org',
  role: 'other-professional',
};

/** Every demo case as stored, by case id, with its ETag. */
async function everyCase(store: CaseStore): Promise<Map<string, StoredCase>> {
  const { items } = await store.pageByLa('999', { pageSize: 100 });
  const stored = await Promise.all(items.map((file) => store.get(file.case)));
  return new Map(stored.flatMap((found) => (found ? [[found.file.case.caseId, found] as const] : [])));
}

async function setUp() {
  const people = await CosmosPersonIndex.open(cosmos.db.database);
  const store = withPersonIndex(new CosmosCaseStore(cosmos.db), people);
  const audit = new CosmosAuditLog(cosmos.db.audit);
  return { people, store, audit };
}

describe('seeding the demo data', () => {
  it('links the demo team’s General channel to Harbour Primary School once, and leaves a link a developer changed', async () => {
    const { store, audit } = await setUp();
    const channelLinks = await CosmosChannelLinks.open(cosmos.db.database);
    await seedDemoData({ store, audit, today, now, channelLinks });
    const linked: ChannelLinkRecord = {
      channelId: DEMO_TEAM.channel.id,
      teamId: DEMO_TEAM.teamId,
      tenantId: DEMO_TENANT_ID,
      link: { kind: 'setting', settingUrn: DEMO_TEAM.settingUrn },
      linkedBy: DEMO_ACTOR,
      linkedAt: now().toISOString(),
      onlyReviewersConfirmed: true,
    };
    expect(await channelLinks.of(DEMO_TEAM.channel.id)).toEqual(linked);
    const changed: ChannelLinkRecord = {
      ...linked,
      link: { kind: 'la', laCode: '999' },
      linkedBy: 'developer',
    };
    await channelLinks.link(changed);
    await seedDemoData({ store, audit, today, now: () => new Date('2026-11-24T10:00:00Z'), channelLinks });
    expect(await channelLinks.of(DEMO_TEAM.channel.id)).toEqual(changed);
  });

  it('loads the 30 cases into an empty store, and nothing the second time', async () => {
    const { store, audit } = await setUp();
    expect(await seedDemoData({ store, audit, today, now })).toEqual({ seeded: true, created: 30 });
    expect(await seedDemoData({ store, audit, today, now })).toEqual({ seeded: false });
    const { items } = await store.pageByLa('999', { pageSize: 100 });
    expect(items).toHaveLength(30);
  });

  it('completes a seed that stopped midway on the next start, creating only the missing cases', async () => {
    const { store, audit } = await setUp();
    let creates = 0;
    const crashing: CaseStore = {
      ...store,
      async create(file) {
        creates += 1;
        if (creates > 12) throw new Error('the process died');
        return store.create(file);
      },
    };
    await expect(seedDemoData({ store: crashing, audit, today, now })).rejects.toThrow('the process died');
    expect((await store.pageByLa('999', { pageSize: 100 })).items).toHaveLength(12);

    expect(await seedDemoData({ store, audit, today, now })).toEqual({ seeded: true, created: 18 });
    const ids = (await store.pageByLa('999', { pageSize: 100 })).items.map((file) => file.case.caseId);
    expect(ids).toHaveLength(30);
    expect(new Set(ids)).toEqual(new Set(demoCaseFiles(today).map((file) => file.case.caseId)));
  });

  it('puts back deleted demo cases, leaving the others as they are, and nothing when all are there', async () => {
    const { store, audit } = await setUp();
    await seedDemoData({ store, audit, today, now });
    const deleted = ['NS-1003', 'NS-1017', 'NS-1030'];
    for (const caseId of deleted) await cosmos.db.cases.item(documentIdOf(caseId), '999').delete();
    const changed = await store.update({ laCode: '999', caseId: 'NS-1001' }, (file) => ({
      ...file,
      case: { ...file.case, people: [...file.case.people, ADDED] },
    }));
    const before = await everyCase(store);

    expect(await seedDemoData({ store, audit, today, now })).toEqual({ seeded: true, created: 3 });
    const after = await everyCase(store);
    expect(after.size).toBe(30);
    for (const [caseId, stored] of before) expect(after.get(caseId)?.etag, caseId).toBe(stored.etag);
    expect(after.get('NS-1001')?.etag).toBe(changed?.etag);
    expect(after.get('NS-1001')?.file.case.people).toContainEqual(ADDED);
    for (const caseId of deleted) expect(after.has(caseId), caseId).toBe(true);
    const creates = async (caseId: string) =>
      (await audit.listForCase({ laCode: '999', caseId })).items.filter((e) => e.action === 'case.create');
    expect(await creates('NS-1003')).toHaveLength(2);
    expect(await creates('NS-1002')).toHaveLength(1);

    expect(await seedDemoData({ store, audit, today, now })).toEqual({ seeded: false });
    expect(new Map([...(await everyCase(store))].map(([id, s]) => [id, s.etag]))).toEqual(
      new Map([...after].map(([id, s]) => [id, s.etag])),
    );
  });

  it('records each case it creates in the audit log as the demo', async () => {
    const { store, audit } = await setUp();
    await seedDemoData({ store, audit, today, now });
    const { items } = await audit.listForCase({ laCode: '999', caseId: 'NS-1001' });
    expect(items).toEqual([expect.objectContaining({ actor: DEMO_ACTOR, action: 'case.create' })]);
  });

  it('indexes the people each case names, so the parent and the psychologist find theirs', async () => {
    const { store, audit, people } = await setUp();
    await seedDemoData({ store, audit, today, now });
    const email = (id: string) => DEMO_USERS.find((u) => u.id === id)?.email ?? '';
    expect(await people.casesOf(email('parent-whitfield'))).toEqual([{ laCode: '999', caseId: 'NS-1016' }]);
    expect(await people.casesOf(email('ep-lowe'))).toHaveLength(6);
  });
});
