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
    if (charCount === 0) return '';
    const slice = bytes.subarray(start, start + charCount * 2);
    let text: string;
    try {
      text = strictDecoder.decode(slice);
    } catch {
      this.invalidCount++;
      text = lenientDecoder.decode(slice);
    }
    if (!stopAtNul) return text;
    const nul = text.indexOf('\u0000');
    return nul < 0 ? text : text.slice(0, nul);
  }
}

/** Code units of the string being decoded, reused between calls. */
const units: number[] = [];

/** Returns the text, or undefined when it contains a surrogate (the slow path handles those). */
function readShort(bytes: Uint8Array, start: number, charCount: number, stopAtNul: boolean): string | undefined {
  let length = 0;
  for (let p = start; length < charCount; length++, p += 2) {
    const unit = bytes[p]! | (bytes[p + 1]! << 8);
    if (unit === 0 && stopAtNul) break;
    if (unit >= 0xd800 && unit <= 0xdfff) return undefined;
    units[length] = unit;
  }
  units.length = length;
  return String.fromCharCode.apply(null, units);
}
