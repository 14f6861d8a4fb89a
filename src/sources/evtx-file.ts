// Reads an EVTX file from disk chunk by chunk through the browser-safe decoder in ./evtx/.
// Memory stays at one 64 KiB chunk buffer plus the events of that chunk.
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { CHUNK_SIZE, FILE_HEADER_SIZE, decodeChunk, decodeChunkXml, isEmptyChunk, isEvtx, parseFileHeader } from './evtx/index.ts';
import type { DecodeChunkOptions, EvtxRecord, EvtxStats, JsonShape } from './evtx/index.ts';
import type { SourceEvent, SourceWarningCode, WarningSink } from './types.ts';

export interface ReadEvtxOptions {
  onWarning: WarningSink;
  /** JSON layout of attributes (default 'attributes', the evtx crate's default). */
  shape?: JsonShape;
  /** See DecodeChunkOptions.verifyChecksums (default true). */
  verifyChecksums?: boolean;
  /** Counts of chunks and records, read and skipped; the reader adds to them. */
  stats?: EvtxStats;
}

/**
 * Yields the events of an EVTX file, one batch per chunk, in file order. Problems in the file
 * are reported through `onWarning`; only a file that cannot be opened or read throws.
 *
 * @example
 * for await (const batch of readEvtxFile('Security.evtx', { onWarning: (w) => console.error(w.message) })) {
 *   for (const { event, position } of batch) console.log(position.record, event);
 * }
 */
export async function* readEvtxFile(path: string, options: ReadEvtxOptions): AsyncGenerator<SourceEvent[]> {
  const shape = options.shape ?? 'attributes';
  for await (const records of readChunks(path, options, (chunk, chunkOptions) => decodeChunk(chunk, { ...chunkOptions, shape }))) {
    yield records.map((record) => ({
      event: record.event,
      position: { file: path, record: record.recordId, chunk: record.chunk, offset: record.offset },
    }));
  }
}

/** Yields the records of an EVTX file as XML text (see XmlRenderer), one batch per chunk. */
export function readEvtxFileXml(path: string, options: ReadEvtxOptions): AsyncGenerator<EvtxRecord<string>[]> {
  return readChunks(path, options, decodeChunkXml);
}

type ChunkDecoder<T> = (chunk: Uint8Array, options: DecodeChunkOptions) => EvtxRecord<T>[];

async function* readChunks<T>(path: string, options: ReadEvtxOptions, decode: ChunkDecoder<T>): AsyncGenerator<EvtxRecord<T>[]> {
  const handle = await open(path, 'r');
  try {
    yield* readOpenFile(handle, path, options, decode);
  } finally {
    await handle.close();
  }
}

async function* readOpenFile<T>(handle: FileHandle, path: string, options: ReadEvtxOptions, decode: ChunkDecoder<T>): AsyncGenerator<EvtxRecord<T>[]> {
  const warn = (code: SourceWarningCode, message: string, offset: number, chunk?: number): void =>
    options.onWarning({ code, message, position: { file: path, offset, ...(chunk === undefined ? {} : { chunk }) } });
  const buffer = new Uint8Array(CHUNK_SIZE);
  const headerSize = await readFully(handle, buffer.subarray(0, FILE_HEADER_SIZE), 0);
  if (!isEvtx(buffer.subarray(0, headerSize))) {
    warn('EVTX_FILE_HEADER', 'not an EVTX file: signature ElfFile missing', 0);
    return;
  }
  if (headerSize < FILE_HEADER_SIZE) {
    warn('EVTX_TRUNCATED', `file ends inside its ${FILE_HEADER_SIZE}-byte header, after ${headerSize} bytes`, headerSize);
    return;
  }
  const header = parseFileHeader(buffer.subarray(0, FILE_HEADER_SIZE));
  if (!header.checksumValid) warn('EVTX_FILE_HEADER', 'file header checksum does not match; chunks are read anyway', 124);

  for (let chunkIndex = 0; ; chunkIndex++) {
    const fileOffset = FILE_HEADER_SIZE + chunkIndex * CHUNK_SIZE;
    const size = await readFully(handle, buffer, fileOffset);
    if (size === 0) return;
    const chunk = buffer.subarray(0, size);
    if (isEmptyChunk(chunk)) {
      // Unused chunks are zero-filled; one the header counts as used was wiped.
      if (chunkIndex < header.chunkCount) {
        warn('EVTX_CHUNK_HEADER', `chunk ${chunkIndex} skipped: all bytes are zero`, fileOffset, chunkIndex);
        if (options.stats) {
          options.stats.chunks++;
          options.stats.skippedChunks++;
        }
      }
      continue;
    }
    const records = decode(chunk, {
      chunkIndex,
      fileOffset,
      file: path,
      onWarning: options.onWarning,
      verifyChecksums: options.verifyChecksums ?? true,
      ...(options.stats ? { stats: options.stats } : {}),
    });
    if (records.length > 0) yield records;
    if (size < CHUNK_SIZE) return;
  }
}

/** Reads until `target` is full or the file ends; returns the number of bytes read. */
async function readFully(handle: FileHandle, target: Uint8Array, position: number): Promise<number> {
  let filled = 0;
  while (filled < target.length) {
    const { bytesRead } = await handle.read(target, filled, target.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}
