// The EVTX file header: the first 4096 bytes of the file, of which the first 128 are used.
import { crc32 } from './crc32.ts';
import { EvtxFormatError } from './errors.ts';

/** Bytes before the first chunk. */
export const FILE_HEADER_SIZE = 4096;
/** `ElfFile\0` */
const SIGNATURE = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00];

export interface EvtxFileHeader {
  majorVersion: number;
  minorVersion: number;
  /** Number of chunks the header declares; files may hold more (unused) chunks after them. */
  chunkCount: number;
  /** Record id the next written record would get. */
  nextRecordId: bigint;
  flags: number;
  /** False when the stored CRC-32 of the first 120 bytes does not match. */
  checksumValid: boolean;
}

/** True when the bytes start with the EVTX file signature `ElfFile\0`. */
export function isEvtx(head: Uint8Array): boolean {
  if (head.length < SIGNATURE.length) return false;
  for (let i = 0; i < SIGNATURE.length; i++) if (head[i] !== SIGNATURE[i]) return false;
  return true;
}

/** Reads the file header from the first bytes of a file (at least 128). Throws EvtxFormatError when they are not an EVTX header. */
export function parseFileHeader(bytes: Uint8Array): EvtxFileHeader {
  if (!isEvtx(bytes)) throw new EvtxFormatError('not an EVTX file (signature ElfFile missing)', 'file.signature', 0, 'chunk');
  if (bytes.length < 128) throw new EvtxFormatError('file header shorter than 128 bytes', 'file.header', 0, 'chunk');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    nextRecordId: view.getBigUint64(24, true),
    minorVersion: view.getUint16(36, true),
    majorVersion: view.getUint16(38, true),
    chunkCount: view.getUint16(42, true),
    flags: view.getUint32(120, true),
    checksumValid: crc32(bytes, 0, 120) === view.getUint32(124, true),
  };
}
