// Recognizes an input's format from its first bytes, whatever its file name.

import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  isJsonWhitespace,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  utf8BomLength,
} from './json-bytes.ts';

/**
 * Format of an input, as its first bytes show it. `json-lines` is one compact object
 * per line. `json-array` and `json-stream` are read alike: a JSON array, a single
 * object, or concatenated (possibly pretty-printed) objects.
 */
export type InputFormat =
  | 'evtx'
  | 'gzip'
  | 'json-lines'
  | 'json-array'
  | 'json-stream'
  | 'utf16'
  | 'empty'
  | 'unknown';

const EVTX_SIGNATURE = [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00]; // "ElfFile\0"

/** Returns true for `{` and `[`, the first byte of every JSON input Sigil reads. */
function isJsonOpener(byte: number | undefined): boolean {
  return byte === OPEN_BRACE || byte === OPEN_BRACKET;
}

function startsWith(head: Uint8Array, signature: readonly number[]): boolean {
  if (head.length < signature.length) return false;
  return signature.every((byte, i) => head[i] === byte);
}

/**
 * Detects the format of an input from its first bytes (a few KiB is enough).
 * A head that starts with `{` is JSON lines when its first lines that start with `{`
 * each contain one complete object, and an object stream when one of them spans several
 * lines or is followed by another object. A line longer than `head` counts as complete.
 */
export function detectFormat(head: Uint8Array): InputFormat {
  if (startsWith(head, EVTX_SIGNATURE)) return 'evtx';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'utf16';
  if (isJsonOpener(head[0]) && head[1] === 0x00) return 'utf16';
  if (head[0] === 0x00 && isJsonOpener(head[1])) return 'utf16';

  let start = utf8BomLength(head);
  while (start < head.length && isJsonWhitespace(head[start]!)) start++;
  if (start === head.length) return 'empty';

  const first = head[start];
  if (first === OPEN_BRACKET) return 'json-array';
  if (first !== OPEN_BRACE) return 'unknown';
  return looksLikeJsonLines(head, start) ? 'json-lines' : 'json-stream';
}

/**
 * Returns true once `head` is long enough for `detectFormat` to be sure: the binary
 * signatures are complete, or a line break follows the first character of the text.
 * Reading a pipe such as `tail -f` can then start without waiting for a full head.
 */
export function isHeadConclusive(head: Uint8Array): boolean {
  if (head.length < EVTX_SIGNATURE.length) return false;
  if (startsWith(head, EVTX_SIGNATURE) || (head[0] === 0x1f && head[1] === 0x8b)) return true;
  if (head[0] === 0xff || head[0] === 0xfe || head[0] === 0x00 || head[1] === 0x00) return true;
  let start = utf8BomLength(head);
  while (start < head.length && isJsonWhitespace(head[start]!)) start++;
  return start < head.length && head.indexOf(NEWLINE, start) !== -1;
}

/** Object lines checked before an input counts as JSON lines. */
const LINES_CHECKED = 4;

/**
 * Returns true when the first few lines of the head that start with `{` look like JSON
 * lines. The first one must contain one whole object. A later one that is only `{`, or
 * one with a second object after the first, marks a pretty-printed or concatenated
 * stream, while any other unfinished line is a bad line for the JSON lines reader to
 * report. Lines that start with anything else do not decide either way.
 */
function looksLikeJsonLines(head: Uint8Array, start: number): boolean {
  let pos = start;
  for (let checked = 0; checked < LINES_CHECKED; checked++) {
    while (pos < head.length && isJsonWhitespace(head[pos]!)) pos++;
    if (pos >= head.length) return true;
    if (head[pos] !== OPEN_BRACE) {
      const newline = head.indexOf(NEWLINE, pos);
      if (newline === -1) return true;
      pos = newline + 1;
      continue;
    }
    const line = scanObjectLine(head, pos);
    if (line.kind === 'followed' || (line.kind === 'open' && (checked === 0 || line.bare))) return false;
    if (line.end >= head.length) return true;
    pos = line.end + 1;
  }
  return true;
}

/** Outcome of scanning the line of an object that starts a line. `end` is its line break, or the head's end. */
type ObjectLine =
  | { kind: 'whole'; end: number }
  | { kind: 'followed'; end: number }
  | { kind: 'open'; end: number; bare: boolean };

/**
 * Scans the object that starts at `start` up to the end of its line: it closes there
 * (`whole`), closes with more text after it (`followed`), or is still open (`open`,
 * with `bare` when the line contains nothing but the `{`). A head that ends inside the
 * line counts as one long whole line.
 */
function scanObjectLine(head: Uint8Array, start: number): ObjectLine {
  let depth = 0;
  let inString = false;
  for (let i = start; i < head.length; i++) {
    const byte = head[i]!;
    if (byte === NEWLINE) return { kind: 'open', end: i, bare: isBlank(head, start + 1, i) };
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) {
        const end = restOfLineEnd(head, i + 1);
        return end === -1 ? { kind: 'followed', end: lineEnd(head, i) } : { kind: 'whole', end };
      }
    }
  }
  return { kind: 'whole', end: head.length };
}

function isBlank(head: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isJsonWhitespace(head[i]!)) return false;
  return true;
}

function lineEnd(head: Uint8Array, start: number): number {
  const newline = head.indexOf(NEWLINE, start);
  return newline === -1 ? head.length : newline;
}

/** Returns the line break (or head end) after `start` when only whitespace comes before it, else -1. */
function restOfLineEnd(head: Uint8Array, start: number): number {
  for (let i = start; i < head.length; i++) {
    if (head[i] === NEWLINE) return i;
    if (!isJsonWhitespace(head[i]!)) return -1;
  }
  return head.length;
}
