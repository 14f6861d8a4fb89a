// Access to the shared EVTX corpus (beside the repository, never copied into it) for the
// conformance tests and the benchmark.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseLossless, isSafeNumber } from 'lossless-json';
import { CHUNK_SIZE, FILE_HEADER_SIZE, createStats, decodeChunk, decodeChunkXml, isEmptyChunk } from '../../../src/sources/evtx/index.ts';
import type { EvtxRecord, EvtxStats, JsonShape } from '../../../src/sources/evtx/index.ts';
import type { EventObject, SourceWarning } from '../../../src/sources/types.ts';

/** The corpus folder `shared/corpus` beside the repository folder. */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
export const corpusFound = existsSync(CORPUS + 'evtx/manifest.json');

export interface ManifestEntry {
  evtx: string;
  xml: string;
  json: string | null;
  records_python_evtx: number;
  python_only_records: number[];
}

export function readManifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(CORPUS + 'evtx/manifest.json', 'utf8')) as ManifestEntry[];
}

/** Parses JSON keeping integers beyond 2^53 as bigint, the way the decoder produces them. */
export function parseJsonExact(text: string): unknown {
  return parseLossless(text, null, (value) => {
    if (isSafeNumber(value)) return Number(value);
    return /^-?\d+$/.test(value) ? BigInt(value) : Number(value);
  });
}

export interface DecodedFile<T> {
  records: EvtxRecord<T>[];
  warnings: SourceWarning[];
  stats: EvtxStats;
}

/** Decodes a whole file held in memory, chunk after chunk. */
export function decodeBytes(bytes: Uint8Array, shape: JsonShape, verifyChecksums?: boolean): DecodedFile<EventObject>;
export function decodeBytes(bytes: Uint8Array, shape: 'xml', verifyChecksums?: boolean): DecodedFile<string>;
export function decodeBytes(bytes: Uint8Array, shape: JsonShape | 'xml', verifyChecksums?: boolean): DecodedFile<unknown>;
export function decodeBytes(bytes: Uint8Array, shape: JsonShape | 'xml', verifyChecksums = true): DecodedFile<unknown> {
  const warnings: SourceWarning[] = [];
  const stats = createStats();
  const records: EvtxRecord<unknown>[] = [];
  for (let chunkIndex = 0, at = FILE_HEADER_SIZE; at < bytes.length; chunkIndex++, at += CHUNK_SIZE) {
    const chunk = bytes.subarray(at, at + CHUNK_SIZE);
    if (isEmptyChunk(chunk)) continue;
    const options = { chunkIndex, fileOffset: at, onWarning: (w: SourceWarning) => warnings.push(w), stats, verifyChecksums };
    records.push(...(shape === 'xml' ? decodeChunkXml(chunk, options) : decodeChunk(chunk, { ...options, shape })));
  }
  return { records, warnings, stats };
}

export function decodeCorpusFile(path: string, shape: JsonShape): DecodedFile<EventObject>;
export function decodeCorpusFile(path: string, shape: 'xml'): DecodedFile<string>;
export function decodeCorpusFile(path: string, shape: JsonShape | 'xml'): DecodedFile<unknown> {
  return decodeBytes(new Uint8Array(readFileSync(CORPUS + path)), shape);
}

export interface ReferenceRecord {
  /** Record number from the record header. */
  header: number;
  /** System/EventRecordID, or null when python-evtx could not render the record. */
  eventRecordId: number | null;
  xml: string | null;
  /** The `.jsonl` event, when the record rendered. */
  json?: unknown;
}

/** Reads the reference records of a file: every line of its `.xml.jsonl`, with the `.jsonl` event beside each rendered one. */
export function readReference(entry: ManifestEntry): ReferenceRecord[] {
  const lines = readFileSync(CORPUS + entry.xml, 'utf8').split('\n').filter((line) => line !== '');
  const records = lines.map((line) => {
    const parsed = JSON.parse(line) as { record: number | null; record_header: number; xml: string | null };
    return { header: parsed.record_header, eventRecordId: parsed.record, xml: parsed.xml } as ReferenceRecord;
  });
  if (entry.json !== null) {
    const events = readFileSync(CORPUS + entry.json, 'utf8').split('\n').filter((line) => line !== '').map(parseJsonExact);
    const rendered = records.filter((record) => record.xml !== null);
    if (rendered.length !== events.length) throw new Error(`${entry.json}: ${events.length} events for ${rendered.length} rendered records`);
    rendered.forEach((record, i) => (record.json = events[i]));
  }
  return records;
}

/** Splits SigmaHQ's regression `.json` files: pretty-printed objects written one after another. */
export function parseConcatenatedJson(text: string): unknown[] {
  return text
    .trim()
    .split(/\n(?=\{)/)
    .map((part) => parseJsonExact(part));
}

/** Copies an event with trailing whitespace removed from every string, as evtx crate 0.8.5-0.10.x wrote them. */
export function trimStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.trimEnd();
  if (Array.isArray(value)) return value.map(trimStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, trimStrings(item)]));
  }
  return value;
}
