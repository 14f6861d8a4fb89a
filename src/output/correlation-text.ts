// A correlation alert in one line of text, for the table and CSV outputs.
import type { CorrelationAlert } from './detection.ts';

/** Describes a correlation alert in one line: its type, value, group and event count. */
export function correlationSummary(alert: CorrelationAlert): string {
  const group = Object.entries(alert.group).map(([field, value]) => `${field}=${value}`).join(', ');
  return `${alert.type} value=${alert.value}${group ? ` group: ${group}` : ''}; ${alert.eventCount} events from ${alert.firstTime} to ${alert.lastTime}`;
}
