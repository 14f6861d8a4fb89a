// JSON arrays and streams of concatenated (possibly pretty-printed) objects, scanned object by object.

import {
  BACKSLASH,
  CARRIAGE_RETURN,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  isJsonWhitespace,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  SPACE,
  TAB,
  utf8BomLength,
} from './json-bytes.ts';
import { LineCounter } from './line-counter.ts';
import { ParseFailure, parseEventText } from './parse-event.ts';
import type { ReadContext } from './read-options.ts';
import type { EventPosition, SourceEvent } from './types.ts';

const EMPTY = Buffer.alloc(0);

/**
 * Reads a sequence of top-level JSON values: each object is an event, and each top-level
 * array is opened so that its elements are the events. That covers a JSON array, one
 * object, and concatenated objects with or without separators and pretty-printing.
 * Yields one batch per chunk.
 */
export async function* readJsonStream(chunks: AsyncIterable<Buffer>, context: ReadContext): AsyncGenerator<SourceEvent[]> {
  const scanner = new ValueScanner(context);
  for await (const chunk of chunks) {
    const batch: SourceEvent[] = [];
    scanner.feed(chunk, batch);
    if (batch.length > 0) {
      context.stats.events += batch.length;
      yield batch;
    }
  }
  const batch: SourceEvent[] = [];
  scanner.finish(batch);
  if (batch.length > 0) {
    context.stats.events += batch.length;
    yield batch;
  }
}

/**
 * - `between`: at event level, skipping whitespace and commas and entering or leaving a top-level array;
 * - `container`: inside an object or array value, tracking strings and bracket depth;
 * - `string`: inside a string value at event level (not an event, but it has to be skipped whole);
 * - `scalar`: inside a number or literal at event level;
 * - `resync`: after a broken value, skipping to the next line that starts with `{`.
 */
type ScanMode = 'between' | 'container' | 'string' | 'scalar' | 'resync';

/**
 * A brace-depth scanner that respects strings and escapes. It keeps only the bytes of the
 * value being scanned, so memory stays bounded by `maxEventBytes` whatever the input size.
 *
 * A raw line break cannot occur inside a JSON string, so one there means a quote was lost.
 * The value is then reported, and the scanner restarts at the next line beginning with
 * `{`, which is where the next event starts in pretty-printed and line-per-event input.
 */
class ValueScanner {
  private readonly context: ReadContext;
  private readonly lines = new LineCounter();
  private buffer: Buffer = EMPTY;
  /** Input offset of `buffer[0]`. */
  private bufferOffset = 0;
  /** Next byte to scan; can be one past the buffer end after a trailing backslash. */
  private pos = 0;
  private mode: ScanMode = 'between';
  private inArray = false;
  private index = 0;
  private atLineStart = false;
  /** End of the line the fast path last looked at: its newline, or the buffer end when `lineEndFound` is false. */
  private lineEnd = -1;
  private lineEndFound = false;
  /** The fast path is off before this position, on a line where it failed once. */
  private slowUntil = -1;
  /** First line break at or after the scan position inside a string, or the buffer end when there is none. */
  private newlineAt = -1;

  // The value being scanned.
  /** Start of the value in `buffer`, or -1 when it started in an earlier chunk. */
  private valueStart = 0;
  /** First byte of the value. */
  private opener = 0;
  /** Bytes of the value from earlier chunks, kept as slices of those chunks. */
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private valuePosition: EventPosition = { file: '' };
  private depth = 0;
  private inString = false;
  private tooDeep = false;
  /** Set once the value outgrew `maxEventBytes`: its bytes are no longer kept. */
  private dropping = false;
  /** Opening bracket at each depth, to catch `{]`-style mismatches. */
  private readonly openers: Uint8Array;

  constructor(context: ReadContext) {
    this.context = context;
    this.openers = new Uint8Array(context.maxDepth + 2);
  }

  feed(chunk: Buffer, batch: SourceEvent[]): void {
    if (this.bufferOffset === 0) this.pos = utf8BomLength(chunk);
    this.buffer = chunk;
    this.lines.extend();
    this.lineEnd = -1;
    this.slowUntil = -1;
    this.newlineAt = -1;
    this.scan(batch);
    this.release();
  }

  finish(batch: SourceEvent[]): void {
    const { context } = this;
    switch (this.mode) {
      case 'scalar':
        this.complete(this.buffer.length, batch);
        break;
      case 'container':
      case 'string':
        this.index++;
        if (context.cutShort) context.stats.skipped++;
        else if (!this.dropping) context.skip('INVALID_JSON', 'input ends inside this value', this.valuePosition);
        break;
      case 'between':
        if (this.inArray && !context.cutShort) {
          context.warn('INVALID_JSON', 'input ends before the array is closed', this.positionAt(this.buffer.length));
        }
        break;
      case 'resync':
        break;
    }
    this.partial = [];
    this.partialBytes = 0;
  }

  private scan(batch: SourceEvent[]): void {
    while (this.pos < this.buffer.length) {
      switch (this.mode) {
        case 'between':
          this.scanBetween(batch);
          break;
        case 'container':
        case 'string':
          this.scanContainer(batch);
          break;
        case 'scalar':
          this.scanScalar(batch);
          break;
        case 'resync':
          this.scanResync();
          break;
      }
    }
  }

  /**
   * Lets go of the chunk just scanned. Only the bytes of an unfinished value are kept, as a
   * slice, so the next chunk is scanned where it lies instead of being copied after them.
   */
  private release(): void {
    const { buffer, context } = this;
    const scanning = this.mode === 'container' || this.mode === 'string' || this.mode === 'scalar';
    if (scanning && !this.dropping) {
      const start = Math.max(this.valueStart, 0);
      const bytes = buffer.length - start;
      if (this.partialBytes + bytes > context.maxEventBytes) {
        this.dropping = true;
        this.partial = [];
        this.partialBytes = 0;
        context.skip('LINE_TOO_LONG', `value is longer than the limit of ${context.maxEventBytes} bytes`, this.valuePosition);
      } else if (bytes > 0) {
        this.partial.push(buffer.subarray(start));
        this.partialBytes += bytes;
      }
    }
    this.lines.lineAt(buffer, buffer.length);
    this.lines.shift(buffer.length);
    this.bufferOffset += buffer.length;
    this.pos -= buffer.length;
    this.valueStart = -1;
    this.buffer = EMPTY;
  }

  private positionAt(pos: number): EventPosition {
    return {
      file: this.context.file,
      line: this.lines.lineAt(this.buffer, pos),
      index: this.index,
      offset: this.bufferOffset + pos,
    };
  }

  private scanBetween(batch: SourceEvent[]): void {
    const { buffer } = this;
    const end = buffer.length;
    for (let i = this.pos; i < end; i++) {
      const byte = buffer[i]!;
      if (byte === SPACE || byte === NEWLINE || byte === CARRIAGE_RETURN || byte === TAB || byte === COMMA) continue;
      if (byte === OPEN_BRACKET && !this.inArray) {
        this.inArray = true;
        continue;
      }
      if (byte === CLOSE_BRACKET && this.inArray) {
        this.inArray = false;
        continue;
      }
      if (byte === OPEN_BRACE && this.parseRestOfLine(i, batch)) return;
      this.startValue(i, byte);
      return;
    }
    this.pos = end;
  }

  /**
   * Parses the rest of the line from `start` as one event: the fast path for one object
   * per line, as in most JSON arrays written by tools. A trailing comma, or the `]` that
   * closes the top-level array, is left out. Returns false when the line is not one whole
   * object (a pretty-printed one, say), so the caller scans it byte by byte instead.
   */
  private parseRestOfLine(start: number, batch: SourceEvent[]): boolean {
    const { buffer, context } = this;
    if (this.lineEnd < start) {
      const newline = buffer.indexOf(NEWLINE, start);
      this.lineEnd = newline === -1 ? buffer.length : newline;
      this.lineEndFound = newline !== -1;
    }
    if (!this.lineEndFound || start < this.slowUntil) return false;

    let end = this.lineEnd;
    while (end > start && isJsonWhitespace(buffer[end - 1]!)) end--;
    if (buffer[end - 1] === COMMA || (this.inArray && buffer[end - 1] === CLOSE_BRACKET)) end--;
    while (end > start && isJsonWhitespace(buffer[end - 1]!)) end--;
    if (buffer[end - 1] !== CLOSE_BRACE || end - start > context.maxEventBytes) return false;

    const result = parseEventText(buffer.toString('utf8', start, end), context.maxDepth);
    if (result instanceof ParseFailure && result.code === 'INVALID_JSON') {
      // One failed try per line: a line of many small objects must not be parsed again from each of them.
      this.slowUntil = this.lineEnd;
      return false;
    }

    const position = this.positionAt(start);
    this.index++;
    this.pos = end;
    if (result instanceof ParseFailure) context.skip(result.code, result.message, position);
    else batch.push({ event: result, position });
    return true;
  }

  private startValue(start: number, byte: number): void {
    this.valueStart = start;
    this.opener = byte;
    this.partial = [];
    this.partialBytes = 0;
    this.valuePosition = this.positionAt(start);
    this.tooDeep = false;
    this.dropping = false;
    this.pos = start + 1;
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      this.mode = 'container';
      this.depth = 1;
      this.openers[1] = byte;
      this.inString = false;
    } else if (byte === QUOTE) {
      this.mode = 'string';
      this.depth = 0;
      this.inString = true;
    } else {
      this.mode = 'scalar';
    }
  }

  /**
   * Walks an object (or a string) until it closes. This is the hot loop: outside strings
   * it goes byte by byte, and inside a string it jumps to the next quote with a native
   * search, then counts the backslashes before it to tell an escaped quote from the end.
   */
  private scanContainer(batch: SourceEvent[]): void {
    const { buffer, openers } = this;
    const end = buffer.length;
    const maxDepth = this.context.maxDepth;
    let depth = this.depth;
    let inString = this.inString;
    let i = this.pos;
    for (; i < end; i++) {
      if (inString) {
        const quote = buffer.indexOf(QUOTE, i);
        const stop = quote === -1 ? end : quote;
        if (this.newlineAt < i) {
          const newline = buffer.indexOf(NEWLINE, i);
          this.newlineAt = newline === -1 ? end : newline;
        }
        if (this.newlineAt < stop) {
          this.inString = inString;
          this.fail(this.newlineAt, 'line break inside a string (is a quote missing?)');
          return;
        }
        // Byte `i` is never escaped, so the backslashes to count all lie in [i, stop).
        let backslashes = 0;
        while (stop - backslashes > i && buffer[stop - backslashes - 1] === BACKSLASH) backslashes++;
        if (quote === -1) {
          // An odd run at the end escapes the first byte of the next chunk: skip it there.
          i = backslashes % 2 === 1 ? end + 1 : end;
          break;
        }
        i = quote;
        if (backslashes % 2 === 1) continue;
        inString = false;
        if (depth === 0) break;
        continue;
      }
      const byte = buffer[i]!;
      if (byte === QUOTE) {
        inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        depth++;
        if (depth <= maxDepth) openers[depth] = byte;
        else this.tooDeep = true;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (depth <= maxDepth && openers[depth] !== byte - 2) {
          this.fail(i, `'${String.fromCharCode(byte)}' does not match the open bracket`);
          return;
        }
        depth--;
        if (depth === 0) break;
      }
    }
    this.depth = depth;
    this.inString = inString;
    if (i < end) {
      this.complete(i + 1, batch);
    } else {
      this.pos = i;
    }
  }

  private scanScalar(batch: SourceEvent[]): void {
    const { buffer } = this;
    const end = buffer.length;
    for (let i = this.pos; i < end; i++) {
      const byte = buffer[i]!;
      if (
        byte === SPACE || byte === NEWLINE || byte === CARRIAGE_RETURN || byte === TAB || byte === COMMA ||
        byte === QUOTE || byte === OPEN_BRACE || byte === CLOSE_BRACE || byte === OPEN_BRACKET || byte === CLOSE_BRACKET
      ) {
        this.complete(i, batch);
        return;
      }
    }
    this.pos = end;
  }

  /** Skips to the next line whose first non-blank byte is `{` (or `]` closing the top-level array). */
  private scanResync(): void {
    const { buffer } = this;
    const end = buffer.length;
    let i = this.pos;
    while (i < end) {
      if (!this.atLineStart) {
        const newline = buffer.indexOf(NEWLINE, i);
        if (newline === -1) break;
        i = newline + 1;
        this.atLineStart = true;
        continue;
      }
      const byte = buffer[i]!;
      if (byte === SPACE || byte === TAB || byte === CARRIAGE_RETURN || byte === NEWLINE) {
        i++;
      } else if (byte === OPEN_BRACE || (byte === CLOSE_BRACKET && this.inArray)) {
        this.mode = 'between';
        this.pos = i;
        return;
      } else {
        this.atLineStart = false;
      }
    }
    this.pos = end;
  }

  /** Reports the value being scanned as broken at `at` and starts looking for the next event. */
  private fail(at: number, reason: string): void {
    const errorLine = this.lines.lineAt(this.buffer, at);
    if (!this.dropping) this.context.skip('INVALID_JSON', `invalid JSON: ${reason} at line ${errorLine}`, this.valuePosition);
    this.index++;
    this.startResync(at);
  }

  private startResync(at: number): void {
    this.mode = 'resync';
    this.atLineStart = false;
    this.dropping = false;
    this.partial = [];
    this.partialBytes = 0;
    this.pos = at;
  }

  private isScalarOpener(): boolean {
    return this.opener !== OPEN_BRACE && this.opener !== OPEN_BRACKET && this.opener !== QUOTE;
  }

  /** Handles a value that ends just before `end`. */
  private complete(end: number, batch: SourceEvent[]): void {
    const { context } = this;
    const position = this.valuePosition;
    const wasDropped = this.dropping;
    const start = Math.max(this.valueStart, 0);
    const size = this.partialBytes + end - start;
    this.mode = 'between';
    this.pos = end;
    this.dropping = false;
    this.index++;

    if (wasDropped) return;
    if (size > context.maxEventBytes) {
      context.skip('LINE_TOO_LONG', `value is longer than the limit of ${context.maxEventBytes} bytes`, position);
    } else if (this.tooDeep) {
      context.skip('NESTING_TOO_DEEP', `event nests deeper than ${context.maxDepth} levels`, position);
    } else if (this.opener === OPEN_BRACKET) {
      context.skip('NOT_AN_OBJECT', 'expected a JSON object, found an array', position);
    } else {
      const result = parseEventText(this.valueText(start, end), context.maxDepth);
      if (result instanceof ParseFailure) {
        context.skip(result.code, result.message, position);
        // Text that is not JSON at all is skipped up to the next event line, with this one warning.
        if (result.code === 'INVALID_JSON' && this.isScalarOpener()) this.startResync(end);
      } else {
        batch.push({ event: result, position });
      }
    }
    this.partial = [];
    this.partialBytes = 0;
  }

  private valueText(start: number, end: number): string {
    if (this.partial.length === 0) return this.buffer.toString('utf8', start, end);
    return Buffer.concat([...this.partial, this.buffer.subarray(0, end)]).toString('utf8');
  }
}
