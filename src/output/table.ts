// A readable terminal table: time, level in colour, rule title, host and the fields that matter.
import pc from 'picocolors';
import type { RuleLevel } from '../sigma/index.ts';
import { stringifyEvent } from '../sources/event-json.ts';
import type { Detection } from './detection.ts';
import { correlationSummary } from './correlation-text.ts';

interface TableOptions {
  color: boolean;
  /** Terminal width in columns. */
  width: number;
}

const COLUMN_WIDTHS = { time: 27, level: 8, title: 44, host: 18 };
const LEVEL_COLORS: Record<RuleLevel, (text: string) => string> = {
  critical: (text) => pc.bold(pc.magenta(text)),
  high: pc.red,
  medium: pc.yellow,
  low: pc.green,
  informational: pc.blue,
};

function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

function fieldText(value: unknown): string {
  return typeof value === 'string' ? value : stringifyEvent(value);
}

/** Returns the table's header line. */
export function tableHeader(options: TableOptions): string {
  const header = `${fit('Time', COLUMN_WIDTHS.time)} ${fit('Level', COLUMN_WIDTHS.level)} ${fit('Rule', COLUMN_WIDTHS.title)} ${fit('Host', COLUMN_WIDTHS.host)} Details`;
  return `${options.color ? pc.bold(header) : header}\n`;
}

/** Formats one detection as a table row, cutting the details column to the terminal width. */
export function formatTableRow(detection: Detection, options: TableOptions): string {
  const level = detection.rule.level ?? 'informational';
  const levelText = fit(level, COLUMN_WIDTHS.level);
  const fixed = COLUMN_WIDTHS.time + COLUMN_WIDTHS.level + COLUMN_WIDTHS.title + COLUMN_WIDTHS.host + 4;
  const detailsWidth = Math.max(20, options.width - fixed);
  const details =
    detection.kind === 'rule' ? detection.fields.map(([name, value]) => `${name}: ${fieldText(value)}`).join(' ¦ ') : correlationSummary(detection);
  const host = detection.kind === 'rule' ? detection.host : Object.values(detection.group).join(' ');
  return [
    fit(detection.timestamp ?? '-', COLUMN_WIDTHS.time),
    options.color ? LEVEL_COLORS[level](levelText) : levelText,
    fit(detection.rule.title, COLUMN_WIDTHS.title),
    fit(host || '-', COLUMN_WIDTHS.host),
    fit(details || '-', detailsWidth).trimEnd(),
  ].join(' ') + '\n';
}
