#!/usr/bin/env node
// Remakes every app icon in resources/ from resources/icon.svg (sharp renders the SVG):
// icons/NxN.png for the desktop and Linux installers, icon.png (512) for the Linux window,
// icon.ico for Windows and icon.icns for macOS, both holding PNG images, and web/favicon.ico,
// which the renderer build copies beside index.html for the browser workstation's tab.
// Run after editing the SVG: `node scripts/make-icons.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const svg = readFileSync(join(resources, 'icon.svg'));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const FAVICON_SIZES = [16, 32, 48];
// ICNS element types that hold a PNG of the given pixel size (the @2x ones reuse a larger PNG).
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** Renders the SVG at `size` px: the density is chosen so the vector is drawn at that size, not scaled. */
async function render(size) {
  const { width } = await sharp(svg).metadata();
  return sharp(svg, { density: (72 * size) / width })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A Windows .ico whose entries are PNGs (supported since Vista; 256 is written as 0). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(([size, png]) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map(([, png]) => png)]);
}

/** A macOS .icns: the 'icns' header, then one (type, length, PNG) element per entry. */
function icns(elements) {
  const parts = elements.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const png = new Map();
for (const size of SIZES) png.set(size, await render(size));

mkdirSync(join(resources, 'icons'), { recursive: true });
for (const [size, buf] of png) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), buf);
writeFileSync(join(resources, 'icon.png'), png.get(512));
writeFileSync(join(resources, 'icon.ico'), ico(ICO_SIZES.map((s) => [s, png.get(s)])));
writeFileSync(join(resources, 'icon.icns'), icns(ICNS_TYPES.map(([type, s]) => [type, png.get(s)])));
mkdirSync(join(resources, 'web'), { recursive: true });
writeFileSync(join(resources, 'web', 'favicon.ico'), ico(FAVICON_SIZES.map((s) => [s, png.get(s)])));
console.log(`resources/: icons/{${SIZES.join(',')}}, icon.png, icon.ico, icon.icns, web/favicon.ico`);
