// The explorer's catalog: what the page receives about each loaded rule.
// Built once on the server (or at export) from the Sigma model, then sent to the page as JSON.

/** The kind badge of an entry: which sort of Sigma document it is. */
export type EntryKind = 'detection' | 'threat-hunting' | 'emerging-threat' | 'correlation' | 'filter';

export const ENTRY_KINDS: readonly EntryKind[] = [
  'detection',
  'threat-hunting',
  'emerging-threat',
  'correlation',
  'filter',
];

export interface CatalogLogsource {
  product?: string;
  category?: string;
  service?: string;
  definition?: string;
}

/** One rule, filter or correlation as the page shows it. Strings are untrusted rule text. */
export interface CatalogEntry {
  /** Unique within the catalog: the rule id, or `file#document` when the id is missing or repeated. */
  key: string;
  id?: string;
  /** The `name` field, by which correlations may refer to a rule. */
  name?: string;
  title: string;
  kind: EntryKind;
  level?: string;
  status?: string;
  description?: string;
  /** The `author` field as written. */
  author?: string;
  /** The `author` field split at commas. */
  authors: string[];
  date?: string;
  modified?: string;
  tags: string[];
  references: string[];
  falsepositives: string[];
  logsource?: CatalogLogsource;
  /** ATT&CK tactic slugs from the tags, with hyphens (`defense-evasion`). */
  tactics: string[];
  /** ATT&CK technique ids from the tags, upper case (`T1059.001`). */
  techniques: string[];
  related: Array<{ id: string; type: string }>;
  /** For correlations: the ids or names of the rules they correlate, as written. */
  correlatedRules?: string[];
  /** The file path relative to the folder it was loaded from. */
  file: string;
}

/** The list's data: one entry per rule, in load order. */
export interface Catalog {
  format: 'sigil-explorer-catalog';
  version: 1;
  entries: CatalogEntry[];
}

/** Entry key → the YAML document as written. */
export type RuleTexts = Record<string, string>;

/**
 * The catalog with the rule texts. The server sends the texts as a second script, because they
 * are most of the bytes and the list can show before they arrive.
 */
export interface CatalogWithTexts extends Catalog {
  texts: RuleTexts;
}
