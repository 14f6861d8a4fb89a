// One input, whatever its format: detects it from the content and picks the reader.

import {
  ByteSource,
  decodeUtf16Chunks,
  gunzipChunks,
  readFileChunks,
  readStreamChunks,
  reportReadErrors,
} from './byte-source.ts';
import { detectFormat, isHeadConclusive, type InputFormat } from './detect-format.ts';
import { readEvtxInput } from './evtx-dispatch.ts';
import { readJsonLines } from './json-lines-reader.ts';
import { readJsonStream } from './json-stream-reader.ts';
import { createReadContext, type ReadContext, type ReadOptions } from './read-options.ts';
import type { SourceEvent } from './types.ts';

/** The path that means standard input. */
export const STDIN_PATH = '-';

/**
 * Reads one input (a file path, or `-` for standard input) and yields its events in
 * batches, one per chunk read. The format is detected from the content: JSON lines, a
 * JSON array, one or more concatenated JSON objects, any of these gzip-compressed or in
 * UTF-16, or EVTX. Problems in the input, including a file that cannot be read, are
 * reported through `options.onWarning` instead of thrown.
 *
 * @example
 * for await (const batch of openInput('logs/security.jsonl.gz', { onWarning: console.warn })) {
 *   for (const { event, position } of batch) console.log(position.line, event);
 * }
 */
export async function* openInput(path: string, options: ReadOptions = {}): AsyncGenerator<SourceEvent[]> {
  const context = createReadContext(path, options);
  const raw = path === STDIN_PATH
    ? readStreamChunks(options.stdin ?? process.stdin)
    : readFileChunks(path, context.chunkBytes);
  const source = new ByteSource(reportReadErrors(raw, context));
  try {
    yield* readSource(source, path, context);
  } finally {
    await source.close();
  }
}

/** Decoding already applied to the bytes being read. */
type Layer = 'plain' | 'gzip' | 'utf16';

async function* readSource(
  source: ByteSource,
  path: string,
  context: ReadContext,
  layer: Layer = 'plain',
): AsyncGenerator<SourceEvent[]> {
  const head = await source.head(isHeadConclusive);
  const format: InputFormat = detectFormat(head);
  switch (format) {
    case 'empty':
      return;
    case 'json-lines':
      yield* readJsonLines(source.chunks(), context);
      return;
    case 'json-array':
    case 'json-stream':
      yield* readJsonStream(source.chunks(), context);
      return;
    case 'gzip':
      if (layer !== 'plain') break;
      yield* readSource(new ByteSource(gunzipChunks(source, context)), path, context, 'gzip');
      return;
    case 'utf16':
      if (layer === 'utf16') break;
      yield* readSource(new ByteSource(decodeUtf16Chunks(source, isBigEndian(head))), path, context, 'utf16');
      return;
    case 'evtx':
      if (layer !== 'plain' || path === STDIN_PATH) {
        const where = path === STDIN_PATH ? 'from standard input' : 'inside gzip or UTF-16 data';
        context.warn('UNKNOWN_FORMAT', `EVTX ${where} cannot be read: pass the EVTX file itself`, { offset: 0 });
        return;
      }
      await source.close();
      yield* readEvtxInput(path, context);
      return;
    case 'unknown':
      break;
  }
  context.warn('UNKNOWN_FORMAT', describeUnknown(head, layer), { offset: 0 });
}

/** Tells UTF-16BE from UTF-16LE by the byte order mark, or else by which byte of the first character is zero. */
function isBigEndian(head: Buffer): boolean {
  return head[0] === 0xfe || head[0] === 0x00;
}

function describeUnknown(head: Buffer, layer: Layer): string {
  const inside = layer === 'plain' ? '' : ` (after ${layer === 'gzip' ? 'gzip decompression' : 'UTF-16 decoding'})`;
  const shown = JSON.stringify(head.toString('latin1', 0, Math.min(head.length, 16)));
  return `not a log format Sigil reads${inside}: expected JSON, JSON lines or EVTX, but the input starts with ${shown}`;
}
