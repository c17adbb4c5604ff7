import { describe, expect, it } from 'vitest';
import { documentTypeOf } from '../../bot/src/attachments/document-type.ts';
import { compoundFile, GIF_FILE, JPEG_FILE, ooxmlFile, PNG_FILE, pdfFile } from './factories.ts';

describe('a document is what its content is', () => {
  it('knows PDF, PNG, JPEG and GIF by their signatures', () => {
    expect(documentTypeOf(pdfFile())).toBe('pdf');
    expect(documentTypeOf(PNG_FILE)).toBe('png');
    expect(documentTypeOf(JPEG_FILE)).toBe('jpeg');
    expect(documentTypeOf(GIF_FILE)).toBe('gif');
  });

  it('tells a Word document from an Excel workbook by the package’s main part', () => {
    expect(documentTypeOf(ooxmlFile('word'))).toBe('docx');
    expect(documentTypeOf(ooxmlFile('excel'))).toBe('xlsx');
  });

  it('refuses a macro-enabled document, and a zip that is not an Office package', () => {
    expect(documentTypeOf(ooxmlFile('word-macro'))).toBeUndefined();
    expect(documentTypeOf(ooxmlFile('none'))).toBeUndefined();
  });

  it('tells a legacy .doc from an .xls by the stream its compound file holds', () => {
    expect(documentTypeOf(compoundFile('WordDocument'))).toBe('doc');
    expect(documentTypeOf(compoundFile('Workbook'))).toBe('xls');
    expect(documentTypeOf(compoundFile('Book'))).toBe('xls');
    expect(documentTypeOf(compoundFile('PowerPoint Document'))).toBeUndefined();
  });

  it('refuses text, an executable and a truncated file, whatever they are called', () => {
    expect(documentTypeOf(new TextEncoder().encode('Leo Whitfield: notes'))).toBeUndefined();
    expect(documentTypeOf(new Uint8Array([0x4d, 0x5a, 0x90, 0]))).toBeUndefined();
    expect(documentTypeOf(new Uint8Array([0x25, 0x50]))).toBeUndefined();
    expect(documentTypeOf(compoundFile('WordDocument').subarray(0, 600))).toBeUndefined();
    expect(documentTypeOf(ooxmlFile('word').subarray(0, 40))).toBeUndefined();
  });
});
