import { Worker } from 'node:worker_threads';
import type { Journal } from './journal.ts';

export interface SnapshotWriterOptions {
  readonly dataDir: string;
  readonly journal: Journal;
  /** A segment is closed and folded once it holds this many bytes (default 4 MB). */
  readonly segmentBytes?: number;
  /** A background fold failed; the journal still holds everything, and the next fold tries again. */
  readonly onError: (error: unknown) => void;
  readonly now?: () => Date;
}

const DEFAULT_SEGMENT_BYTES = 4 * 1024 * 1024;

/**
 * Keeps the local store's snapshot up to date from its journal: when the journal's segment passes
 * `segmentBytes`, it is closed and folded into the snapshot in a worker thread, then removed.
 *
 * @remarks Durability comes from the journal (every acknowledged write is on disk before its answer,
 * journal.ts); the snapshot only keeps the journal short and the next start quick. So the fold can
 * run at leisure off the request path: the thread that serves requests only appends a line per
 * write, however large the snapshot. Folds never overlap (each waits for the one before).
 */
export class SnapshotWriter {
  readonly #options: SnapshotWriterOptions;
  #queue: Promise<void> = Promise.resolve();
  #folding = false;

  constructor(options: SnapshotWriterOptions) {
    this.#options = options;
  }

  /** Called after each append: starts a fold in the background once the segment is big enough. */
  afterAppend(): void {
    if (this.#folding || this.#options.journal.bytes < (this.#options.segmentBytes ?? DEFAULT_SEGMENT_BYTES))
      return;
    this.flush().catch(this.#options.onError);
  }

  /** Closes the current segment and folds everything up to it into the snapshot; resolves when done. */
  flush(): Promise<void> {
    const fold = this.#queue.then(async () => {
      this.#folding = true;
      try {
        const closed = await this.#options.journal.rotate();
        await foldInWorker(this.#options.dataDir, closed, (this.#options.now ?? (() => new Date()))());
      } finally {
        this.#folding = false;
      }
      // Writes that came during the fold may have filled the new segment already.
      this.afterAppend();
    });
    this.#queue = fold.catch(() => undefined);
    return fold;
  }
}

function foldInWorker(dataDir: string, upToSeq: number, now: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./snapshot-fold-worker.ts', import.meta.url), {
      workerData: { dataDir, upToSeq, now: now.toISOString() },
    });
    let folded = false;
    worker.once('message', () => {
      folded = true;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (folded && code === 0) resolve();
      else reject(new Error(`the snapshot fold stopped with exit code ${code}`));
    });
  });
}
