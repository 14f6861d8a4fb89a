// Builds a large EVTX file for the parallel tests from the used chunks of smaller ones.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_SIZE, FILE_HEADER_SIZE, isEmptyChunk, isEvtx } from '../../src/sources/evtx/index.ts';
import { crc32 } from '../../src/sources/evtx/crc32.ts';

/** Lists every `.evtx` file under a folder, in sorted order. */
export function evtxFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((left, right) => (left.name < right.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...evtxFiles(path));
    else if (entry.name.endsWith('.evtx')) found.push(path);
  }
  return found;
}

/**
 * Writes an EVTX file of exactly `chunkCount` chunks, taking the used chunks of `sources`
 * in order (and again from the start when they run out). Chunks do not refer to each other,
 * so only the file header needs its chunk count and checksum set.
 */
export function writeConcatenatedEvtx(target: string, sources: readonly string[], chunkCount: number): void {
  const chunks: Uint8Array[] = [];
  let header: Buffer | undefined;
  while (chunks.length < chunkCount) {
    const before = chunks.length;
    for (const source of sources) {
      const bytes = readFileSync(source);
      if (!isEvtx(bytes) || bytes.length < FILE_HEADER_SIZE + CHUNK_SIZE) continue;
      header ??= Buffer.from(bytes.subarray(0, FILE_HEADER_SIZE));
      for (let at = FILE_HEADER_SIZE; at + CHUNK_SIZE <= bytes.length && chunks.length < chunkCount; at += CHUNK_SIZE) {
        const chunk = bytes.subarray(at, at + CHUNK_SIZE);
        if (!isEmptyChunk(chunk)) chunks.push(chunk);
      }
    }
    if (chunks.length === before) throw new Error('no used EVTX chunk found in the source files');
  }
  const fileHeader = header!;
  // The chunk count is a 16-bit field at offset 42, and the CRC-32 of bytes 0-119 is at offset 124.
  fileHeader.writeUInt16LE(chunkCount, 42);
  fileHeader.writeUInt32LE(crc32(fileHeader, 0, 120), 124);
  writeFileSync(target, Buffer.concat([fileHeader, ...chunks]));
}
