import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type StoreDatabase } from '../../bot/src/store/database.ts';
import { type LocalCosmos, startLocalCosmos } from '../../bot/src/store/local-cosmos.ts';

/** A local store on a free port with a database of its own, and the environment that points a command at it. */
export interface CliStore {
  readonly server: LocalCosmos;
  readonly db: StoreDatabase;
  readonly dataDir: string;
  /** No Azure settings: the command uses the local store already running on this port. */
  readonly env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startCliStore(prefix: string): Promise<CliStore> {
  const server = await startLocalCosmos({ port: 0 });
  const databaseId = `cli-${randomUUID()}`;
  const db = await openDatabase({ endpoint: server.endpoint, key: server.key, databaseId });
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  return {
    server,
    db,
    dataDir,
    env: {
      COSMOS_ENDPOINT: '',
      COSMOS_KEY: '',
      COSMOS_DATABASE: databaseId,
      LOCAL_COSMOS_PORT: new URL(server.endpoint).port,
      EHC_DATA_DIR: dataDir,
    },
    async close() {
      db.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
