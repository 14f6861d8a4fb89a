// Resolution of correlation references across every loaded file: `rules:` and `aliases:` entries
// name rules and correlations by id or name, and correlations may reference each other but not
// in a cycle. Problems become positioned diagnostics, and only correlations that resolve cleanly
// are returned, so the rest still runs.
import type { Diagnostic } from './diagnostics.ts';
import type { RuleCollection, RuleReference, SigmaCorrelation, SigmaRule } from './model.ts';

/** What a correlation reference points to. */
export type CorrelationTarget = SigmaRule | SigmaCorrelation;

/** A correlation whose references all resolved. */
export interface ResolvedCorrelation {
  correlation: SigmaCorrelation;
  /** One target per entry of `correlation.rules`, in the same order. */
  targets: CorrelationTarget[];
  /** alias → field name per target index; undefined where the alias does not name that target. */
  aliasFields: Record<string, Array<string | undefined>>;
}

export interface CorrelationResolution {
  /** Correlations that can run, each after every correlation it references. */
  correlations: ResolvedCorrelation[];
  diagnostics: Diagnostic[];
}

type Lookup = (reference: string) => CorrelationTarget[];

/**
 * Resolves the references of every correlation in the collection.
 * It is pure and cheap, so the loader (for the diagnostics) and the correlation engine
 * (for the targets) may both call it.
 */
export function resolveCorrelations(collection: Pick<RuleCollection, 'rules' | 'correlations'>): CorrelationResolution {
  const diagnostics: Diagnostic[] = [];
  const lookup = buildLookup([...collection.rules, ...collection.correlations]);
  const candidates = new Map<SigmaCorrelation, ResolvedCorrelation>();

  for (const correlation of collection.correlations) {
    const resolved = resolveOne(correlation, lookup, diagnostics);
    if (resolved !== undefined) candidates.set(correlation, resolved);
  }
  return { correlations: orderAndDropCycles(candidates, diagnostics), diagnostics };
}

/** Indexes documents by id and by name; a reference matches ids before names. */
function buildLookup(documents: readonly CorrelationTarget[]): Lookup {
  const byId = new Map<string, CorrelationTarget[]>();
  const byName = new Map<string, CorrelationTarget[]>();
  const add = (index: Map<string, CorrelationTarget[]>, key: string | undefined, document: CorrelationTarget): void => {
    if (key === undefined || key === '') return;
    const list = index.get(key);
    if (list === undefined) index.set(key, [document]);
    else list.push(document);
  };
  for (const document of documents) {
    add(byId, document.id, document);
    add(byName, document.name, document);
  }
  return (reference) => byId.get(reference) ?? byName.get(reference) ?? [];
}

function resolveOne(correlation: SigmaCorrelation, lookup: Lookup, diagnostics: Diagnostic[]): ResolvedCorrelation | undefined {
  let failed = false;
  const targets: CorrelationTarget[] = [];
  for (const reference of correlation.correlation.rules) {
    const target = resolveReference(reference, lookup, diagnostics);
    if (target === undefined) {
      failed = true;
    } else if (targets.includes(target)) {
      // One event would then count as two different rules, e.g. satisfying a temporal correlation alone.
      diagnostics.push({
        code: 'INVALID_CORRELATION',
        severity: 'error',
        message: `'${reference.reference}' names rule ${describeDocument(target)}, which another entry of rules already names; list each rule once`,
        span: reference.span,
      });
      failed = true;
    } else {
      targets.push(target);
    }
  }
  if (failed) return undefined;

  const aliasFields: Record<string, Array<string | undefined>> = {};
  for (const [alias, mapping] of Object.entries(correlation.correlation.aliases)) {
    const fields: Array<string | undefined> = targets.map(() => undefined);
    for (const [key, field] of Object.entries(mapping)) {
      const reference = correlation.correlation.aliasReferences.find((item) => item.reference === key);
      const index = aliasTargetIndex(key, targets, lookup);
      if (index >= 0) {
        fields[index] = field;
      } else if (reference !== undefined) {
        failed = !reportAliasReference(reference, alias, lookup, diagnostics) || failed;
      }
    }
    aliasFields[alias] = fields;
  }
  return failed ? undefined : { correlation, targets, aliasFields };
}

function resolveReference(reference: RuleReference, lookup: Lookup, diagnostics: Diagnostic[]): CorrelationTarget | undefined {
  const matches = lookup(reference.reference);
  if (matches.length === 1) return matches[0];
  const message = matches.length === 0
    ? `no rule or correlation has the id or name '${reference.reference}'; check the spelling, or load the file that defines it`
    : `'${reference.reference}' matches ${matches.length} documents (${matches.map(describeOrigin).join(', ')}); give them unique ids and names`;
  diagnostics.push({ code: 'UNKNOWN_RULE_REFERENCE', severity: 'error', message, span: reference.span });
  return undefined;
}

/** Finds which of the correlation's targets an alias key names (by the key itself, or the target it resolves to). */
function aliasTargetIndex(key: string, targets: readonly CorrelationTarget[], lookup: Lookup): number {
  const direct = targets.findIndex((target) => target.name === key || target.id === key);
  if (direct >= 0) return direct;
  const [resolved] = lookup(key);
  return resolved === undefined ? -1 : targets.indexOf(resolved);
}

/** Reports an alias key that names no target; returns true when that is only a warning. */
function reportAliasReference(reference: RuleReference, alias: string, lookup: Lookup, diagnostics: Diagnostic[]): boolean {
  if (lookup(reference.reference).length === 0) {
    diagnostics.push({
      code: 'UNKNOWN_RULE_REFERENCE',
      severity: 'error',
      message: `alias '${alias}' names rule '${reference.reference}', but no rule or correlation has that id or name`,
      span: reference.span,
    });
    return false;
  }
  diagnostics.push({
    code: 'INVALID_CORRELATION',
    severity: 'warning',
    message: `alias '${alias}' names rule '${reference.reference}', which this correlation does not list in rules; the entry is ignored`,
    span: reference.span,
  });
  return true;
}

/**
 * Drops correlations that take part in a cycle or reference one that was dropped, and orders the
 * rest so that every correlation comes after those it references (depth-first post-order).
 */
function orderAndDropCycles(candidates: Map<SigmaCorrelation, ResolvedCorrelation>, diagnostics: Diagnostic[]): ResolvedCorrelation[] {
  const state = new Map<SigmaCorrelation, 'visiting' | 'done' | 'dropped'>();
  const ordered: ResolvedCorrelation[] = [];
  const stack: SigmaCorrelation[] = [];

  const visit = (correlation: SigmaCorrelation): boolean => {
    const seen = state.get(correlation);
    if (seen === 'done') return true;
    if (seen === 'dropped') return false;
    const resolved = candidates.get(correlation);
    if (resolved === undefined) return false;
    state.set(correlation, 'visiting');
    stack.push(correlation);

    let ok = true;
    resolved.targets.forEach((target, index) => {
      if (target.kind !== 'correlation') return;
      const reference = correlation.correlation.rules[index] as RuleReference;
      if (state.get(target) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(target)), target].map(describeDocument).join(' → ');
        diagnostics.push({ code: 'CORRELATION_CYCLE', severity: 'error', message: `correlations reference each other in a cycle: ${cycle}`, span: reference.span });
        ok = false;
      } else if (!visit(target)) {
        diagnostics.push({
          code: 'INVALID_CORRELATION',
          severity: 'error',
          message: `correlation ${describeDocument(target)} cannot run because of the errors reported for it, so this one cannot either`,
          span: reference.span,
        });
        ok = false;
      }
    });

    stack.pop();
    state.set(correlation, ok ? 'done' : 'dropped');
    if (ok) ordered.push(resolved);
    return ok;
  };

  for (const correlation of candidates.keys()) visit(correlation);
  return ordered;
}

/** Returns the name, id or title of a document, quoted, for messages. */
export function describeDocument(document: CorrelationTarget): string {
  return `'${document.name ?? document.id ?? document.title}'`;
}

function describeOrigin(document: CorrelationTarget): string {
  return `${document.origin.file}:${document.origin.span.line}`;
}
