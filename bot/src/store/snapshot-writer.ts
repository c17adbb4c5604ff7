import type { CosmosClient } from '@azure/cosmos';
import { takeSnapshot, writeSnapshot } from './snapshot.ts';

export interface SnapshotWriterOptions {
  readonly client: CosmosClient;
  readonly file: string;
  /** How long after a write the snapshot is saved; more writes within it are saved together. */
  readonly delayMs: number;
  /** A background save failed; the data is still in memory and the next save tries again. */
  readonly onError: (error: unknown) => void;
  readonly now?: () => Date;
}

/**
 * The next save waits at least this many times as long as the last one took: each save reads the
 * whole store, so during a bulk write (an import of 10,000 cases) fixed short delays would spend most
 * of the time saving. This keeps saving to about a fifth of the time at most.
 */
const SAVE_BACKOFF = 4;

/**
 * Saves the local store's snapshot after writes, debounced: the first write after a save starts a
 * timer, and the save reads everything that was written by then.
 *
 * @remarks Saves never overlap (each waits for the one before). A write that lands while a save is
 * reading marks the store dirty again, so a later save picks it up: the file may briefly lag the
 * store, never lose a write that a later save has seen.
 */
export class SnapshotWriter {
  readonly #options: SnapshotWriterOptions;
  #dirty = false;
  #lastSaveMs = 0;
  #timer: NodeJS.Timeout | undefined;
  #queue: Promise<void> = Promise.resolve();

  constructor(options: SnapshotWriterOptions) {
    this.#options = options;
  }

  markDirty(): void {
    this.#dirty = true;
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.flush().catch(this.#options.onError);
      },
      Math.max(this.#options.delayMs, SAVE_BACKOFF * this.#lastSaveMs),
    );
  }

  /** Saves now if anything changed since the last save; resolves when the file is written. */
  flush(): Promise<void> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    const save = this.#queue.then(() => this.#saveIfDirty());
    this.#queue = save.catch(() => undefined);
    return save;
  }

  async #saveIfDirty(): Promise<void> {
    if (!this.#dirty) return;
    this.#dirty = false;
    const started = performance.now();
    try {
      const snapshot = await takeSnapshot(this.#options.client, (this.#options.now ?? (() => new Date()))());
      await writeSnapshot(this.#options.file, snapshot);
      this.#lastSaveMs = performance.now() - started;
    } catch (error) {
      this.#dirty = true;
      throw error;
    }
  }
}
