/**
 * The port for attachments' bytes (DESIGN.md section 4: Blob Storage). What a document is, who
 * attached it and who may read it are in the advice it supports (review/contribute/advice.ts); here
 * only bytes under a key.
 */
export interface AttachmentStore {
  /** Stores `bytes` under `key`, replacing nothing: a key is used once. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes the bytes under `key` (nothing when there are none). */
  remove(key: string): Promise<void>;
  /** Removes every attachment of the review `reviewId` (an abandoned review's, DESIGN.md section 2). */
  removeReview(reviewId: string): Promise<number>;
}

/**
 * The key of an attachment: the review's id and the attachment's random id, nothing else.
 *
 * @remarks A blob's name shows in storage logs, diagnostics and Defender's scan results, so it names
 * no child and no file: neither the case's people nor the document's own name are in it.
 */
export function attachmentKey(reviewId: string, attachmentId: string): string {
  return `reviews/${encodeURIComponent(reviewId)}/${attachmentId}`;
}
