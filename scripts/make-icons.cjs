#!/usr/bin/env node
// Draws the add-in's icons (assets/icon-{16,32,64,80,128,192}.png and the 32×32 outline icon-outline-32.png) with Node alone: a rounded LinkedIn-blue square
// holding a white person glyph, 4×4 supersampled. Run once after changing the design; the PNGs are committed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Buffer} buffer */
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** Encodes RGBA pixels (Uint8Array, width*height*4) as a PNG. */
/** @param {number} width @param {number} height @param {Uint8Array} rgba */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BLUE = [0x0a, 0x66, 0xc2];
/** The design in unit coordinates (0..1): which colour a point is, or null for transparent. */
/**
 * @typedef {number[] | null} Colour an RGB colour, or null for transparent
 * @param {number} x @param {number} y @returns {Colour}
 */
function shade(x, y) {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const head = (x - 0.5) ** 2 + (y - 0.37) ** 2 < 0.15 ** 2;
  const shoulders = y > 0.58 && y < 0.8 && (x - 0.5) ** 2 / 0.27 ** 2 + (y - 0.8) ** 2 / 0.22 ** 2 < 1;
  return head || shoulders ? [255, 255, 255] : BLUE;
}
/**
 * The outline variant the unified manifest asks for (32×32): transparent, the rounded square's border and the person
 * in white only.
 */
/** @param {number} x @param {number} y @returns {Colour} */
function shadeOutline(x, y) {
  /** @param {number} inset @param {number} r */
  const inside = (inset, r) => {
    const cx = Math.min(Math.max(x, inset + r), 1 - inset - r);
    const cy = Math.min(Math.max(y, inset + r), 1 - inset - r);
    return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const border = inside(0, 0.18) && !inside(0.09, 0.11);
  const head = (x - 0.5) ** 2 + (y - 0.4) ** 2 < 0.12 ** 2;
  const shoulders = y > 0.6 && y < 0.78 && (x - 0.5) ** 2 / 0.22 ** 2 + (y - 0.78) ** 2 / 0.18 ** 2 < 1;
  return border || head || shoulders ? [255, 255, 255] : null;
}
/** @param {number} size @param {(x: number, y: number) => Colour} shadeAt */
function draw(size, shadeAt = shade) {
  const rgba = new Uint8Array(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const colour = shadeAt((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (!colour) continue;
          r += colour[0] ?? 0;
          g += colour[1] ?? 0;
          b += colour[2] ?? 0;
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

if (require.main === module) {
  const out = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(out, { recursive: true });
  // 16–128: the XML manifest's; 192: the unified manifest's colour icon.
  for (const size of [16, 32, 64, 80, 128, 192]) {
    fs.writeFileSync(path.join(out, `icon-${size}.png`), draw(size));
    console.log(`assets/icon-${size}.png`);
  }
  fs.writeFileSync(path.join(out, 'icon-outline-32.png'), draw(32, shadeOutline));
  console.log('assets/icon-outline-32.png');
}
module.exports = { encodePng, draw };
