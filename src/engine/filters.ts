// Selection of the Sigma filters that apply to each rule.
import type { Logsource, SigmaFilter, SigmaRule } from '../sigma/index.ts';

/** True when every logsource key the filter sets has the same value in the rule's logsource. */
export function logsourceWithin(rule: Logsource, filter: Logsource): boolean {
  for (const key of ['category', 'product', 'service'] as const) {
    const expected = filter[key];
    if (expected !== undefined && expected.toLowerCase() !== rule[key]?.toLowerCase()) return false;
  }
  return true;
}

/**
 * Returns the filters that apply to a rule: those naming the rule by id or name (or naming no
 * rule at all), and only when the rule's logsource falls within the filter's logsource.
 * Each applies as `(rule condition) and (filter condition)`.
 */
export function filtersForRule(rule: SigmaRule, filters: readonly SigmaFilter[]): SigmaFilter[] {
  return filters.filter((filter) => {
    const named =
      filter.rules.length === 0 ||
      filter.rules.some((reference) => reference === rule.id || (rule.name !== undefined && reference === rule.name));
    return named && logsourceWithin(rule.logsource, filter.logsource);
  });
}
