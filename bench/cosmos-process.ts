/**
 * The local Cosmos DB server in a process of its own, so that neither the server's memory nor its
 * CPU is mixed with the store's. Sends `{ endpoint, key }` over IPC once listening; stops on 'stop'.
 */
import { startLocalCosmos } from '../bot/src/store/local-cosmos.ts';

const cosmos = await startLocalCosmos({ port: 0, host: '127.0.0.1' });
process.send?.({ endpoint: cosmos.endpoint, key: cosmos.key });
process.on('message', async (message) => {
  if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
  if (message === 'stop') {
    await cosmos.close();
    process.exit(0);
  }
});
