// Line numbers for positions in a sliding buffer, counted once, as the scan moves forward.

import { NEWLINE } from './json-bytes.ts';

const UNKNOWN = -2;

/**
 * Counts line breaks up to the positions asked for. Positions must not go backwards.
 * The next line break found is remembered, so asking for many positions on one long
 * line does not search the rest of the buffer again each time.
 */
export class LineCounter {
  /** 1-based line number at `countedTo`. */
  private line = 1;
  /** Buffer position up to which line breaks have been counted. */
  private countedTo = 0;
  /** Position of the next line break at or after `countedTo`, -1 for none in the buffer, or UNKNOWN. */
  private nextBreak = UNKNOWN;

  /** Returns the 1-based line of the byte at `pos`. */
  lineAt(buffer: Buffer, pos: number): number {
    for (;;) {
      if (this.nextBreak === UNKNOWN) this.nextBreak = buffer.indexOf(NEWLINE, this.countedTo);
      if (this.nextBreak === -1 || this.nextBreak >= pos) return this.line;
      this.line++;
      this.countedTo = this.nextBreak + 1;
      this.nextBreak = UNKNOWN;
    }
  }

  /** Call after bytes were appended to the buffer: a search that found nothing must be redone. */
  extend(): void {
    if (this.nextBreak === -1) this.nextBreak = UNKNOWN;
  }

  /** Call after the first `cut` bytes were dropped from the buffer; `lineAt(buffer, cut)` must come first. */
  shift(cut: number): void {
    this.countedTo = Math.max(0, this.countedTo - cut);
    if (this.nextBreak >= 0) this.nextBreak -= cut;
  }
}
