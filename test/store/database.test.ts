import { describe, expect, it } from 'vitest';
import { CONTAINERS, openDatabase } from '../../bot/src/store/database.ts';
import { startTestCosmos } from '../support/cosmos.ts';

describe('openDatabase: the same code opens Azure Cosmos DB and the local store', () => {
  it('creates each container with its partition key and indexing policy', async () => {
    const cosmos = await startTestCosmos();
    try {
      for (const name of ['cases', 'settings', 'audit'] as const) {
        const { resource } = await cosmos.db[name].read();
        expect(resource?.id).toBe(CONTAINERS[name].id);
        expect(resource?.partitionKey?.paths).toEqual(CONTAINERS[name].partitionKey.paths);
        expect(resource?.indexingPolicy?.excludedPaths).toEqual([{ path: '/*' }]);
      }
    } finally {
      await cosmos.teardown();
    }
  });

  it('opens an existing database again without touching its data', async () => {
    const cosmos = await startTestCosmos();
    try {
      await cosmos.db.cases.items.create({ id: 'CASE-0001', laCode: '860' });

      const again = await openDatabase({
        endpoint: cosmos.endpoint,
        key: cosmos.key,
        databaseId: cosmos.db.database.id,
      });
      const { statusCode } = await again.cases.item('CASE-0001', '860').read();
      again.close();

      expect(statusCode).toBe(200);
    } finally {
      await cosmos.teardown();
    }
  });

  it('needs a key or a credential', async () => {
    await expect(openDatabase({ endpoint: 'http://127.0.0.1:1', databaseId: 'ehc' })).rejects.toThrow(
      /key or a credential/,
    );
  });
});
