/**
 * The plain OpenType (sfnt) data of a WOFF 1.0 font, which is what HarfBuzz reads: it takes neither
 * WOFF nor WOFF2. Every @fontsource slice comes as woff2 (served) and woff (the same font, each
 * table zlib-compressed on its own), so unpacking the woff twin needs only node:zlib; a WOFF2
 * decoder (Brotli plus glyf/loca transforms) would be another WebAssembly module for nothing.
 */
import { inflateSync } from 'node:zlib';

const woffHeader = 44;
const woffEntry = 20;
const sfntHeader = 12;
const sfntEntry = 16;

/** The font file as sfnt; a file that is already sfnt comes back as it is. */
export function sfntData(data: Buffer, file: string): Buffer {
  const signature = data.toString('latin1', 0, 4);
  if (signature === 'wOF2') throw new Error(`${file}: a WOFF2 file; cards read the .woff twin of each @fontsource slice.`);
  if (signature !== 'wOFF') {
    if (['\u0000\u0001\u0000\u0000', 'OTTO', 'true'].includes(signature)) return data;
    throw new Error(`${file}: not a font (no WOFF or OpenType signature).`);
  }
  const count = data.readUInt16BE(12);
  const entries = Array.from({ length: count }, (_, i) => {
    const at = woffHeader + i * woffEntry;
    const offset = data.readUInt32BE(at + 4);
    const compressed = data.readUInt32BE(at + 8);
    const length = data.readUInt32BE(at + 12);
    const raw = data.subarray(offset, offset + compressed);
    // A table that would not shrink is stored as it is.
    const table = compressed < length ? inflateSync(raw) : raw;
    if (table.length !== length) throw new Error(`${file}: table ${data.toString('latin1', at, at + 4)} unpacks to ${table.length} bytes, not ${length}.`);
    return { tag: data.subarray(at, at + 4), checksum: data.readUInt32BE(at + 16), table };
  });
  const headerLength = sfntHeader + count * sfntEntry;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(headerLength + entries.reduce((sum, e) => sum + padded(e.table.length), 0));
  // The offset table: flavour, table count and the binary-search fields derived from the count.
  const power = 2 ** Math.floor(Math.log2(Math.max(1, count)));
  data.copy(out, 0, 4, 8);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = headerLength;
  entries.forEach((e, i) => {
    const at = sfntHeader + i * sfntEntry;
    e.tag.copy(out, at);
    out.writeUInt32BE(e.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(e.table.length, at + 12);
    e.table.copy(out, offset);
    offset += padded(e.table.length);
  });
  return out;
}
