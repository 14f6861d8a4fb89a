// Compiling rules into matchers, matching events, and explaining results.
export { RuleSet, type RuleSetOptions, type RuleCompileError, type RuleCost, type MatchStats } from './rule-set.ts';
export type { CompiledRule } from './compile/rule.ts';
export { MatchContext } from './match-context.ts';
export { evaluateRule, explainRule } from './reference/evaluate.ts';
export { filtersForRule, logsourceWithin } from './filters.ts';
export type { EngineProfile, FieldAccessor, LogsourceVariant } from './profile.ts';
export type * from './explanation.ts';
export { valueText, valueNumber, valueDate } from './event-values.ts';
