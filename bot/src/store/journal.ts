import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One write the local store acknowledged, as it is replayed: the resulting document (or its
 * removal), or a database or container made or dropped. Idempotent: applying an entry twice leaves
 * what applying it once does, so a segment folded twice (a crash mid-fold) changes nothing.
 */
export type JournalEntry =
  | { readonly op: 'db'; readonly db: string }
  | { readonly op: 'dropDb'; readonly db: string }
  | { readonly op: 'coll'; readonly db: string; readonly def: ContainerDef }
  | { readonly op: 'dropColl'; readonly db: string; readonly coll: string }
  | { readonly op: 'put'; readonly db: string; readonly coll: string; readonly doc: StoredDocument }
  | {
      readonly op: 'del';
      readonly db: string;
      readonly coll: string;
      readonly id: string;
      /** The partition key value, as the request's `x-ms-documentdb-partitionkey` gave it (JSON). */
      readonly pk: unknown;
    };

export interface ContainerDef {
  readonly id: string;
  readonly partitionKey: { readonly paths: readonly string[] } & Readonly<Record<string, unknown>>;
  readonly indexingPolicy?: Readonly<Record<string, unknown>>;
  readonly uniqueKeyPolicy?: Readonly<Record<string, unknown>>;
}

export type StoredDocument = { readonly id: string } & Readonly<Record<string, unknown>>;

const SEGMENT_PATTERN = /^cosmos-journal\.(\d{6,})\.jsonl$/;

export function segmentName(seq: number): string {
  return `cosmos-journal.${String(seq).padStart(6, '0')}.jsonl`;
}

/** The journal's segments in `dir`, oldest first. */
export async function listSegments(dir: string): Promise<{ seq: number; file: string }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const match = SEGMENT_PATTERN.exec(name);
      return match?.[1] ? [{ seq: Number(match[1]), file: join(dir, name) }] : [];
    })
    .sort((a, b) => a.seq - b.seq);
}

/**
 * A segment's entries. A last line cut short is dropped: the process died while writing it, so it
 * was never flushed and never acknowledged. A bad line anywhere else is damage, and throws.
 */
export async function readSegment(file: string): Promise<JournalEntry[]> {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  lines.forEach((line, index) => {
    if (line === '') return;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch (error) {
      const last = index === lines.length - 1;
      if (!last) {
        throw new Error(`${file} line ${index + 1} is damaged; move the file aside to start without it`, {
          cause: error,
        });
      }
    }
  });
  return entries;
}

/**
 * The local store's append-only journal: one JSON line per acknowledged write, in a numbered segment.
 * `append` resolves once the line is on disk (written and `fdatasync`ed); lines that arrive while a
 * flush runs go out together in the next one (group commit), so many writes at once cost one
 * flush, not one each.
 */
export class Journal {
  readonly #dir: string;
  #seq: number;
  #handle: FileHandle;
  #bytes = 0;
  #pending: { line: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #scheduled = false;
  #tail: Promise<void> = Promise.resolve();

  private constructor(dir: string, seq: number, handle: FileHandle) {
    this.#dir = dir;
    this.#seq = seq;
    this.#handle = handle;
  }

  /** Opens a new segment `seq` in `dir` for appending. */
  static async open(dir: string, seq: number): Promise<Journal> {
    return new Journal(dir, seq, await openSegment(dir, seq));
  }

  /** The segment being written. */
  get seq(): number {
    return this.#seq;
  }

  /** Bytes written to the current segment. */
  get bytes(): number {
    return this.#bytes;
  }

  append(entry: JournalEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ line: `${JSON.stringify(entry)}\n`, resolve, reject });
      if (this.#scheduled) return;
      this.#scheduled = true;
      this.#tail = this.#tail.then(() => this.#flush());
    });
  }

  /** Closes the current segment after what is pending, opens the next; resolves with the closed one's number. */
  rotate(): Promise<number> {
    const rotated = this.#tail.then(async () => {
      await this.#flush();
      const closed = this.#seq;
      await this.#handle.close();
      this.#seq = closed + 1;
      this.#bytes = 0;
      this.#handle = await openSegment(this.#dir, this.#seq);
      return closed;
    });
    this.#tail = rotated.then(
      () => undefined,
      () => undefined,
    );
    return rotated;
  }

  /** Flushes what is pending and closes the segment. */
  async close(): Promise<void> {
    await this.#tail;
    await this.#flush();
    await this.#handle.close();
  }

  async #flush(): Promise<void> {
    this.#scheduled = false;
    const batch = this.#pending.splice(0);
    if (batch.length === 0) return;
    const text = batch.map((item) => item.line).join('');
    try {
      await this.#handle.write(text);
      await this.#handle.datasync();
      this.#bytes += Buffer.byteLength(text);
      for (const item of batch) item.resolve();
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }
}

/** Creates segment `seq` and makes its name durable too (an fsync of the folder). */
async function openSegment(dir: string, seq: number): Promise<FileHandle> {
  await mkdir(dir, { recursive: true });
  const handle = await open(join(dir, segmentName(seq)), 'a');
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
  return handle;
}
