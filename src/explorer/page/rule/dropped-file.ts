// Reads a file the user dropped or chose: JSON text, or an EVTX log decoded in the page.
import { parseEventsText, type ParsedEvents } from './parse-events.ts';

/** Reads events from a dropped file. */
export async function readDroppedFile(file: File): Promise<ParsedEvents> {
  return parseEventsText(await file.text(), file.name);
}
