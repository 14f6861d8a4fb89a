// The rule's query block (detection, correlation or filter) as YAML for the rule page.
import { parseDocument, stringify, type SchemaOptions } from 'yaml';
import type { EntryKind } from './types.ts';

// YAML 1.2 core without its int and float tags, so that `00000429` or `1.0` keep their text.
const KEEP_NUMBERS_AS_TEXT: SchemaOptions = {
  customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || !/:(int|float)$/.test(tag.tag)),
};

function queryKey(kind: EntryKind): string {
  return kind === 'correlation' || kind === 'filter' ? kind : 'detection';
}

/**
 * Returns the query block of a rule's YAML text, re-written without comments, or '' when the
 * text has none. The page calls it when a rule is opened, so the server never parses rules twice.
 */
export function extractQueryText(text: string, kind: EntryKind): string {
  const parsed = parseDocument(text, KEEP_NUMBERS_AS_TEXT);
  if (parsed.errors.length > 0) return '';
  const root: unknown = parsed.toJS();
  if (root === null || typeof root !== 'object') return '';
  const block = (root as Record<string, unknown>)[queryKey(kind)];
  if (block === undefined || block === null) return '';
  return stringify(block, { ...KEEP_NUMBERS_AS_TEXT, lineWidth: 0 }).trimEnd();
}
