// Loading Sigma text into a rule collection. No file access: callers pass the text.
import { applyCollectionActions } from './collection.ts';
import { resolveCorrelations } from './correlation-resolve.ts';
import type { Diagnostic } from './diagnostics.ts';
import { readDocument, type DocumentOptions } from './documents.ts';
import type { RuleCollection, RuleMetadata } from './model.ts';
import { parseYamlDocuments } from './yaml.ts';

export type LoadOptions = DocumentOptions;

/**
 * Parses every Sigma document of one file. Documents with errors are left out and
 * reported; the others load. `file` labels positions in diagnostics.
 *
 * @example
 * const { rules, diagnostics } = parseSigmaText(yamlText, 'rules/my_rule.yml');
 */
export function parseSigmaText(text: string, file: string, options: LoadOptions = {}): RuleCollection {
  const collection: RuleCollection = { rules: [], filters: [], correlations: [], diagnostics: [] };
  const report = (diagnostic: Diagnostic): void => {
    collection.diagnostics.push(diagnostic);
  };

  const { documents, diagnostics } = parseYamlDocuments(text, file);
  diagnostics.forEach(report);

  for (const view of applyCollectionActions(documents, report)) {
    const document = readDocument(view, report, options);
    if (document?.kind === 'rule') collection.rules.push(document);
    else if (document?.kind === 'filter') collection.filters.push(document);
    else if (document?.kind === 'correlation') collection.correlations.push(document);
  }
  return collection;
}

/**
 * Concatenates collections, keeping their order, then resolves correlation references across
 * all of them: correlations that name unknown rules, or form a cycle, are reported and left out.
 */
export function mergeCollections(collections: Iterable<RuleCollection>): RuleCollection {
  const merged: RuleCollection = { rules: [], filters: [], correlations: [], diagnostics: [] };
  for (const collection of collections) {
    merged.rules.push(...collection.rules);
    merged.filters.push(...collection.filters);
    merged.correlations.push(...collection.correlations);
    merged.diagnostics.push(...collection.diagnostics);
  }
  reportDuplicateIds(merged);
  if (merged.correlations.length > 0) {
    const resolution = resolveCorrelations(merged);
    merged.diagnostics.push(...resolution.diagnostics);
    merged.correlations = resolution.correlations.map((resolved) => resolved.correlation);
  }
  return merged;
}

/** Warns about a rule id used by more than one document: references and filters by id become ambiguous. */
function reportDuplicateIds(collection: RuleCollection): void {
  const seen = new Map<string, RuleMetadata>();
  for (const document of [...collection.rules, ...collection.filters, ...collection.correlations]) {
    if (document.id === undefined) continue;
    const first = seen.get(document.id);
    if (!first) {
      seen.set(document.id, document);
      continue;
    }
    collection.diagnostics.push({
      code: 'DUPLICATE_ID',
      severity: 'warning',
      message: `id ${document.id} is also used by '${first.title}' (${first.origin.file}:${first.origin.span.line})`,
      span: document.origin.span,
    });
  }
}
