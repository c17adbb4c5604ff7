import type { Problem } from '../errors.ts';

/**
 * The kinds of supporting document a review accepts (seed: "supporting documents can be attached"):
 * PDF, Word, Excel and images. Told apart by their content (attachments/document-type.ts), never by
 * the file's name or the type its sender claims.
 */
export const DOCUMENT_TYPES = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', words: 'PDF' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    words: 'Word document',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    words: 'Excel workbook',
  },
  doc: { contentType: 'application/msword', extension: 'doc', words: 'Word 97-2003 document' },
  xls: { contentType: 'application/vnd.ms-excel', extension: 'xls', words: 'Excel 97-2003 workbook' },
  png: { contentType: 'image/png', extension: 'png', words: 'PNG image' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', words: 'JPEG image' },
  gif: { contentType: 'image/gif', extension: 'gif', words: 'GIF image' },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/**
 * The largest document accepted: 10 MiB.
 *
 * @remarks Professionals' reports are a few pages (a 20-page scanned report at 200 dpi is 2-6 MB), so
 * 10 MiB leaves room while bounding what one request holds: the upload is a JSON body (base64, 4/3 of
 * the file, about 13.4 MB at most) read into memory, so a hundred uploads at once stay well inside an
 * App Service plan's memory. Teams itself caps a file sent in chat far higher; this is our own limit.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The reminder on every upload form (UK GDPR art. 5(1)(c), data minimisation). */
export const REDACT_REMINDER =
  'Before you upload, redact the names and details of any other children in the document: only this child’s information belongs in their review.';

export const ALLOWED_WORDS = 'PDF, Word (.docx or .doc), Excel (.xlsx or .xls), PNG, JPEG or GIF';

/** What is wrong with a document of `size` bytes whose content is `type` (undefined: none we accept). */
export function attachmentProblems(
  fileName: string,
  size: number,
  type: DocumentType | undefined,
): Problem[] {
  const problems: Problem[] = [];
  if (!fileName.trim()) problems.push({ where: 'fileName', message: 'give the file’s name' });
  if (size === 0) problems.push({ where: 'content', message: 'the file is empty' });
  else if (size > MAX_ATTACHMENT_BYTES) {
    problems.push({
      where: 'content',
      message: `the file is ${megabytes(size)} MB: the largest accepted is ${megabytes(MAX_ATTACHMENT_BYTES)} MB`,
    });
  } else if (type === undefined) {
    problems.push({
      where: 'content',
      message: `this file is not one we accept: attach a ${ALLOWED_WORDS} (checked by what the file contains, not its name)`,
    });
  }
  return problems;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/**
 * The name a document is shown and downloaded under: its own name without any folder, control
 * characters or quotes, ending in the extension of what it really is.
 */
export function displayName(fileName: string, type: DocumentType): string {
  // Splitting always gives at least one piece: the last is the name without its folders.
  const last = fileName.split(/[\\/]/).pop() as string;
  const base = last
    .split('')
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '"')
    .join('')
    .trim()
    .slice(0, 150);
  const extension = DOCUMENT_TYPES[type].extension;
  const stem = base.replace(/\.[^.]*$/, '') || 'document';
  const own = base.toLowerCase().match(/\.([^.]*)$/)?.[1];
  const fits = own === extension || (type === 'jpeg' && own === 'jpeg');
  return fits ? base : `${stem}.${extension}`;
}
