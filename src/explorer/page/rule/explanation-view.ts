// Shows the engine's explanation of one event: the verdict, the logsource check, and each
// selection with its field conditions.
import type { ItemExplanation, RuleExplanation, SearchExplanation } from '../../../engine/index.ts';
import { el } from '../dom.ts';

const REASONS: Record<ItemExplanation['reason'], string> = {
  matched: 'matched',
  'absent-field': 'field absent from the event',
  'value-mismatch': 'no value matched',
  'case-mismatch': 'matched only when ignoring case, and the modifier asks for case-sensitive matching',
  'not-a-number': 'event value is not a number',
  'not-an-ip': 'event value is not an IP address',
  'not-a-timestamp': 'event value is not a timestamp',
  negated: 'a value matched, and the modifier negates it',
};

/** Renders the verdict for one event. */
export function renderExplanation(label: string, explanation: RuleExplanation): HTMLElement {
  const verdict = explanation.matched ? 'Matched' : 'Not matched';
  return el(
    'div',
    { className: `verdict ${explanation.matched ? 'matched' : 'not-matched'}`, testId: 'verdict' },
    el('div', { className: 'verdict-head', testId: 'verdict-result' }, `${verdict} · ${label}`),
    renderLogsource(explanation),
    el('p', {}, 'Condition: ', el('code', {}, explanation.condition), ' → ', truth(explanation.conditionResult)),
    el('ul', { className: 'explain' }, ...explanation.searches.map(renderSearch)),
    ...explanation.filters.map((filter) =>
      el('div', {}, `Filter ${filter.title}: `, truth(filter.result), el('ul', { className: 'explain' }, ...filter.searches.map(renderSearch))),
    ),
  );
}

function renderLogsource(explanation: RuleExplanation): HTMLElement {
  const conditions = explanation.logsourceConditions.map((condition) =>
    el(
      'li',
      {},
      `${condition.field} in [${condition.values.join(', ')}], event has ${formatValue(condition.eventValue)} → `,
      truth(condition.result),
    ),
  );
  const variant = explanation.variant ?? 'no variant of the profile';
  return el(
    'div',
    { testId: 'logsource-check' },
    el('p', {}, `Logsource (${variant}): `, truth(explanation.logsourceMatched)),
    conditions.length === 0 ? null : el('ul', { className: 'explain' }, ...conditions),
  );
}

function renderSearch(search: SearchExplanation): HTMLElement {
  return el(
    'li',
    { testId: 'explain-search', attrs: { 'data-search': search.name, 'data-result': String(search.result) } },
    el('span', { className: 'search-name' }, search.name), ': ', truth(search.result),
    el('ul', {}, ...search.items.map(renderItem)),
  );
}

function renderItem(item: ItemExplanation): HTMLElement {
  const key = item.field === null ? 'keywords' : [item.field, ...item.modifiers].join('|');
  const renamed = item.eventField !== null && item.eventField !== item.field ? ` (event field ${item.eventField})` : '';
  const values = item.values.map((value) => `${value.matched ? '✓' : '✗'} ${formatValue(value.written)}`).join(', ');
  const eventValue = item.field === null ? '' : `; event value ${item.present ? formatValue(item.eventValue) : 'absent'}`;
  return el(
    'li',
    { testId: 'explain-item', attrs: { 'data-field': item.field ?? '', 'data-result': String(item.result) } },
    `${key}${renamed}: `,
    truth(item.result),
    ` — ${REASONS[item.reason]}${eventValue}; rule values ${values}`,
  );
}

function truth(result: boolean): HTMLElement {
  return el('span', { className: result ? 'true' : 'false' }, result ? 'true' : 'false');
}

function formatValue(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
