/**
 * Draws the extension icon and writes public/icon/{16,32,48,128}.png.
 * Dependency-free: shapes are signed-distance tests, anti-aliased by
 * supersampling, and the PNG is encoded by hand (chunks + CRC-32 + node:zlib).
 * Run: `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

const SIZES = [16, 32, 48, 128] as const;
const SUPERSAMPLE = 8;
const TOP_LEFT: Rgb = [0x2f, 0x6b, 0xff];
const BOTTOM_RIGHT: Rgb = [0x1d, 0x4e, 0xd8];
const WHITE: Rgb = [255, 255, 255];

/** Chrome's guideline keeps the 128 px artwork inside 112 px; toolbar sizes use the full square. */
function marginFor(size: number): number {
  return size >= 128 ? 8 / 128 : size >= 48 ? 2 / 48 : 0;
}

// ---- geometry (unit square, y down) ----

function roundedRectDistance(x: number, y: number, cx: number, cy: number, hw: number, hh: number, r: number): number {
  const qx = Math.abs(x - cx) - (hw - r);
  const qy = Math.abs(y - cy) - (hh - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

function ellipseInside(x: number, y: number, cx: number, cy: number, rx: number, ry: number): boolean {
  return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
}

function insideBackground(x: number, y: number, margin: number): boolean {
  const half = 0.5 - margin;
  return roundedRectDistance(x, y, 0.5, 0.5, half, half, half * 0.45) <= 0;
}

/**
 * A stack of three coins seen slightly from above: each coin is an elliptic top
 * face over a short band; the blue gap between coins comes from a thin outline
 * cut around every coin except the lowest.
 */
const COINS = [
  { cx: 0.47, cy: 0.62 },
  { cx: 0.535, cy: 0.475 },
  { cx: 0.49, cy: 0.33 },
] as const;
const COIN_RX = 0.27;
const COIN_RY = 0.105;
const COIN_DEPTH = 0.07;
const FACE_RING = 0.05;

/** At 16 px fine detail turns to mush: drop the ring and widen the cuts so each coin stays a separate stroke. */
interface GlyphStyle {
  cut: number;
  ring: boolean;
  /** Enlarges the glyph about the centre. */
  scale: number;
}
function glyphStyleFor(size: number): GlyphStyle {
  return size <= 16 ? { cut: 0.05, ring: false, scale: 1.18 } : { cut: 0.035, ring: true, scale: 1 };
}

function insideCoin(x: number, y: number, coin: { cx: number; cy: number }, grow: number): boolean {
  const { cx, cy } = coin;
  const rx = COIN_RX + grow;
  const ry = COIN_RY + grow;
  const inBand = Math.abs(x - cx) <= rx && y >= cy && y <= cy + COIN_DEPTH;
  return inBand || ellipseInside(x, y, cx, cy, rx, ry) || ellipseInside(x, y, cx, cy + COIN_DEPTH, rx, ry);
}

/** 1 = white glyph, 0 = background; later (higher) coins are painted over earlier ones. */
function glyphAt(px: number, py: number, style: GlyphStyle): number {
  const x = 0.5 + (px - 0.5) / style.scale;
  const y = 0.5 + (py - 0.5) / style.scale;
  let white = 0;
  COINS.forEach((coin, i) => {
    if (i > 0 && insideCoin(x, y, coin, style.cut)) white = 0; // the cut separates it from the coin below
    if (insideCoin(x, y, coin, 0)) white = 1;
  });
  // An engraved ring on the top face makes the stack read as coins, not bars.
  const top = COINS[COINS.length - 1]!;
  const onRing =
    style.ring &&
    ellipseInside(x, y, top.cx, top.cy, COIN_RX - FACE_RING, COIN_RY - FACE_RING * 0.45) &&
    !ellipseInside(x, y, top.cx, top.cy, COIN_RX - FACE_RING * 1.55, COIN_RY - FACE_RING * 1.0);
  return onRing ? 0 : white;
}

// ---- rasterising ----

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function renderRgba(size: number): Uint8Array {
  const margin = marginFor(size);
  const style = glyphStyleFor(size);
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let glyph = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!insideBackground(x, y, margin)) continue;
          bg++;
          glyph += glyphAt(x, y, style);
        }
      }
      const t = (px + py + 1) / (2 * size); // diagonal gradient
      const base = mix(TOP_LEFT, BOTTOM_RIGHT, t);
      const colour = bg === 0 ? base : mix(base, WHITE, glyph / bg);
      const o = (py * size + px) * 4;
      rgba[o] = Math.round(colour[0]);
      rgba[o + 1] = Math.round(colour[1]);
      rgba[o + 2] = Math.round(colour[2]);
      rgba[o + 3] = Math.round((255 * bg) / (n * n));
    }
  }
  return rgba;
}

// ---- PNG encoding ----

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  // bytes 10-12: compression, filter, interlace = 0
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function main(): void {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
  mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = join(outDir, `${size}.png`);
    writeFileSync(file, encodePng(size, size, renderRgba(size)));
    console.log(`wrote ${file}`);
  }
}

main();
