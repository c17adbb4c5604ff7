import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../bot/src/demo/demo-users.ts';
import { DEMO_ACTOR, seedDemoData } from '../../bot/src/demo/seed.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { CosmosAuditLog } from '../../bot/src/store/cosmos-audit-log.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { CosmosPersonIndex, withPersonIndex } from '../../bot/src/store/person-index.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';

const cosmos = freshCosmosForEachTest();
const today = plainDate('2026-11-23');
const now = () => new Date('2026-11-23T10:00:00Z');

async function setUp() {
  const people = await CosmosPersonIndex.open(cosmos.db.database);
  const store = withPersonIndex(new CosmosCaseStore(cosmos.db), people);
  const audit = new CosmosAuditLog(cosmos.db.audit);
  return { people, store, audit };
}

describe('seeding the demo data', () => {
  it('loads the 30 cases into an empty store, and nothing the second time', async () => {
    const { store, audit } = await setUp();
    expect(await seedDemoData({ store, audit, today, now })).toEqual({ seeded: true, created: 30 });
    expect(await seedDemoData({ store, audit, today, now })).toEqual({ seeded: false });
    const { items } = await store.pageByLa('999', { pageSize: 100 });
    expect(items).toHaveLength(30);
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
