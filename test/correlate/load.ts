// Loads Sigma YAML for the correlation tests: detection rules through the lead's loader,
// correlation documents through parseCorrelation, the way the loader is meant to call it.
import { applyCollectionActions } from '../../src/sigma/collection.ts';
import { parseCorrelation } from '../../src/sigma/correlation.ts';
import { resolveCorrelations } from '../../src/sigma/correlation-resolve.ts';
import type { Diagnostic } from '../../src/sigma/diagnostics.ts';
import { readDocument } from '../../src/sigma/documents.ts';
import { readMetadata } from '../../src/sigma/metadata.ts';
import type { RuleCollection } from '../../src/sigma/model.ts';
import { parseYamlDocuments } from '../../src/sigma/yaml.ts';

/** Loads several files (name → YAML text) into one collection and resolves its correlations. */
export function loadRules(files: Record<string, string>): RuleCollection {
  const collection: RuleCollection = { rules: [], filters: [], correlations: [], diagnostics: [] };
  const report = (diagnostic: Diagnostic): void => {
    collection.diagnostics.push(diagnostic);
  };
  for (const [file, text] of Object.entries(files)) {
    const { documents, diagnostics } = parseYamlDocuments(text, file);
    diagnostics.forEach(report);
    for (const view of applyCollectionActions(documents, report)) {
      if ('correlation' in view.value) {
        const correlation = parseCorrelation(view.value, readMetadata(view, report), view.spanOf, report);
        if (correlation !== undefined) collection.correlations.push(correlation);
        continue;
      }
      const document = readDocument(view, report);
      if (document?.kind === 'rule') collection.rules.push(document);
      else if (document?.kind === 'filter') collection.filters.push(document);
    }
  }
  collection.diagnostics.push(...resolveCorrelations(collection).diagnostics);
  return collection;
}

/** Lists the errors of a collection as `CODE file:line:column`, for assertions. */
export function errorsOf(collection: RuleCollection): string[] {
  return collection.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.span.file}:${diagnostic.span.line}:${diagnostic.span.column}`);
}
