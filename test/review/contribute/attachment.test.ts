import { describe, expect, it } from 'vitest';
import {
  attachmentProblems,
  DOCUMENT_TYPES,
  displayName,
  MAX_ATTACHMENT_BYTES,
} from '../../../bot/src/review/contribute/attachment.ts';

const MiB = 1024 * 1024;

describe('what a document may be', () => {
  it('a named, non-empty document of a kind we accept, up to 10 MiB, has no problems', () => {
    expect(MAX_ATTACHMENT_BYTES).toBe(10 * MiB);
    expect(attachmentProblems('report.pdf', 1, 'pdf')).toEqual([]);
    expect(attachmentProblems('report.pdf', MAX_ATTACHMENT_BYTES, 'pdf')).toEqual([]);
  });

  it('a document needs a name: a blank one is a problem of the name', () => {
    expect(attachmentProblems('', 100, 'pdf').map((p) => p.where)).toEqual(['fileName']);
    expect(attachmentProblems('   ', 100, 'pdf').map((p) => p.where)).toEqual(['fileName']);
  });

  it('an empty file is refused, whatever its kind', () => {
    expect(attachmentProblems('report.pdf', 0, 'pdf').map((p) => p.where)).toEqual(['content']);
    expect(attachmentProblems('report.pdf', 0, undefined)).toHaveLength(1);
  });

  it('a file one byte over 10 MiB is refused, saying its size and the limit in MB', () => {
    const over = attachmentProblems('report.pdf', MAX_ATTACHMENT_BYTES + 1, 'pdf');
    expect(over.map((p) => p.where)).toEqual(['content']);
    expect(over[0]?.message).toContain('10.0 MB');
    const big = attachmentProblems('scan.pdf', 15.5 * MiB, undefined);
    expect(big).toHaveLength(1);
    expect(big[0]?.message).toContain('15.5 MB');
    expect(big[0]?.message).toContain('10.0 MB');
  });

  it('content of no kind we accept is refused (the size being fine)', () => {
    expect(attachmentProblems('notes.txt', 100, undefined).map((p) => p.where)).toEqual(['content']);
  });

  it('a blank name and a bad content are both reported', () => {
    expect(attachmentProblems(' ', 0, 'pdf').map((p) => p.where)).toEqual(['fileName', 'content']);
  });
});

describe('the name a document is shown under', () => {
  it('keeps a name already ending in the extension of what the document is, in any case', () => {
    expect(displayName('Annual report.pdf', 'pdf')).toBe('Annual report.pdf');
    expect(displayName('Report.PDF', 'pdf')).toBe('Report.PDF');
    expect(displayName('Scores.xlsx', 'xlsx')).toBe('Scores.xlsx');
  });

  it('a JPEG may end in .jpg or .jpeg; another kind named .jpeg gets its own extension', () => {
    expect(displayName('photo.jpeg', 'jpeg')).toBe('photo.jpeg');
    expect(displayName('photo.jpg', 'jpeg')).toBe('photo.jpg');
    expect(displayName('photo.jpeg', 'png')).toBe('photo.png');
    expect(displayName('photo.png', 'jpeg')).toBe('photo.jpg');
  });

  it('ends in the extension of what the document really is, replacing only the last extension', () => {
    expect(displayName('report.final.docx', 'pdf')).toBe('report.final.pdf');
    expect(displayName('report', 'docx')).toBe('report.docx');
    expect(displayName('report.', 'pdf')).toBe('report.pdf');
    // Only the last extension counts: an earlier one that matches does not disguise what it is.
    expect(displayName('report.pdf.exe', 'pdf')).toBe('report.pdf.pdf');
  });

  it('drops any folder, whichever slash its sender used', () => {
    expect(displayName('C:\\Users\\sue\\report.pdf', 'pdf')).toBe('report.pdf');
    expect(displayName('/home/sue/reports/report.pdf', 'pdf')).toBe('report.pdf');
    expect(displayName('a/b\\c.pdf', 'pdf')).toBe('c.pdf');
  });

  it('drops control characters, DEL and quotes, keeping spaces; then trims', () => {
    expect(displayName('re\u0000po\u001frt\u007f "final".pdf', 'pdf')).toBe('report final.pdf');
    expect(displayName('  report.pdf \t', 'pdf')).toBe('report.pdf');
    expect(displayName('~report!.pdf', 'pdf')).toBe('~report!.pdf');
  });

  it('a name with nothing left is called "document"', () => {
    expect(displayName('', 'pdf')).toBe('document.pdf');
    expect(displayName('\u0001"', 'gif')).toBe('document.gif');
    expect(displayName('folder/', 'png')).toBe('document.png');
  });

  it('a long name is cut to 150 characters before its extension is checked', () => {
    const name = displayName(`${'a'.repeat(200)}.pdf`, 'pdf');
    expect(name).toBe(`${'a'.repeat(150)}.pdf`);
  });

  it('each kind has its content type and extension', () => {
    expect(DOCUMENT_TYPES.jpeg).toMatchObject({ contentType: 'image/jpeg', extension: 'jpg' });
    expect(displayName('x', 'doc')).toBe('x.doc');
  });
});
