// Parses a catalog entry's YAML text back into the Sigma model, in the page, for the engine
// and the backends.
import { parseSigmaText, type SigmaRule } from '../../../sigma/index.ts';
import type { CatalogEntry } from '../../catalog/types.ts';

/** Returns the entry's rule, or a sentence saying why it cannot be used. */
export function parseEntryRule(entry: CatalogEntry, text: string): SigmaRule | string {
  const collection = parseSigmaText(text, entry.file);
  const rule = collection.rules[0];
  if (rule !== undefined) return rule;
  const problems = collection.diagnostics.map((diagnostic) => diagnostic.message).join('; ');
  return `This rule cannot be evaluated: ${problems || 'no detection found'}`;
}
