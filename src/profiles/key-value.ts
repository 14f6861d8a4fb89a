// Fields written as `Key=Value` lines inside one text value, as PowerShell classic events
// (400, 403, 600, 800 on "Windows PowerShell") write their details:
//   "\tHostName=ConsoleHost\r\n\tHostApplication=powershell.exe -nop\r\n\tEngineVersion=5.1…"

/**
 * Returns the value of the line `key=value` in `text`, or undefined when no line has that key.
 * `needle` is the key followed by `=`, built once by the caller.
 * A key counts only at the start of a line (after spaces or tabs), so `x=1` inside a value is not a key.
 * The value runs to the end of its line, without the `\r` of a CRLF.
 */
export function findKeyValue(text: string, needle: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return undefined;
    if (startsLine(text, at)) {
      const start = at + needle.length;
      let end = start;
      while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
      return text.slice(start, end);
    }
    from = at + 1;
  }
}

/** True when only spaces or tabs stand between the previous line break (or the text start) and `at`. */
function startsLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return true;
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

/** Looks a key (given as `needle`, the key followed by `=`) up in a text or in each text of a list. */
export function findKeyValueIn(value: unknown, needle: string): string | undefined {
  if (typeof value === 'string') return findKeyValue(value, needle);
  if (!Array.isArray(value)) return undefined;
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const found = findKeyValue(item, needle);
    if (found !== undefined) return found;
  }
  return undefined;
}
