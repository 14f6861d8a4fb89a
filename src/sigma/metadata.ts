// Reads the metadata keys shared by rules, filters and correlations, and the logsource.
import type { DiagnosticSink } from './diagnostics.ts';
import type { DocumentView } from './collection.ts';
import { RULE_LEVELS, RULE_STATUSES, type Logsource, type RelatedRule, type RuleLevel, type RuleMetadata, type RuleStatus } from './model.ts';

/** Top-level keys the specification defines; every other key is kept in `custom`. */
const KNOWN_KEYS = new Set([
  'title', 'id', 'name', 'related', 'taxonomy', 'status', 'description', 'license', 'author', 'references',
  'date', 'modified', 'logsource', 'detection', 'fields', 'falsepositives', 'level', 'tags', 'scope',
  'correlation', 'filter', 'generate',
]);

/** Reads metadata; type problems are reported and the field is left out, so the document still loads. */
export function readMetadata(view: DocumentView, report: DiagnosticSink): RuleMetadata {
  const value = view.value;
  const invalid = (key: string, expected: string): void => {
    report({ code: 'INVALID_FIELD', severity: 'error', message: `'${key}' must be ${expected}`, span: view.spanOf([key]) });
  };

  const text = (key: string): string | undefined => {
    const item = value[key];
    if (item === undefined || item === null) return undefined;
    if (typeof item === 'string') return item;
    if (typeof item === 'boolean') return String(item);
    invalid(key, 'a string');
    return undefined;
  };

  const textList = (key: string): string[] => {
    const item = value[key];
    if (item === undefined || item === null) return [];
    if (typeof item === 'string') return [item];
    if (Array.isArray(item) && item.every((entry) => typeof entry === 'string' || typeof entry === 'boolean')) {
      return item.map(String);
    }
    invalid(key, 'a list of strings');
    return [];
  };

  const title = text('title');
  if (title === undefined) {
    report({ code: 'MISSING_FIELD', severity: 'error', message: "missing 'title'", span: view.spanOf([]) });
  }

  const level = text('level');
  if (level !== undefined && !RULE_LEVELS.includes(level as RuleLevel)) {
    report({ code: 'INVALID_FIELD', severity: 'warning', message: `unknown level '${level}' (expected ${RULE_LEVELS.join(', ')})`, span: view.spanOf(['level']) });
  }
  const status = text('status');
  if (status !== undefined && !RULE_STATUSES.includes(status as RuleStatus)) {
    report({ code: 'INVALID_FIELD', severity: 'warning', message: `unknown status '${status}' (expected ${RULE_STATUSES.join(', ')})`, span: view.spanOf(['status']) });
  }

  const custom: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!KNOWN_KEYS.has(key)) custom[key] = item;
  }

  const metadata: RuleMetadata = {
    title: title ?? '',
    related: readRelated(view, report),
    references: textList('references'),
    fields: textList('fields'),
    falsepositives: textList('falsepositives'),
    tags: textList('tags'),
    scope: textList('scope'),
    custom,
    origin: { file: view.file, documentIndex: view.index, span: view.spanOf([]), text: view.text },
  };
  const optional = { id: text('id'), name: text('name'), taxonomy: text('taxonomy'), description: text('description'), license: text('license'), author: text('author'), date: text('date'), modified: text('modified') };
  for (const [key, item] of Object.entries(optional)) {
    if (item !== undefined) (metadata as unknown as Record<string, unknown>)[key] = item;
  }
  if (level !== undefined && RULE_LEVELS.includes(level as RuleLevel)) metadata.level = level as RuleLevel;
  if (status !== undefined && RULE_STATUSES.includes(status as RuleStatus)) metadata.status = status as RuleStatus;
  return metadata;
}

function readRelated(view: DocumentView, report: DiagnosticSink): RelatedRule[] {
  const related = view.value['related'];
  if (related === undefined || related === null) return [];
  if (!Array.isArray(related)) {
    report({ code: 'INVALID_FIELD', severity: 'error', message: "'related' must be a list of {id, type}", span: view.spanOf(['related']) });
    return [];
  }
  const result: RelatedRule[] = [];
  for (const [index, entry] of related.entries()) {
    const record = entry as Record<string, unknown> | null;
    if (typeof record?.['id'] !== 'string') {
      report({ code: 'INVALID_FIELD', severity: 'warning', message: "'related' entries need an 'id'", span: view.spanOf(['related', index]) });
      continue;
    }
    result.push({ id: record['id'], type: typeof record['type'] === 'string' ? record['type'] : 'similar' });
  }
  return result;
}

/** Reads the `logsource` map. A missing logsource is reported when `required`. */
export function readLogsource(view: DocumentView, report: DiagnosticSink, required: boolean): Logsource {
  const span = view.spanOf(['logsource']);
  const value = view.value['logsource'];
  const logsource: Logsource = { custom: {}, span };
  if (value === undefined || value === null) {
    if (required) report({ code: 'MISSING_FIELD', severity: 'error', message: "missing 'logsource'", span: view.spanOf([]) });
    return logsource;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    report({ code: 'INVALID_FIELD', severity: 'error', message: "'logsource' must be a map", span });
    return logsource;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'category' || key === 'product' || key === 'service' || key === 'definition') {
      if (typeof item === 'string') logsource[key] = item;
      else if (item !== null) report({ code: 'INVALID_FIELD', severity: 'error', message: `'logsource.${key}' must be a string`, span: view.spanOf(['logsource', key]) });
    } else {
      logsource.custom[key] = item;
    }
  }
  return logsource;
}
