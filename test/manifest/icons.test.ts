import { describe, expect, it } from 'vitest';
import { drawIcons } from '../../manifest/make-icons.ts';
import { decodePng } from './png.ts';
import { readBytes, readJson } from './project-files.ts';

interface ManifestIcons {
  readonly icons: { readonly color: string; readonly outline: string; readonly color32x32?: string };
}

const { icons } = readJson<ManifestIcons>('manifest/manifest.json');
const png = (file: string) => decodePng(readBytes(`manifest/${file}`));

/** Every pixel as [red, green, blue, alpha]. */
function pixels(rgba: Uint8Array): (readonly [number, number, number, number])[] {
  const out: (readonly [number, number, number, number])[] = [];
  for (let i = 0; i < rgba.length; i += 4) {
    out.push([rgba[i] ?? 0, rgba[i + 1] ?? 0, rgba[i + 2] ?? 0, rgba[i + 3] ?? 0]);
  }
  return out;
}

describe('the app icons Teams shows', () => {
  it('the colour icon is a 192x192 RGBA PNG, opaque, in more than one colour', () => {
    const color = png(icons.color);
    expect([color.width, color.height, color.bitDepth, color.colourType]).toEqual([192, 192, 8, 6]);
    const all = pixels(color.rgba);
    expect(all.every(([, , , alpha]) => alpha === 255)).toBe(true);
    expect(new Set(all.map(([r, g, b]) => `${r},${g},${b}`)).size).toBeGreaterThan(2);
  });

  it('the outline icon is 32x32 and only white (#FFFFFF) on transparent', () => {
    const outline = png(icons.outline);
    expect([outline.width, outline.height, outline.bitDepth, outline.colourType]).toEqual([32, 32, 8, 6]);
    const all = pixels(outline.rgba);
    const visible = all.filter(([, , , alpha]) => alpha > 0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(visible.length).toBeGreaterThan(100);
    expect(all.some(([, , , alpha]) => alpha === 0)).toBe(true);
  });

  it('the 32x32 colour icon for Outlook and Microsoft 365 has a transparent background', () => {
    expect(icons.color32x32).toBeDefined();
    const small = png(icons.color32x32 ?? '');
    expect([small.width, small.height, small.bitDepth, small.colourType]).toEqual([32, 32, 8, 6]);
    const corner = pixels(small.rgba)[0];
    expect(corner?.[3]).toBe(0);
  });

  it('the committed PNGs are exactly what manifest/make-icons.ts draws', () => {
    const drawn = drawIcons();
    expect([...drawn.keys()].sort()).toEqual(
      [icons.color, icons.outline, icons.color32x32].filter((file) => file !== undefined).sort(),
    );
    for (const [file, image] of drawn) {
      const committed = png(file);
      expect({ file, width: committed.width, height: committed.height }).toEqual({
        file,
        width: image.width,
        height: image.height,
      });
      expect(
        Buffer.from(committed.rgba).equals(Buffer.from(image.rgba)),
        `${file} differs: run make-icons`,
      ).toBe(true);
    }
  });
});
