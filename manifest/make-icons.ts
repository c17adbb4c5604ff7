/**
 * Draws the app's icons (a calendar with a tick: the review is done on time) and writes them beside
 * this script as PNG files. Run it after changing a shape or a colour, and commit the PNGs:
 *
 *     node manifest/make-icons.ts
 *
 * @remarks Teams takes a 192x192 full-colour icon and a 32x32 outline icon that is white (#FFFFFF) on a
 * transparent background; from manifest 1.21 an optional 32x32 colour icon on a transparent background
 * keeps the app looking right in Outlook and the Microsoft 365 app
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package).
 * Only Node built-ins are used (zlib deflates the image data and computes the chunks' CRC), so the
 * script runs on a bare Node 24 with no install. test/manifest/icons.test.ts checks that the committed
 * files are exactly what this script draws.
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

/** A colour with straight (not premultiplied) alpha: red, green, blue 0-255, alpha 0-1. */
export type Colour = readonly [red: number, green: number, blue: number, alpha: number];

/** An RGBA image, 8 bits a channel, rows top to bottom. */
export interface Image {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** Whether a point of the glyph's unit square (0..1 across and down) is inside a shape. */
type Shape = (x: number, y: number) => boolean;

interface Layer {
  readonly shape: Shape;
  readonly colour: Colour;
}

/** The app's accent colour: also `accentColor` in manifest.json, so the two always match. */
export const ACCENT = '#1D6A8A';

const accent = hexColour(ACCENT);
const navy: Colour = [14, 59, 80, 1];
const green: Colour = [43, 138, 62, 1];
const white: Colour = [255, 255, 255, 1];

// The glyph, in the unit square: a calendar page with a header band, two binding rings and a tick.
const page = roundedRect(0.14, 0.2, 0.86, 0.88, 0.09);
const pageInside = roundedRect(0.215, 0.275, 0.785, 0.805, 0.05);
const header = intersect(page, (_x, y) => y < 0.4);
const rings = union(roundedRect(0.3, 0.1, 0.38, 0.3, 0.03), roundedRect(0.62, 0.1, 0.7, 0.3, 0.03));
const tick = polyline(
  [
    [0.32, 0.62],
    [0.45, 0.75],
    [0.69, 0.5],
  ],
  0.085,
);
const everywhere: Shape = () => true;

/** The icons, by the file name the manifest gives them. */
export function drawIcons(): ReadonlyMap<string, Image> {
  return new Map([
    // 192x192 full colour: the glyph fills the middle 104 px, inside Teams' safe area.
    [
      'color.png',
      render(192, 20, 152, [
        { shape: everywhere, colour: accent },
        { shape: page, colour: white },
        { shape: header, colour: navy },
        { shape: rings, colour: white },
        { shape: tick, colour: green },
      ]),
    ],
    // 32x32 outline: one white shape on transparent, so every visible pixel is #FFFFFF.
    [
      'outline.png',
      render(32, 0, 32, [{ shape: union(difference(page, pageInside), header, rings, tick), colour: white }]),
    ],
    // 32x32 colour on transparent, for Outlook and the Microsoft 365 app.
    [
      'color32x32.png',
      render(32, 0, 32, [
        { shape: page, colour: accent },
        { shape: header, colour: navy },
        { shape: rings, colour: navy },
        { shape: tick, colour: white },
      ]),
    ],
  ]);
}

/**
 * Paints layers, bottom first, onto a transparent square of `size` pixels; the glyph's unit square
 * covers `extent` pixels from `offset` across and down. Each pixel averages 4x4 samples, so edges are
 * smooth.
 */
function render(size: number, offset: number, extent: number, layers: readonly Layer[]): Image {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied accumulation: "over" compositing is then a plain weighted sum.
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, colour } of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            const x = (px + (sx + 0.5) / samples - offset) / extent;
            const y = (py + (sy + 0.5) / samples - offset) / extent;
            if (shape(x, y)) hits++;
          }
        }
        const coverage = (colour[3] * hits) / (samples * samples);
        r = colour[0] * coverage + r * (1 - coverage);
        g = colour[1] * coverage + g * (1 - coverage);
        b = colour[2] * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const at = (py * size + px) * 4;
      const alpha = Math.round(a * 255);
      if (alpha > 0) {
        rgba[at] = Math.round(r / a);
        rgba[at + 1] = Math.round(g / a);
        rgba[at + 2] = Math.round(b / a);
        rgba[at + 3] = alpha;
      }
    }
  }
  return { width: size, height: size, rgba };
}

/** A PNG file: 8-bit RGBA, no interlace, every row filtered with "None". */
export function encodePng({ width, height, rgba }: Image): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
  const rowBytes = width * 4;
  const scanlines = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    scanlines.set(rgba.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
    const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

/** A stroke of the given width along the points, with round joins and ends. */
function polyline(points: readonly (readonly [number, number])[], width: number): Shape {
  const segments = points.slice(1).map((end, i) => [points[i] ?? end, end] as const);
  const half = width / 2;
  return (x, y) => segments.some(([from, to]) => distanceToSegment(x, y, from, to) <= half);
}

function distanceToSegment(
  x: number,
  y: number,
  [ax, ay]: readonly [number, number],
  [bx, by]: readonly [number, number],
): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

function intersect(a: Shape, b: Shape): Shape {
  return (x, y) => a(x, y) && b(x, y);
}

function difference(a: Shape, b: Shape): Shape {
  return (x, y) => a(x, y) && !b(x, y);
}

function hexColour(hex: string): Colour {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, 1];
}

if (import.meta.main) {
  for (const [file, image] of drawIcons()) {
    const path = new URL(file, import.meta.url);
    writeFileSync(path, encodePng(image));
    console.log(`wrote manifest/${file} (${image.width}x${image.height})`);
  }
}
