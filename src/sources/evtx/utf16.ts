// UTF-16LE text from EVTX bytes. Short strings (most names and values) are decoded by a
// small loop, which avoids the per-call cost of TextDecoder; longer ones use TextDecoder.

const SHORT_STRING = 32;
const strictDecoder = new TextDecoder('utf-16le', { fatal: true });
const lenientDecoder = new TextDecoder('utf-16le');

/**
 * Decodes UTF-16LE text and counts strings that are not valid UTF-16 (unpaired surrogates).
 * Invalid units become U+FFFD; the owner reads and resets `invalidCount` to report them.
 */
export class Utf16Reader {
  invalidCount = 0;

  /**
   * Decodes `charCount` code units at `start`. With `stopAtNul`, the text ends at the first
   * NUL, as Windows strings do.
   */
  read(bytes: Uint8Array, start: number, charCount: number, stopAtNul: boolean): string {
    if (charCount <= SHORT_STRING) {
      const text = readShort(bytes, start, charCount, stopAtNul);
      if (text !== undefined) return text;
    }
    let units = charCount;
    if (stopAtNul) units = nulIndex(bytes, start, charCount);
    if (units === 0) return '';
    const slice = bytes.subarray(start, start + units * 2);
    try {
      return strictDecoder.decode(slice);
    } catch {
      this.invalidCount++;
      return lenientDecoder.decode(slice);
    }
  }
}

/** Returns the text, or undefined when it holds a surrogate (the slow path handles those). */
function readShort(bytes: Uint8Array, start: number, charCount: number, stopAtNul: boolean): string | undefined {
  let text = '';
  let p = start;
  for (let i = 0; i < charCount; i++, p += 2) {
    const unit = bytes[p]! | (bytes[p + 1]! << 8);
    if (unit === 0 && stopAtNul) break;
    if (unit >= 0xd800 && unit <= 0xdfff) return undefined;
    text += String.fromCharCode(unit);
  }
  return text;
}

function nulIndex(bytes: Uint8Array, start: number, charCount: number): number {
  let p = start;
  for (let i = 0; i < charCount; i++, p += 2) {
    if (bytes[p] === 0 && bytes[p + 1] === 0) return i;
  }
  return charCount;
}
