// Turns one document view into a rule, a filter or a correlation.
import type { DocumentView } from './collection.ts';
import { parseCorrelation } from './correlation.ts';
import { readDetection } from './detection.ts';
import type { Diagnostic, DiagnosticSink } from './diagnostics.ts';
import { readLogsource, readMetadata } from './metadata.ts';
import type { SigmaDocument, SigmaFilter, SigmaRule } from './model.ts';
import type { PlaceholderValues } from './values.ts';

export interface DocumentOptions {
  placeholders?: PlaceholderValues;
}

/**
 * Reads a document. Returns undefined when it has an error; every problem goes to `report`.
 * Which kind it is follows from its keys: `correlation`, `filter` or `detection`.
 */
export function readDocument(view: DocumentView, report: DiagnosticSink, options: DocumentOptions = {}): SigmaDocument | undefined {
  let hasError = false;
  const collect: DiagnosticSink = (diagnostic: Diagnostic) => {
    if (diagnostic.severity === 'error') hasError = true;
    report(diagnostic);
  };

  const metadata = readMetadata(view, collect);
  if ('correlation' in view.value) {
    const correlation = parseCorrelation(view.value, metadata, view.spanOf, collect);
    return hasError ? undefined : correlation;
  }

  const context = { spanOf: view.spanOf, report: collect, ...(options.placeholders ? { placeholders: options.placeholders } : {}) };

  if ('filter' in view.value) {
    const filter = readFilter(view, collect, context);
    return hasError || !filter ? undefined : { ...metadata, ...filter };
  }
  if (!('detection' in view.value)) {
    collect({ code: 'UNKNOWN_DOCUMENT', severity: 'error', message: "document has neither 'detection', 'filter' nor 'correlation'", span: view.spanOf([]) });
    return undefined;
  }

  const logsource = readLogsource(view, collect, true);
  const detection = readDetection(view.value['detection'], ['detection'], context);
  if (hasError || !detection) return undefined;
  const rule: SigmaRule = { ...metadata, kind: 'rule', logsource, detection };
  return rule;
}

function readFilter(view: DocumentView, report: DiagnosticSink, context: Parameters<typeof readDetection>[2]): Omit<SigmaFilter, keyof ReturnType<typeof readMetadata>> | undefined {
  const logsource = readLogsource(view, report, true);
  const body = view.value['filter'];
  const rulesValue = (body as Record<string, unknown> | null)?.['rules'];
  let rules: string[] = [];
  if (rulesValue === 'any' || rulesValue === undefined || rulesValue === null) {
    rules = [];
  } else if (typeof rulesValue === 'string') {
    rules = [rulesValue];
  } else if (Array.isArray(rulesValue) && rulesValue.every((item) => typeof item === 'string')) {
    rules = rulesValue as string[];
  } else {
    report({ code: 'INVALID_FIELD', severity: 'error', message: "'filter.rules' must be a list of rule ids or names", span: view.spanOf(['filter', 'rules']) });
    return undefined;
  }
  const detection = readDetection(body, ['filter'], context, ['rules']);
  if (!detection) return undefined;
  return { kind: 'filter', logsource, rules, detection };
}
