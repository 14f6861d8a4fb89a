// Reads a file the user dropped or chose: an EVTX log, decoded in the page chunk by chunk,
// or JSON text.
import { CHUNK_SIZE, FILE_HEADER_SIZE, decodeChunk, isEvtx, parseFileHeader } from '../../../sources/evtx/index.ts';
import { parseEventsText, type ParsedEvents } from './parse-events.ts';

/** Reads events from a dropped file. */
export async function readDroppedFile(file: File): Promise<ParsedEvents> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isEvtx(bytes)) return decodeEvtx(bytes, file.name);
  return parseEventsText(new TextDecoder().decode(bytes), file.name);
}

/** Decodes every chunk; damaged chunks and records become errors and the rest still load. */
export function decodeEvtx(bytes: Uint8Array, name: string): ParsedEvents {
  const parsed: ParsedEvents = { events: [], errors: [] };
  const header = parseFileHeader(bytes);
  if (!header.checksumValid) parsed.errors.push(`${name}: the file header checksum does not match; reading the chunks anyway`);
  for (let index = 0, offset = FILE_HEADER_SIZE; offset < bytes.length; index += 1, offset += CHUNK_SIZE) {
    const chunk = bytes.subarray(offset, Math.min(offset + CHUNK_SIZE, bytes.length));
    // Unused chunks at the end of a file are zero-filled.
    if (chunk.every((byte) => byte === 0)) continue;
    const records = decodeChunk(chunk, {
      chunkIndex: index,
      fileOffset: offset,
      file: name,
      shape: 'attributes',
      onWarning: (warning) => parsed.errors.push(`${name}: ${warning.message}`),
    });
    for (const record of records) parsed.events.push({ event: record.event, label: `${name}, record ${record.recordId}` });
  }
  return parsed;
}
