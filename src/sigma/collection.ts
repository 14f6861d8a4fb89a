// Rule collections of Sigma 1.0: `action: global` documents merge into the documents that
// follow, `action: reset` clears them, `action: repeat` re-emits the previous rule with changes.
import type { Diagnostic } from './diagnostics.ts';
import type { SourceSpan } from './span.ts';
import type { YamlDocument } from './yaml.ts';

type YamlPath = ReadonlyArray<string | number>;

/** A document after collection actions were applied: the merged value and where each part came from. */
export interface DocumentView {
  file: string;
  index: number;
  value: Record<string, unknown>;
  text: string;
  spanOf(path: YamlPath, key?: boolean): SourceSpan;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges maps recursively; any other value of `update` replaces the one in `base`. */
export function deepMerge(base: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(update)) {
    const previous = result[key];
    result[key] = isRecord(previous) && isRecord(value) ? deepMerge(previous, value) : value;
  }
  return result;
}

/** Looks a path up in the document itself first, then in the documents merged into it. */
function hasPath(value: unknown, path: YamlPath): boolean {
  let node = value;
  for (const step of path) {
    if (isRecord(node) && typeof step === 'string' && step in node) node = node[step];
    else if (Array.isArray(node) && typeof step === 'number' && step < node.length) node = node[step];
    else return false;
  }
  return true;
}

function chainedSpans(sources: YamlDocument[]): DocumentView['spanOf'] {
  return (path, key) => {
    const source = sources.find((doc) => hasPath(doc.value, path)) ?? sources[0]!;
    return source.spanOf(path, key);
  };
}

/**
 * Applies collection actions. Documents that are not maps, or that had YAML errors, are
 * dropped (their diagnostics were reported by the YAML layer). Correlation and filter
 * documents are never merged with global documents.
 */
export function applyCollectionActions(documents: YamlDocument[], report: (diagnostic: Diagnostic) => void): DocumentView[] {
  const views: DocumentView[] = [];
  let globals: YamlDocument[] = [];
  let globalValue: Record<string, unknown> = {};
  let previous: { value: Record<string, unknown>; sources: YamlDocument[] } | undefined;

  for (const doc of documents) {
    if (doc.hasErrors) continue;
    if (doc.value === null || doc.value === undefined) continue;
    if (!isRecord(doc.value)) {
      report({ code: 'NOT_A_MAPPING', severity: 'error', message: 'a Sigma document must be a YAML map', span: doc.spanOf([]) });
      continue;
    }

    const { action, ...body } = doc.value;
    if (action === 'global') {
      globals = [...globals, doc];
      globalValue = deepMerge(globalValue, body);
      continue;
    }
    if (action === 'reset') {
      globals = [];
      globalValue = {};
      continue;
    }
    if (action === 'repeat') {
      if (!previous) {
        report({ code: 'COLLECTION_ACTION', severity: 'error', message: "'action: repeat' has no previous rule to repeat", span: doc.spanOf(['action']) });
        continue;
      }
      const sources = [doc, ...previous.sources];
      const value = deepMerge(previous.value, body);
      previous = { value, sources };
      views.push({ file: doc.file, index: doc.index, value, text: doc.text, spanOf: chainedSpans(sources) });
      continue;
    }
    if (action !== undefined) {
      report({ code: 'COLLECTION_ACTION', severity: 'error', message: `unknown action '${String(action)}' (expected global, reset or repeat)`, span: doc.spanOf(['action']) });
      continue;
    }

    const standalone = 'correlation' in body || 'filter' in body;
    const sources = standalone ? [doc] : [doc, ...[...globals].reverse()];
    const value = standalone ? body : deepMerge(globalValue, body);
    previous = { value, sources };
    views.push({ file: doc.file, index: doc.index, value, text: doc.text, spanOf: chainedSpans(sources) });
  }
  return views;
}
