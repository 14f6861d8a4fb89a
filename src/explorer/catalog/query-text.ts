// The rule's query block (detection, correlation or filter) as clean YAML for the rule page.
import { parseDocument, stringify, type SchemaOptions } from 'yaml';
import type { SigmaDocument } from '../../sigma/model.ts';

// YAML 1.2 core without its int and float tags, so that `00000429` or `1.0` keep their text.
const KEEP_NUMBERS_AS_TEXT: SchemaOptions = {
  customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || !/:(int|float)$/.test(tag.tag)),
};

const QUERY_KEY: Record<SigmaDocument['kind'], string> = {
  rule: 'detection',
  correlation: 'correlation',
  filter: 'filter',
};

/** Returns the document's query block as YAML without comments, or '' when the text has none. */
export function extractQueryText(document: SigmaDocument): string {
  const parsed = parseDocument(document.origin.text, KEEP_NUMBERS_AS_TEXT);
  if (parsed.errors.length > 0) return '';
  const root: unknown = parsed.toJS();
  if (root === null || typeof root !== 'object') return '';
  const block = (root as Record<string, unknown>)[QUERY_KEY[document.kind]];
  if (block === undefined || block === null) return '';
  return stringify(block, { ...KEEP_NUMBERS_AS_TEXT, lineWidth: 0 }).trimEnd();
}
