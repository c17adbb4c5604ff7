import { unzipSync } from 'fflate';
import type { DocumentType } from '../review/contribute/attachment.ts';

/**
 * What a file is, by what it contains (review/contribute/attachment.ts lists what we accept): its
 * signature, and for the Office formats what is inside. A name ending `.pdf` or a header saying
 * `application/pdf` proves nothing, so neither is read.
 *
 * @remarks A .docx and an .xlsx are both zip files (ECMA-376 Part 2, Open Packaging Conventions); the
 * package's `[Content_Types].xml` says which main part it has. Macro-enabled packages (.docm, .xlsm)
 * name another main part and are refused. The legacy .doc and .xls are OLE compound files (MS-CFB);
 * the name of a stream in their directory says which (`WordDocument`; `Workbook` or `Book`).
 */
export function documentTypeOf(bytes: Uint8Array): DocumentType | undefined {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'gif';
  if (startsWith(bytes, ZIP)) return officeOpenXmlType(bytes);
  if (startsWith(bytes, CFB)) return compoundFileType(bytes);
  return undefined;
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

const CONTENT_TYPES_PART = '[Content_Types].xml';
/** A real `[Content_Types].xml` is a few kilobytes; more is not a package we read (a zip bomb). */
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

function officeOpenXmlType(bytes: Uint8Array): DocumentType | undefined {
  let part: Uint8Array | undefined;
  try {
    part = unzipSync(bytes, {
      filter: (file) => file.name === CONTENT_TYPES_PART && file.originalSize <= MAX_CONTENT_TYPES_BYTES,
    })[CONTENT_TYPES_PART];
  } catch {
    return undefined;
  }
  if (!part || part.length > MAX_CONTENT_TYPES_BYTES) return undefined;
  const xml = new TextDecoder().decode(part);
  const hasMain = (type: string) => new RegExp(`ContentType\\s*=\\s*"${escaped(type)}"`).test(xml);
  if (hasMain(DOCX_MAIN)) return 'docx';
  if (hasMain(XLSX_MAIN)) return 'xlsx';
  return undefined;
}

function escaped(text: string): string {
  return text.replace(/[.+]/g, '\\$&');
}

const END_OF_CHAIN = 0xfffffffe;
/** Directory sectors followed at most: a document's directory is a handful of sectors. */
const MAX_DIRECTORY_SECTORS = 64;

/** Which legacy Office file a compound file is, by the streams its directory names (MS-CFB 2.2, 2.6). */
function compoundFileType(bytes: Uint8Array): DocumentType | undefined {
  if (bytes.length < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  if (sectorSize !== 512 && sectorSize !== 4096) return undefined;
  const sectorAt = (sector: number) => (sector + 1) * sectorSize;
  // The FAT's sectors, from the header's first 109 DIFAT entries (enough for a 7 MB file at 512 bytes).
  const fatSectors: number[] = [];
  for (let index = 0; index < 109; index += 1) {
    const sector = view.getUint32(0x4c + index * 4, true);
    if (sector >= 0xfffffffa) break;
    fatSectors.push(sector);
  }
  const next = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fat = fatSectors[Math.floor(sector / perSector)];
    if (fat === undefined) return END_OF_CHAIN;
    const at = sectorAt(fat) + (sector % perSector) * 4;
    return at + 4 <= bytes.length ? view.getUint32(at, true) : END_OF_CHAIN;
  };
  const names = new Set<string>();
  let sector = view.getUint32(0x30, true);
  for (let walked = 0; sector < 0xfffffffa && walked < MAX_DIRECTORY_SECTORS; walked += 1) {
    const start = sectorAt(sector);
    for (let entry = start; entry + 128 <= Math.min(start + sectorSize, bytes.length); entry += 128) {
      const length = view.getUint16(entry + 0x40, true);
      if (length < 2 || length > 64) continue;
      const name = new TextDecoder('utf-16le').decode(bytes.subarray(entry, entry + length - 2));
      names.add(name);
    }
    sector = next(sector);
  }
  if (names.has('WordDocument')) return 'doc';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  return undefined;
}
