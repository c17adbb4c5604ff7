import { describe, expect, it } from 'vitest';
import type { Person } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { CosmosPersonIndex, withPersonIndex } from '../../bot/src/store/person-index.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { makeFileAt, makeReview } from './factories.ts';

const cosmos = freshCosmosForEachTest();

const psychologist: Person = { name: 'Dr Eve', email: 'Eve@EP.example', role: 'educational-psychologist' };
const parent: Person = { name: 'Pat', email: 'pat@home.example', role: 'parent' };

/** `file` with `person` invited to its review, the invitations sent (until then the list is a draft). */
function inviting(file: CaseFile, person: Person): CaseFile {
  const review = file.review ?? makeReview({ stage: 'contributing' });
  const invitee = { id: `i${review.invitees.length + 1}`, person, requestInformation: true };
  return { ...file, review: { ...review, invitees: [...review.invitees, invitee] } };
}

async function setUp() {
  const index = await CosmosPersonIndex.open(cosmos.db.database);
  return { index, store: withPersonIndex(new CosmosCaseStore(cosmos.db), index) };
}

describe('the person index', () => {
  it('finds the cases that invite a person, by their address in any case', async () => {
    const { index, store } = await setUp();
    await store.create(inviting(makeFileAt('860', 'A-1'), psychologist));
    await store.create(inviting(makeFileAt('937', 'B-2'), psychologist));
    await store.create(makeFileAt('860', 'C-3'));
    expect(await index.casesOf('eve@ep.example')).toEqual([
      { laCode: '860', caseId: 'A-1' },
      { laCode: '937', caseId: 'B-2' },
    ]);
  });

  it('finds the family through the case’s people, with no review', async () => {
    const { index, store } = await setUp();
    const file = makeFileAt('860', 'A-1');
    await store.create({ ...file, case: { ...file.case, people: [parent] } });
    expect(await index.casesOf('PAT@home.example')).toEqual([{ laCode: '860', caseId: 'A-1' }]);
  });

  it('keeps up with an update that invites someone', async () => {
    const { index, store } = await setUp();
    await store.create(makeFileAt('860', 'A-1', '100001', makeReview({ stage: 'contributing' })));
    await store.update({ laCode: '860', caseId: 'A-1' }, (file) => inviting(file, psychologist));
    expect(await index.casesOf(psychologist.email)).toEqual([{ laCode: '860', caseId: 'A-1' }]);
  });

  it('keeps up with a replace', async () => {
    const { index, store } = await setUp();
    const stored = await store.create(
      makeFileAt('860', 'A-1', '100001', makeReview({ stage: 'contributing' })),
    );
    await store.replace(inviting(stored.file, psychologist), stored.etag);
    expect(await index.casesOf(psychologist.email)).toHaveLength(1);
  });

  it('is a superset: someone taken off a review keeps an entry, which a read checks against the case', async () => {
    const { index, store } = await setUp();
    await store.create(
      inviting(makeFileAt('860', 'A-1', '100001', makeReview({ stage: 'contributing' })), psychologist),
    );
    await store.update({ laCode: '860', caseId: 'A-1' }, (file) =>
      file.review ? { ...file, review: { ...file.review, invitees: [] } } : file,
    );
    expect(await index.casesOf(psychologist.email)).toHaveLength(1);
    await index.remove(psychologist.email, { laCode: '860', caseId: 'A-1' });
    expect(await index.casesOf(psychologist.email)).toEqual([]);
  });

  it('leaves an update of a case that does not exist to the store', async () => {
    const { store } = await setUp();
    expect(await store.update({ laCode: '860', caseId: 'NONE' }, (file) => file)).toBeUndefined();
  });

  it('holds no name, only the address it is keyed by and the case', async () => {
    const { store } = await setUp();
    await store.create(inviting(makeFileAt('860', 'A-1'), psychologist));
    const { resources } = await cosmos.db.database.container('people').items.readAll().fetchAll();
    expect(resources).toHaveLength(1);
    expect(JSON.stringify(resources)).not.toContain('Dr Eve');
    expect(resources[0]).toMatchObject({ personKey: 'eve@ep.example', laCode: '860', caseId: 'A-1' });
  });
});
