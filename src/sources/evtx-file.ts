// Reads an EVTX file from disk chunk by chunk through the browser-safe decoder in ./evtx/.
// Memory stays at one read buffer of 16 chunks (1 MiB) plus the events of one chunk.
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
  /**
   * Only these chunks, for hunting one file on several threads (see planChunkRanges).
   * The file header is still read, but its warnings come only with the range of chunk 0.
   */
  chunks?: ChunkRange;
}

/** Chunks `first` to `first + count - 1` of a file (0-based, counted after the file header). */
export interface ChunkRange {
  first: number;
  count: number;
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

/** Chunks read at once: fewer, larger reads cost less than one read per 64 KiB chunk. */
const CHUNKS_PER_READ = 16;

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
  // Most logs are small, so the buffer is only as large as the file needs.
  const fileSize = (await handle.stat()).size;
  const fileChunks = Math.max(1, Math.ceil((fileSize - FILE_HEADER_SIZE) / CHUNK_SIZE));
  const range = options.chunks ?? { first: 0, count: fileChunks };
  const end = Math.min(range.first + range.count, fileChunks);
  // Header warnings belong to the whole file, so only the range that starts it reports them.
  const headerWarn = range.first === 0 ? warn : (): void => {};
  const buffer = new Uint8Array(CHUNK_SIZE * Math.max(1, Math.min(CHUNKS_PER_READ, end - range.first)));
  const headerSize = await readFully(handle, buffer.subarray(0, FILE_HEADER_SIZE), 0);
  if (!isEvtx(buffer.subarray(0, headerSize))) {
    headerWarn('EVTX_FILE_HEADER', 'not an EVTX file: signature ElfFile missing', 0);
    return;
  }
  if (headerSize < FILE_HEADER_SIZE) {
    headerWarn('EVTX_TRUNCATED', `file ends inside its ${FILE_HEADER_SIZE}-byte header, after ${headerSize} bytes`, headerSize);
    return;
  }
  const header = parseFileHeader(buffer.subarray(0, FILE_HEADER_SIZE));
  if (!header.checksumValid) headerWarn('EVTX_FILE_HEADER', 'file header checksum does not match; chunks are read anyway', 124);

  for (let firstChunk = range.first; firstChunk < end; firstChunk += CHUNKS_PER_READ) {
    const requested = CHUNK_SIZE * Math.min(CHUNKS_PER_READ, end - firstChunk);
    const block = buffer.subarray(0, Math.min(buffer.length, requested));
    const blockSize = await readFully(handle, block, FILE_HEADER_SIZE + firstChunk * CHUNK_SIZE);
    for (let at = 0; at < blockSize; at += CHUNK_SIZE) {
      const chunkIndex = firstChunk + at / CHUNK_SIZE;
      const fileOffset = FILE_HEADER_SIZE + chunkIndex * CHUNK_SIZE;
      const chunk = buffer.subarray(at, Math.min(at + CHUNK_SIZE, blockSize));
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
    }
    if (blockSize < block.length) return;
  }
}

/**
 * Splits a file of `fileSize` bytes into ranges of at most `chunksPerRange` chunks, in file
 * order, so that several threads can hunt one large file. A file of one range or less gives
 * one range covering it.
 */
export function planChunkRanges(fileSize: number, chunksPerRange: number): ChunkRange[] {
  const chunkCount = Math.max(1, Math.ceil((fileSize - FILE_HEADER_SIZE) / CHUNK_SIZE));
  const size = Math.max(1, Math.floor(chunksPerRange));
  const ranges: ChunkRange[] = [];
  for (let first = 0; first < chunkCount; first += size) ranges.push({ first, count: Math.min(size, chunkCount - first) });
  return ranges;
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
