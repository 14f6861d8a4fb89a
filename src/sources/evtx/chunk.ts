// Decoding of one 64 KiB chunk: header and checksum checks, then each record in turn. A
// damaged record or chunk is reported once through `onWarning` and skipped; the rest is read.
import type { EventObject, SourceWarningCode, WarningSink } from '../types.ts';
import { ChunkContext } from './chunk-context.ts';
import {
  CHUNK_HEADER_SIZE,
  CHUNK_SIZE,
  computeHeaderChecksum,
  computeRecordsChecksum,
  hasChunkSignature,
  readChunkHeader,
} from './chunk-header.ts';
import { EvtxFormatError } from './errors.ts';
import { formatFiletime } from './format.ts';
import { parseFragment } from './binxml/parser.ts';
import type { Node } from './binxml/model.ts';
import { JsonRenderer } from './render-json.ts';
import type { JsonShape } from './render-json.ts';
import { XmlRenderer } from './render-xml.ts';

const RECORD_SIGNATURE = 0x00002a2a;
/** Record header (signature, size, id, time) plus the trailing copy of the size. */
const MIN_RECORD_SIZE = 28;

/** Counts for a summary; the decoder adds to them. */
export interface EvtxStats {
  chunks: number;
  skippedChunks: number;
  records: number;
  skippedRecords: number;
}

export function createStats(): EvtxStats {
  return { chunks: 0, skippedChunks: 0, records: 0, skippedRecords: 0 };
}

export interface DecodeChunkOptions {
  /** 0-based chunk number in the file, for positions. */
  chunkIndex: number;
  /** File offset of the chunk's first byte, for positions. */
  fileOffset: number;
  onWarning: WarningSink;
  /** File name written into warning positions. */
  file?: string;
  /**
   * Check the chunk checksums (default true). A wrong header checksum skips the chunk; a wrong
   * record-data checksum is reported and the records are still read. Chunks whose two
   * checksums are both 0 were written without them and are read without a warning.
   */
  verifyChecksums?: boolean;
  stats?: EvtxStats;
}

export interface EvtxRecord<T = EventObject> {
  /** Record number from the record header (not always equal to System/EventRecordID). */
  recordId: number;
  /** Time the record was written, from the record header, ISO 8601 with microseconds. */
  timestamp: string;
  chunk: number;
  /** File offset of the record. */
  offset: number;
  event: T;
}

/**
 * Decodes every record of a chunk into a JSON event object.
 *
 * @example
 * const records = decodeChunk(bytes.subarray(4096, 4096 + 65536), {
 *   chunkIndex: 0, fileOffset: 4096, shape: 'separate', onWarning: (w) => console.warn(w.message),
 * });
 */
export function decodeChunk(chunk: Uint8Array, options: DecodeChunkOptions & { shape: JsonShape }): EvtxRecord[] {
  return decodeRecords(chunk, options, (context) => {
    const renderer = new JsonRenderer(context, options.shape);
    return (nodes) => renderer.render(nodes);
  });
}

/** Decodes every record of a chunk into XML text (see XmlRenderer). */
export function decodeChunkXml(chunk: Uint8Array, options: DecodeChunkOptions): EvtxRecord<string>[] {
  return decodeRecords(chunk, options, (context) => {
    const renderer = new XmlRenderer(context);
    return (nodes) => renderer.render(nodes);
  });
}

type RendererFactory<T> = (context: ChunkContext) => (nodes: Node[]) => T;

function decodeRecords<T>(chunk: Uint8Array, options: DecodeChunkOptions, makeRenderer: RendererFactory<T>): EvtxRecord<T>[] {
  const stats = options.stats;
  if (stats) stats.chunks++;
  const reporter = new Reporter(options);
  const recordsEnd = checkChunk(chunk, options, reporter);
  if (recordsEnd < 0) {
    if (stats) stats.skippedChunks++;
    return [];
  }

  const context = new ChunkContext(chunk);
  const render = makeRenderer(context);
  const records: EvtxRecord<T>[] = [];
  let skipped = 0;
  let offset = CHUNK_HEADER_SIZE;
  while (offset + MIN_RECORD_SIZE <= recordsEnd) {
    const size = recordSize(context, offset, recordsEnd);
    if (typeof size === 'string') {
      reporter.warn('EVTX_RECORD', size, offset, undefined);
      skipped++;
      offset = findNextRecord(context, offset + 1, recordsEnd);
      continue;
    }
    const record = decodeRecord(context, offset, size, options, render, reporter);
    if (record === undefined) skipped++;
    else records.push(record);
    offset += size;
  }

  if (stats) {
    stats.records += records.length;
    stats.skippedRecords += skipped;
  }
  return records;
}

/** Decodes the record at `offset`, or reports why it cannot be decoded and returns undefined. */
function decodeRecord<T>(
  context: ChunkContext,
  offset: number,
  size: number,
  options: DecodeChunkOptions,
  render: (nodes: Node[]) => T,
  reporter: Reporter,
): EvtxRecord<T> | undefined {
  const view = context.view;
  const recordId = view.getUint32(offset + 12, true) * 4294967296 + view.getUint32(offset + 8, true);
  try {
    const event = render(parseFragment(context, offset + 24, offset + size - 4, false, 0));
    if (context.text.invalidCount > 0) {
      reporter.warn('EVTX_STRING', 'record contains text that is not valid UTF-16; invalid characters were replaced with U+FFFD', offset, recordId);
      context.text.invalidCount = 0;
    }
    return {
      recordId,
      timestamp: formatFiletime(view.getUint32(offset + 16, true), view.getUint32(offset + 20, true), 6),
      chunk: options.chunkIndex,
      offset: options.fileOffset + offset,
      event,
    };
  } catch (error) {
    if (!(error instanceof EvtxFormatError)) throw error;
    context.text.invalidCount = 0;
    reporter.warn(error.stage === 'template' ? 'EVTX_TEMPLATE' : 'EVTX_RECORD', `record skipped: ${error.message}`, offset, recordId);
    return undefined;
  }
}

/** Validates the chunk header; returns the end of the record data, or -1 when the chunk must be skipped. */
function checkChunk(chunk: Uint8Array, options: DecodeChunkOptions, reporter: Reporter): number {
  if (chunk.length < CHUNK_HEADER_SIZE) {
    reporter.warn('EVTX_TRUNCATED', `chunk cut short: ${chunk.length} of ${CHUNK_SIZE} bytes`, 0, undefined);
    return -1;
  }
  if (!hasChunkSignature(chunk)) {
    reporter.warn('EVTX_CHUNK_HEADER', 'chunk skipped: signature ElfChnk missing', 0, undefined);
    return -1;
  }
  const header = readChunkHeader(chunk);
  if (header.freeSpaceOffset < CHUNK_HEADER_SIZE || header.freeSpaceOffset > CHUNK_SIZE) {
    reporter.warn('EVTX_CHUNK_HEADER', `chunk skipped: free-space offset ${header.freeSpaceOffset} outside the chunk`, 48, undefined);
    return -1;
  }
  const truncated = chunk.length < CHUNK_SIZE;
  if (truncated) {
    reporter.warn('EVTX_TRUNCATED', `chunk cut short: ${chunk.length} of ${CHUNK_SIZE} bytes; only complete records are read`, chunk.length, undefined);
  }
  const checksumsSet = header.headerChecksum !== 0 || header.recordsChecksum !== 0;
  if ((options.verifyChecksums ?? true) && checksumsSet) {
    if (computeHeaderChecksum(chunk) !== header.headerChecksum) {
      reporter.warn('EVTX_CHUNK_CHECKSUM', 'chunk skipped: header checksum does not match', 124, undefined);
      return -1;
    }
    // The chunk being written when a log was copied can carry a stale record checksum while
    // its records are intact (python-evtx and libevtx read such chunks too). Each record is
    // still checked (signature, both size fields, parse), so the chunk is read after a warning.
    if (!truncated && computeRecordsChecksum(chunk, header.freeSpaceOffset) !== header.recordsChecksum) {
      reporter.warn('EVTX_CHUNK_CHECKSUM', 'record data checksum does not match; records are read and checked one by one', 52, undefined);
    }
  }
  return Math.min(header.freeSpaceOffset, chunk.length);
}

/** Returns the size of the record at `offset`, or a message saying why it is not a valid record. */
function recordSize(context: ChunkContext, offset: number, end: number): number | string {
  const view = context.view;
  if (view.getUint32(offset, true) !== RECORD_SIGNATURE) return 'record skipped: signature missing';
  const size = view.getUint32(offset + 4, true);
  if (size < MIN_RECORD_SIZE || offset + size > end) return `record skipped: size ${size} does not fit the chunk`;
  if (view.getUint32(offset + size - 4, true) !== size) return `record skipped: size ${size} does not match the copy at its end`;
  return size;
}

/** Finds the next place where a record with a consistent size starts, or `end`. */
function findNextRecord(context: ChunkContext, from: number, end: number): number {
  const bytes = context.bytes;
  for (let p = from; p + MIN_RECORD_SIZE <= end; p++) {
    if (bytes[p] === 0x2a && bytes[p + 1] === 0x2a && bytes[p + 2] === 0 && bytes[p + 3] === 0) {
      if (typeof recordSize(context, p, end) === 'number') return p;
    }
  }
  return end;
}

/** Sends warnings with the chunk, record id and file offset filled in. */
class Reporter {
  private readonly options: DecodeChunkOptions;

  constructor(options: DecodeChunkOptions) {
    this.options = options;
  }

  warn(code: SourceWarningCode, message: string, chunkOffset: number, record: number | undefined): void {
    const { chunkIndex, fileOffset, file } = this.options;
    const position = { file: file ?? '', chunk: chunkIndex, offset: fileOffset + chunkOffset, ...(record === undefined ? {} : { record }) };
    this.options.onWarning({ code, message: `chunk ${chunkIndex}: ${message}`, position });
  }
}
