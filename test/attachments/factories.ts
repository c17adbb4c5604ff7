import { strToU8, zipSync } from 'fflate';

/** Tiny real files of each kind we accept, and some we do not. */

const ascii = (text: string) => new TextEncoder().encode(text);

export function pdfFile(extra = 0): Uint8Array {
  const body = ascii('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const bytes = new Uint8Array(body.length + extra);
  bytes.set(body);
  return bytes;
}

export const PNG_FILE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const JPEG_FILE = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
export const GIF_FILE = ascii('GIF89a\x01\x00\x01\x00');

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const EXCEL_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const WORD_MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';

/** An Open Packaging Conventions zip whose `[Content_Types].xml` names `main` as its main part. */
export function ooxmlFile(main: 'word' | 'excel' | 'word-macro' | 'none'): Uint8Array {
  const type = { word: WORD_MAIN, excel: EXCEL_MAIN, 'word-macro': WORD_MACRO_MAIN, none: '' }[main];
  const part = main === 'excel' ? '/xl/workbook.xml' : '/word/document.xml';
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    (type ? `<Override PartName="${part}" ContentType="${type}"/>` : '') +
    '</Types>';
  const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8('<w:document/>') };
  if (main !== 'none') files['[Content_Types].xml'] = strToU8(types);
  return zipSync(files);
}

/**
 * A minimal OLE compound file (MS-CFB version 3, 512-byte sectors): the header, one FAT sector and one
 * directory sector holding the root and a stream named `stream`.
 */
export function compoundFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x1a, 0x3e, true); // minor version
  view.setUint16(0x1c, 3, true); // major version 3
  view.setUint16(0x1e, 9, true); // sector shift: 512 bytes
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // the directory starts at sector 1
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i += 1) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = 512;
  for (let i = 0; i < 128; i += 1) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true); // sector 0: the FAT itself
  view.setUint32(fat + 4, 0xfffffffe, true); // sector 1: the directory, one sector
  const entry = (index: number, name: string, type: number) => {
    const at = 1024 + index * 128;
    for (let i = 0; i < name.length; i += 1) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    bytes[at + 0x42] = type;
  };
  entry(0, 'Root Entry', 5);
  entry(1, stream, 2);
  return bytes;
}
