import { inflateSync } from 'node:zlib';

/** A decoded PNG: its header fields and, for 8-bit RGBA images, the pixels. */
export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 6 is RGBA. */
  readonly colourType: number;
  readonly interlace: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom; empty unless the image is 8-bit RGBA, not interlaced. */
  readonly rgba: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads a PNG file: the IHDR header and, for a non-interlaced 8-bit RGBA image, its pixels (all five
 * row filters, so a file re-compressed by an optimiser still reads).
 */
export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  if (!header) throw new Error('PNG without an IHDR chunk');
  const png = {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header.readUInt8(8),
    colourType: header.readUInt8(9),
    interlace: header.readUInt8(12),
  };
  const rgba =
    png.bitDepth === 8 && png.colourType === 6 && png.interlace === 0
      ? unfilter(inflateSync(Buffer.concat(data)), png.width, png.height)
      : new Uint8Array(0);
  return { ...png, rgba };
}

function unfilter(scanlines: Buffer, width: number, height: number): Uint8Array {
  const bpp = 4;
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = scanlines[y * (stride + 1)];
    const row = scanlines.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? (out[y * stride + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= bpp && y > 0 ? (out[(y - 1) * stride + x - bpp] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? -1];
      if (predictor === undefined) throw new Error(`unknown PNG row filter ${filter}`);
      out[y * stride + x] = ((row[x] ?? 0) + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}
