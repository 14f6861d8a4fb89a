// Turns pasted or dropped text into events: one JSON object, a JSON array of objects, or JSON lines.

export type EventRecord = Record<string, unknown>;

export interface ParsedEvents {
  events: Array<{ event: EventRecord; label: string }>;
  errors: string[];
}

/** Parses JSON text into events; `source` names the input in labels and errors. */
export function parseEventsText(text: string, source = 'pasted text'): ParsedEvents {
  const trimmed = text.trim();
  if (trimmed === '') return { events: [], errors: [] };
  try {
    return fromValue(JSON.parse(trimmed), source);
  } catch {
    // Not one JSON document: read it as JSON lines.
  }
  const parsed: ParsedEvents = { events: [], errors: [] };
  trimmed.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (isEventRecord(value)) parsed.events.push({ event: value, label: `${source}, line ${index + 1}` });
      else parsed.errors.push(`${source}, line ${index + 1}: expected a JSON object`);
    } catch (error) {
      parsed.errors.push(`${source}, line ${index + 1}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  });
  return parsed;
}

function fromValue(value: unknown, source: string): ParsedEvents {
  if (isEventRecord(value)) return { events: [{ event: value, label: source }], errors: [] };
  if (!Array.isArray(value)) return { events: [], errors: [`${source}: expected a JSON object or an array of objects`] };
  const parsed: ParsedEvents = { events: [], errors: [] };
  value.forEach((item: unknown, index) => {
    if (isEventRecord(item)) parsed.events.push({ event: item, label: `${source}, item ${index + 1}` });
    else parsed.errors.push(`${source}, item ${index + 1}: expected a JSON object`);
  });
  return parsed;
}

function isEventRecord(value: unknown): value is EventRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
