/**
 * The worker thread that folds the local store's journal into its snapshot (snapshot-writer.ts), so
 * the fold's reading, JSON work and writing never run on the thread that serves requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { foldSegments } from './snapshot-fold.ts';

const { dataDir, upToSeq, now } = workerData as { dataDir: string; upToSeq: number; now: string };
await foldSegments(dataDir, upToSeq, new Date(now));
parentPort?.postMessage('folded');
