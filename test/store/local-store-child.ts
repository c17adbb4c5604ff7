/**
 * The local store in a process of its own, for the kill -9 test: `node local-store-child.ts <dataDir>
 * <journalSegmentBytes>` prints one JSON line `{ "endpoint": ... }` once it is serving.
 */
import { startLocalCosmos } from '../../bot/src/store/local-cosmos.ts';

const [dataDir, segmentBytes] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: local-store-child.ts <dataDir> [journalSegmentBytes]');
const local = await startLocalCosmos({
  dataDir,
  ...(segmentBytes ? { journalSegmentBytes: Number(segmentBytes) } : {}),
  onSnapshotError: (error) => process.stderr.write(`fold failed: ${String(error)}\n`),
});
process.stdout.write(`${JSON.stringify({ endpoint: local.endpoint })}\n`);
