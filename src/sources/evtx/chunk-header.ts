// The 512-byte header of a 64 KiB chunk: record ranges, offsets, checksums, and the tables of
// string and template offsets. This decoder does not read those tables, because it reads
// names and templates at the offsets the records give and caches them per chunk.
import { crc32 } from './crc32.ts';

export const CHUNK_SIZE = 65536;
export const CHUNK_HEADER_SIZE = 512;
/** `ElfChnk\0` */
const SIGNATURE = [0x45, 0x6c, 0x66, 0x43, 0x68, 0x6e, 0x6b, 0x00];

export interface ChunkHeader {
  firstRecordNumber: bigint;
  lastRecordNumber: bigint;
  firstRecordId: bigint;
  lastRecordId: bigint;
  /** Offset of the last record in the chunk. */
  lastRecordOffset: number;
  /** Offset where the unused space after the records begins. */
  freeSpaceOffset: number;
  recordsChecksum: number;
  headerChecksum: number;
}

export function hasChunkSignature(chunk: Uint8Array): boolean {
  if (chunk.length < SIGNATURE.length) return false;
  for (let i = 0; i < SIGNATURE.length; i++) if (chunk[i] !== SIGNATURE[i]) return false;
  return true;
}

/** Reads the header fields; the caller has checked the signature and that 512 bytes are present. */
export function readChunkHeader(chunk: Uint8Array): ChunkHeader {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return {
    firstRecordNumber: view.getBigUint64(8, true),
    lastRecordNumber: view.getBigUint64(16, true),
    firstRecordId: view.getBigUint64(24, true),
    lastRecordId: view.getBigUint64(32, true),
    lastRecordOffset: view.getUint32(44, true),
    freeSpaceOffset: view.getUint32(48, true),
    recordsChecksum: view.getUint32(52, true),
    headerChecksum: view.getUint32(124, true),
  };
}

/** CRC-32 of the header bytes 0-119 and 128-511, as stored at offset 124. */
export function computeHeaderChecksum(chunk: Uint8Array): number {
  return crc32(chunk, 128, CHUNK_HEADER_SIZE, crc32(chunk, 0, 120));
}

/** CRC-32 of the record data, from the end of the header to the free-space offset, as stored at offset 52. */
export function computeRecordsChecksum(chunk: Uint8Array, freeSpaceOffset: number): number {
  return crc32(chunk, CHUNK_HEADER_SIZE, freeSpaceOffset);
}

/** True when every byte is zero: space the log never used (or a wiped chunk). */
export function isEmptyChunk(chunk: Uint8Array): boolean {
  if (hasChunkSignature(chunk)) return false;
  const aligned = chunk.byteOffset % 4 === 0 ? Math.floor(chunk.length / 4) : 0;
  const words = new Uint32Array(chunk.buffer, chunk.byteOffset, aligned);
  for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
  for (let i = aligned * 4; i < chunk.length; i++) if (chunk[i] !== 0) return false;
  return true;
}
