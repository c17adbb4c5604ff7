import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type StoreDatabase } from '../../bot/src/store/database.ts';
import { startLocalCosmos } from '../../bot/src/store/local-cosmos.ts';

export interface TestCosmos {
  /** The opened database: a unique id on a fresh server. */
  readonly db: StoreDatabase;
  readonly endpoint: string;
  readonly key: string;
  teardown(): Promise<void>;
}

/**
 * A fresh `@vercel/cosmosdb-server` on 127.0.0.1 (any free port), in memory, with the store's
 * database and containers created under a unique database id.
 */
export async function startTestCosmos(): Promise<TestCosmos> {
  const server = await startLocalCosmos({ port: 0, host: '127.0.0.1' });
  try {
    const db = await openDatabase({
      endpoint: server.endpoint,
      key: server.key,
      databaseId: `test-${randomUUID()}`,
    });
    return {
      db,
      endpoint: server.endpoint,
      key: server.key,
      teardown: async () => {
        db.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * A fresh server and database for each test in the calling file: `const cosmos = freshCosmosForEachTest();`
 * then `cosmos.db` inside a test.
 */
export function freshCosmosForEachTest(): { readonly db: StoreDatabase } {
  let current: TestCosmos | undefined;
  beforeEach(async () => {
    current = await startTestCosmos();
  });
  afterEach(async () => {
    await current?.teardown();
    current = undefined;
  });
  return {
    get db(): StoreDatabase {
      if (current === undefined)
        throw new Error('freshCosmosForEachTest: the database is only open inside a test');
      return current.db;
    },
  };
}
