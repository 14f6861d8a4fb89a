// Converting rules: builds each rule's query tree once and renders it for a target, turning
// every unsupported construct into a per-rule rejection so the other rules still convert.
import type { SigmaRule } from '../sigma/model.ts';
import { buildQuery } from './builder.ts';
import { BackendUnsupportedError } from './errors.ts';
import type { BackendProfile } from './profile.ts';
import { renderCondition } from './render.ts';
import type { TargetName } from './target-names.ts';
import { DEFAULT_TARGET_OPTIONS, dialectsFor, type TargetOptions } from './targets.ts';
import { NeedsWhere } from './targets/spl.ts';

export type ConversionResult =
  | { ok: true; rule: SigmaRule; query: string }
  | { ok: false; rule: SigmaRule; error: BackendUnsupportedError };

export interface ConvertOptions {
  target: TargetName;
  profile: BackendProfile;
  options?: Partial<TargetOptions>;
}

/**
 * Converts one rule to a query of the target.
 *
 * @example
 *   const result = convertRule(rule, { target: 'postgres', profile });
 *   if (result.ok) console.log(result.query);
 */
export function convertRule(rule: SigmaRule, { target, profile, options }: ConvertOptions): ConversionResult {
  const dialects = dialectsFor(target, { ...DEFAULT_TARGET_OPTIONS, ...options });
  try {
    const tree = buildQuery(rule, profile, target);
    for (const dialect of dialects) {
      try {
        return { ok: true, rule, query: dialect.statement(renderCondition(tree, dialect), rule) };
      } catch (error) {
        if (!(error instanceof NeedsWhere)) throw error;
      }
    }
    throw new BackendUnsupportedError(target, 'regex keyword', 'SPL keywords are searched as terms only');
  } catch (error) {
    if (error instanceof BackendUnsupportedError) return { ok: false, rule, error };
    if (error instanceof SyntaxError) {
      return { ok: false, rule, error: new BackendUnsupportedError(target, 're', `the pattern is not valid: ${error.message}`) };
    }
    throw error;
  }
}

/** Converts every rule; rejected rules carry the reason. */
export function convertRules(rules: readonly SigmaRule[], options: ConvertOptions): ConversionResult[] {
  return rules.map((rule) => convertRule(rule, options));
}
