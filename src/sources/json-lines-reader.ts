// JSON lines (NDJSON): one event object per line, split by hand on Buffers.

import { isJsonWhitespace, NEWLINE, utf8BomLength } from './json-bytes.ts';
import { ParseFailure, parseEventText } from './parse-event.ts';
import type { ReadContext } from './read-options.ts';
import type { SourceEvent } from './types.ts';

/**
 * Splits chunks into lines and parses each non-blank line as one event.
 * Yields one batch per chunk. `index` counts non-blank lines from 0, so a skipped line
 * still takes its index. A line longer than `maxEventBytes` is dropped while it streams
 * past, without being buffered.
 */
export async function* readJsonLines(chunks: AsyncIterable<Buffer>, context: ReadContext): AsyncGenerator<SourceEvent[]> {
  const splitter = new LineSplitter(context);
  for await (const chunk of chunks) {
    const batch: SourceEvent[] = [];
    splitter.feed(chunk, batch);
    if (batch.length > 0) {
      context.stats.events += batch.length;
      yield batch;
    }
  }
  const batch: SourceEvent[] = [];
  splitter.finish(batch);
  if (batch.length > 0) {
    context.stats.events += batch.length;
    yield batch;
  }
}

/** The splitter's state between chunks: a partial line, or a too-long line being dropped. */
class LineSplitter {
  private readonly context: ReadContext;
  /** Bytes of input before the current chunk. */
  private consumed = 0;
  /** 1-based number of the next line to end. */
  private line = 1;
  private index = 0;
  /** Start of a line carried over from earlier chunks (kept in `carry`, or being dropped). */
  private partialOffset = 0;
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private dropping = false;

  constructor(context: ReadContext) {
    this.context = context;
  }

  feed(chunk: Buffer, batch: SourceEvent[]): void {
    let start = this.consumed === 0 ? utf8BomLength(chunk) : 0;
    let newline = chunk.indexOf(NEWLINE, start);

    if (this.dropping || this.carryBytes > 0) {
      if (newline === -1) {
        this.keepPartial(chunk, start);
        this.consumed += chunk.length;
        return;
      }
      if (this.dropping) {
        this.dropping = false;
      } else {
        this.carry.push(chunk.subarray(start, newline));
        const text = Buffer.concat(this.carry);
        this.carry = [];
        this.carryBytes = 0;
        this.parseLine(text, 0, text.length, this.partialOffset, batch);
      }
      this.line++;
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }

    while (newline !== -1) {
      this.parseLine(chunk, start, newline, this.consumed + start, batch);
      this.line++;
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.keepPartial(chunk, start);
    this.consumed += chunk.length;
  }

  /** Parses a last line that has no newline after it, unless the input was cut short there. */
  finish(batch: SourceEvent[]): void {
    if (this.dropping || this.carryBytes === 0) return;
    const text = Buffer.concat(this.carry);
    this.carry = [];
    this.carryBytes = 0;
    if (this.context.cutShort) {
      this.context.stats.skipped++;
      return;
    }
    this.parseLine(text, 0, text.length, this.partialOffset, batch);
  }

  private keepPartial(chunk: Buffer, start: number): void {
    if (this.dropping) return;
    if (this.carryBytes === 0) this.partialOffset = this.consumed + start;
    this.carry.push(chunk.subarray(start));
    this.carryBytes += chunk.length - start;
    if (this.carryBytes <= this.context.maxEventBytes) return;

    this.reportTooLong(this.partialOffset);
    this.index++;
    this.dropping = true;
    this.carry = [];
    this.carryBytes = 0;
  }

  private reportTooLong(offset: number): void {
    const { context } = this;
    context.skip('LINE_TOO_LONG', `line is longer than the limit of ${context.maxEventBytes} bytes`, {
      line: this.line,
      index: this.index,
      offset,
    });
  }

  private parseLine(buffer: Buffer, start: number, end: number, offset: number, batch: SourceEvent[]): void {
    let first = start;
    while (first < end && isJsonWhitespace(buffer[first]!)) first++;
    let last = end;
    while (last > first && isJsonWhitespace(buffer[last - 1]!)) last--;
    if (first === last) return;

    const { context } = this;
    if (last - first > context.maxEventBytes) {
      this.reportTooLong(offset);
      this.index++;
      return;
    }

    const position = { file: context.file, line: this.line, index: this.index, offset: offset + (first - start) };
    this.index++;
    const result = parseEventText(buffer.toString('utf8', first, last), context.maxDepth);
    if (result instanceof ParseFailure) {
      context.skip(result.code, result.message, position);
      return;
    }
    batch.push({ event: result, position });
  }
}
