// Writers for detections: JSON lines, a JSON array, CSV and a terminal table.
import { stringify as csvStringify } from 'csv-stringify/sync';
import { stringifyEvent } from '../sources/event-json.ts';
import type { Detection } from './detection.ts';
import { detectionToJson } from './json.ts';
import { correlationSummary } from './correlation-text.ts';
import { formatTableRow, tableHeader } from './table.ts';

export type OutputFormat = 'table' | 'jsonl' | 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'jsonl', 'json', 'csv'];

/** Turns detections into text chunks; `finish` returns what closes the output. */
export interface DetectionFormatter {
  start(): string;
  format(detection: Detection): string;
  finish(): string;
}

const CSV_COLUMNS = ['timestamp', 'level', 'rule_title', 'rule_id', 'rule_author', 'host', 'file', 'line', 'record', 'fields'];

function csvRow(detection: Detection): unknown[] {
  if (detection.kind === 'correlation') {
    const { rule } = detection;
    const first = detection.events[0]?.source;
    return [detection.timestamp, rule.level ?? '', rule.title, rule.id ?? '', rule.author ?? '', Object.values(detection.group).join(' '), first?.file ?? '', first?.line ?? '', first?.record ?? '', correlationSummary(detection)];
  }
  const { rule, source } = detection;
  const fields = detection.fields.map(([name, value]) => `${name}=${typeof value === 'string' ? value : stringifyEvent(value)}`).join('; ');
  return [detection.timestamp ?? '', rule.level ?? '', rule.title, rule.id ?? '', rule.author ?? '', detection.host ?? '', source.file, source.line ?? '', source.record ?? '', fields];
}

/** Returns the formatter for an output format. `color` applies to the table only. */
export function createFormatter(format: OutputFormat, options: { color: boolean; width: number }): DetectionFormatter {
  switch (format) {
    case 'jsonl':
      return { start: () => '', format: (detection) => `${stringifyEvent(detectionToJson(detection))}\n`, finish: () => '' };
    case 'json': {
      let first = true;
      return {
        start: () => '[',
        format: (detection) => {
          const text = `${first ? '\n' : ',\n'}${stringifyEvent(detectionToJson(detection))}`;
          first = false;
          return text;
        },
        finish: () => (first ? ']\n' : '\n]\n'),
      };
    }
    case 'csv':
      return {
        start: () => csvStringify([CSV_COLUMNS]),
        format: (detection) => csvStringify([csvRow(detection)]),
        finish: () => '',
      };
    case 'table':
      return {
        start: () => tableHeader(options),
        format: (detection) => formatTableRow(detection, options),
        finish: () => '',
      };
  }
}
