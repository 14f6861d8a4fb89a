// Regexes for engines built on RE2 (DuckDB, ClickHouse, KQL): no lookaround, no backreferences.
import { BackendUnsupportedError } from '../errors.ts';
import { patchRegexSource, regexFeatures, type ParsedRegex } from '../regex.ts';
import type { TargetName } from '../target-names.ts';

/** Writes a Sigma regex in RE2 syntax with its flags inline. */
export function toRe2(target: TargetName, regex: ParsedRegex): string {
  const features = regexFeatures(regex);
  for (const feature of ['lookaround', 'backreference'] as const) {
    if (features.has(feature)) throw new BackendUnsupportedError(target, `re (${feature})`, 'RE2 has no such construct');
  }
  const flags = `${regex.flags.ignoreCase ? 'i' : ''}${regex.flags.multiline ? 'm' : ''}${regex.flags.dotAll ? 's' : ''}`;
  const source = patchRegexSource(regex, { dotExcludingNewlines: '[^\\n\\r\\x{2028}\\x{2029}]' });
  return (flags === '' ? '' : `(?${flags})`) + source;
}
