// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as EVTX file and chunk headers use it.
// Computed eight bytes at a time ("slicing by 8"), several times faster than byte by byte.

const TABLES = buildTables();

function buildTables(): Uint32Array[] {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const first = tables[0]!;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    first[n] = c >>> 0;
  }
  for (let t = 1; t < 8; t++) {
    const previous = tables[t - 1]!;
    const table = tables[t]!;
    for (let n = 0; n < 256; n++) table[n] = (first[previous[n]! & 0xff]! ^ (previous[n]! >>> 8)) >>> 0;
  }
  return tables;
}

/** True on little-endian hosts, where a Uint32Array reads four bytes in the order CRC-32 needs. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Continues a CRC-32 over `bytes[start, end)`; pass the previous result as `crc` to chain ranges. */
export function crc32(bytes: Uint8Array, start: number, end: number, crc = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let c = ~crc;
  let i = start;
  if (LITTLE_ENDIAN && ((bytes.byteOffset + start) & 3) === 0 && end - start >= 8) {
    // Aligned whole words: one load per four bytes.
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + start, (end - start) >>> 3 << 1);
    for (let w = 0; w < words.length; w += 2) {
      c ^= words[w]!;
      const high = words[w + 1]!;
      c =
        t7[c & 0xff]! ^
        t6[(c >>> 8) & 0xff]! ^
        t5[(c >>> 16) & 0xff]! ^
        t4[c >>> 24]! ^
        t3[high & 0xff]! ^
        t2[(high >>> 8) & 0xff]! ^
        t1[(high >>> 16) & 0xff]! ^
        t0[high >>> 24]!;
    }
    i += words.length * 4;
  }
  for (; i + 8 <= end; i += 8) {
    c ^= bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    const high = bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24);
    c =
      t7[c & 0xff]! ^
      t6[(c >>> 8) & 0xff]! ^
      t5[(c >>> 16) & 0xff]! ^
      t4[c >>> 24]! ^
      t3[high & 0xff]! ^
      t2[(high >>> 8) & 0xff]! ^
      t1[(high >>> 16) & 0xff]! ^
      t0[high >>> 24]!;
  }
  for (; i < end; i++) c = t0[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
