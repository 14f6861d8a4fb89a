// Explanations as readable text: which parts of a rule were true or false for an event, and why.
import pc from 'picocolors';
import type { ItemExplanation, RuleExplanation, SearchExplanation } from '../engine/index.ts';
import { stringifyEvent } from '../sources/event-json.ts';

const REASONS: Record<ItemExplanation['reason'], string> = {
  matched: 'matched',
  'absent-field': 'the field is absent',
  'value-mismatch': 'no value matched',
  'case-mismatch': 'only the letter case differs (cased)',
  'not-a-number': 'the value is not a number',
  'not-an-ip': 'the value is in none of the ranges, or is not an IP address',
  'not-a-timestamp': 'the value is not a timestamp',
  negated: 'a value matched (neq)',
};

function shown(value: unknown, limit = 120): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : stringifyEvent(value) ?? 'undefined';
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function mark(result: boolean, color: boolean): string {
  if (!color) return result ? '[+]' : '[-]';
  return result ? pc.green('✓') : pc.red('✗');
}

function formatItem(item: ItemExplanation, color: boolean): string {
  const key = [item.field ?? '(keywords)', ...item.modifiers].join('|');
  const values = item.values.map((value) => shown(value.written, 60)).join(', ');
  const renamed = item.eventField && item.eventField !== item.field ? ` (event field ${item.eventField})` : '';
  const actual = item.field === null ? '' : item.present ? ` ← ${item.eventField} = ${shown(item.eventValue)}` : ` ← ${item.eventField} absent`;
  return `      ${mark(item.result, color)} ${key}: [${values}]${renamed}${actual}: ${REASONS[item.reason]}`;
}

function formatSearch(search: SearchExplanation, color: boolean): string[] {
  return [`    ${mark(search.result, color)} ${search.name}`, ...search.items.map((item) => formatItem(item, color))];
}

/** The explanation of one rule on one event as indented lines. */
export function formatExplanation(title: string, explanation: RuleExplanation, color: boolean): string {
  const lines: string[] = [];
  const verdict = explanation.matched ? 'MATCH' : 'NO MATCH';
  lines.push(`${title}: ${color ? (explanation.matched ? pc.green(pc.bold(verdict)) : pc.red(verdict)) : verdict}`);
  const conditions = explanation.logsourceConditions.map((condition) => `${condition.field} in [${condition.values.join(', ')}] ← ${shown(condition.eventValue, 60)}`).join('; ');
  lines.push(`  logsource: ${mark(explanation.logsourceMatched, color)} ${explanation.variant ?? 'no variant of the profile matched'}${conditions ? ` (${conditions})` : ''}`);
  lines.push(`  condition: ${mark(explanation.conditionResult, color)} ${explanation.condition}`);
  for (const search of explanation.searches) lines.push(...formatSearch(search, color));
  for (const filter of explanation.filters) {
    lines.push(`  filter ${mark(filter.result, color)} ${filter.title}${filter.id ? ` (${filter.id})` : ''}`);
    for (const search of filter.searches) lines.push(...formatSearch(search, color));
  }
  return `${lines.join('\n')}\n`;
}
