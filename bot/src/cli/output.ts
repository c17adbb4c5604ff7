import type { Writable } from 'node:stream';
import { describeProblems, isReviewError } from '../review/errors.ts';

/**
 * Writes the problems of a file that could not be used, one `where: message` line each, then `closing`.
 * Returns false for any other error, which the caller reports its own way.
 */
export function reportFileProblems(error: unknown, stderr: Writable, closing: string): boolean {
  if (!isReviewError(error) || error.code !== 'IMPORT_INVALID') return false;
  stderr.write(`${describeProblems(error.problems)}\n${closing}\n`);
  return true;
}
