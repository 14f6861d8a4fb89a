// Recognizes an input's format from its first bytes, whatever its file name.

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
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** Returns true for the bytes JSON treats as whitespace. */
export function isJsonWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === NEWLINE || byte === 0x0d || byte === 0x09;
}

/** Returns the length of a UTF-8 byte order mark at the start of `head`, or 0. */
export function utf8BomLength(head: Uint8Array): number {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
}

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
 * A head that starts with `{` is JSON lines when its first line contains one complete
 * object, and an object stream when the first object spans several lines.
 * A first line longer than `head` counts as JSON lines.
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
  return firstLineHoldsObject(head, start) ? 'json-lines' : 'json-stream';
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

/**
 * Scans the object that starts at `start` and reports whether it closes before the
 * first line break with nothing but whitespace after it on that line. Strings and
 * escapes are respected; a head that ends before both the line break and the object's
 * end counts as one long line.
 */
function firstLineHoldsObject(head: Uint8Array, start: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = start; i < head.length; i++) {
    const byte = head[i]!;
    if (byte === NEWLINE) return false;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return restOfLineIsBlank(head, i + 1);
    }
  }
  return true;
}

function restOfLineIsBlank(head: Uint8Array, start: number): boolean {
  for (let i = start; i < head.length && head[i] !== NEWLINE; i++) {
    if (!isJsonWhitespace(head[i]!)) return false;
  }
  return true;
}
