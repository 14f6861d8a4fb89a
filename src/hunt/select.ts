// Rule selection for a hunt: minimum level, statuses, tags and excluded rules.
import { RULE_LEVELS, type RuleLevel, type RuleMetadata, type RuleStatus } from '../sigma/index.ts';

export interface RuleSelection {
  minLevel?: RuleLevel;
  statuses?: readonly RuleStatus[];
  /** A rule is kept when it has at least one of these tags (case-insensitive). */
  tags?: readonly string[];
  /** Rule ids or names to leave out. */
  exclude?: readonly string[];
}

/** Returns the rules (or correlations) that pass the selection, in their original order. */
export function selectRules<T extends RuleMetadata>(rules: readonly T[], selection: RuleSelection): T[] {
  const minimum = selection.minLevel ? RULE_LEVELS.indexOf(selection.minLevel) : 0;
  const tags = selection.tags?.map((tag) => tag.toLowerCase());
  const excluded = new Set(selection.exclude ?? []);
  return rules.filter((rule) => {
    if (RULE_LEVELS.indexOf(rule.level ?? 'informational') < minimum) return false;
    if (selection.statuses && selection.statuses.length > 0 && !selection.statuses.includes(rule.status ?? 'experimental')) return false;
    if (tags && tags.length > 0 && !rule.tags.some((tag) => tags.includes(tag.toLowerCase()))) return false;
    if ((rule.id && excluded.has(rule.id)) || (rule.name && excluded.has(rule.name))) return false;
    return true;
  });
}
