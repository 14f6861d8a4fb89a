// Bytes of one input: a file or standard input, read in chunks, with gzip and UTF-16 decoding.

import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ReadContext } from './read-options.ts';

/** Most bytes read ahead to tell the formats apart before any event is read. */
export const HEAD_BYTES = 64 * 1024;

/**
 * The chunks of one input after any decoding, with a first part kept back for format
 * detection. Iterating yields the head again, then the rest.
 */
export class ByteSource {
  private readonly pending: Buffer[] = [];
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(chunks: AsyncIterable<Buffer>) {
    this.iterator = chunks[Symbol.asyncIterator]();
  }

  /**
   * Reads until `isEnough` accepts the bytes buffered, `HEAD_BYTES` are buffered, or the
   * input ends, and returns those bytes without consuming them.
   */
  async head(isEnough: (head: Buffer) => boolean): Promise<Buffer> {
    let length = this.pending.reduce((sum, chunk) => sum + chunk.length, 0);
    while (length < HEAD_BYTES && !(this.pending.length === 1 && isEnough(this.pending[0]!))) {
      const next = await this.iterator.next();
      if (next.done === true) break;
      this.pending.push(next.value);
      length += next.value.length;
      if (this.pending.length > 1) this.pending.splice(0, this.pending.length, Buffer.concat(this.pending));
    }
    return this.pending[0] ?? Buffer.alloc(0);
  }

  /** Yields every chunk: first those buffered by `head`, then the rest of the input. */
  async *chunks(): AsyncGenerator<Buffer> {
    try {
      while (this.pending.length > 0) yield this.pending.shift()!;
      for (;;) {
        const next = await this.iterator.next();
        if (next.done === true) return;
        yield next.value;
      }
    } finally {
      await this.close();
    }
  }

  /** Stops reading and releases the file. */
  async close(): Promise<void> {
    this.pending.length = 0;
    await this.iterator.return?.();
  }
}

/**
 * Reads a file in chunks of `chunkBytes`, with the next read already under way while the
 * caller handles a chunk, so parsing and disk reads overlap. The file is closed when
 * iteration ends or stops early.
 */
export async function* readFileChunks(path: string, chunkBytes: number): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  const readNext = async (): Promise<Buffer> => {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
    return bytesRead === chunkBytes ? buffer : buffer.subarray(0, bytesRead);
  };
  let next: Promise<Buffer> | undefined = readNext();
  try {
    for (;;) {
      const chunk: Buffer = await next;
      next = undefined;
      if (chunk.length === 0) return;
      next = readNext();
      yield chunk;
    }
  } finally {
    // A read still in flight must finish before the handle closes; its error no longer matters.
    await next?.catch(() => undefined);
    await handle.close();
  }
}

/**
 * Passes chunks through and turns a read error into a `READ_FAILED` warning with the byte
 * offset reached, ending the input there.
 */
export async function* reportReadErrors(chunks: AsyncIterable<Buffer>, context: ReadContext): AsyncGenerator<Buffer> {
  let offset = 0;
  try {
    for await (const chunk of chunks) {
      offset += chunk.length;
      yield chunk;
    }
  } catch (error) {
    context.cutShort = true;
    const message = (error as Error).message;
    const description = offset === 0 ? `cannot read the input: ${message}` : `reading failed after ${offset} bytes: ${message}`;
    context.skip('READ_FAILED', description, { offset });
  }
}

/** Adapts a stream of byte arrays (such as `process.stdin`) to Buffers without copying. */
export async function* readStreamChunks(stream: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/** Node's zlib error codes for input that stops inside a gzip member. */
function isTruncationError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'Z_BUF_ERROR' || (error instanceof Error && /unexpected end of file/i.test(error.message));
}

function hasZlibCode(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * Decompresses gzip data (one or more members). A truncated or corrupt stream is reported
 * as a warning and ends the output after the last byte that could be decoded, with the
 * context marked `cutShort`.
 */
export async function* gunzipChunks(compressed: ByteSource, context: ReadContext): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize: Math.max(64, Math.min(context.chunkBytes, 256 * 1024)) });
  const input = Readable.from(compressed.chunks(), { objectMode: false });
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  let produced = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      produced += chunk.length;
      yield chunk;
    }
  } catch (error) {
    context.cutShort = true;
    const message = (error as Error).message;
    if (isTruncationError(error)) {
      context.skip('TRUNCATED_GZIP', `gzip data ends early after ${produced} decompressed bytes (${message})`, { offset: produced });
    } else if (hasZlibCode(error)) {
      context.skip('TRUNCATED_GZIP', `gzip data is corrupt after ${produced} decompressed bytes (${message})`, { offset: produced });
    } else {
      context.skip('READ_FAILED', `reading failed after ${produced} decompressed bytes: ${message}`, { offset: produced });
    }
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

/** Decodes UTF-16 text (either byte order) into UTF-8 chunks, dropping the byte order mark. */
export async function* decodeUtf16Chunks(source: ByteSource, bigEndian: boolean): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le');
  for await (const chunk of source.chunks()) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield Buffer.from(rest, 'utf8');
}
