// Necessary conditions of a detection: literals that must occur in a field for the detection
// to hold. The rule set uses them to skip rules whose literals are absent from an event.
import type { ConditionNode, Detection, DetectionItem, DetectionNode, StringPattern, ValuePattern } from '../../sigma/index.ts';
import { clipLiteral, literalCost } from './literal-choice.ts';
import { requiredLiterals } from './regex-literals.ts';

/** The lower-cased text of some element of `field` (or of any leaf value, for keywords) contains `literal`. */
export interface Needle {
  /** The event-side field name (after the variant's renames); null for a keyword, which searches every leaf value. */
  field: string | null;
  literal: string;
}

/** Alternatives: the condition holds only when one of these needles occurs. */
export type Clause = readonly Needle[];

/**
 * A necessary condition: every clause must hold, that is, each clause must have a needle
 * that occurs. `undefined` means no such condition is known and the rule is always tried.
 */
export type Needs = readonly Clause[] | undefined;

/** Clauses kept per condition. Each one adds a check per event. */
const MAX_CLAUSES = 2;

function clauseCost(clause: Clause): number {
  return literalCost(clause.map((needle) => needle.literal));
}

/** Keeps the most selective clauses, at most MAX_CLAUSES. */
function strongest(clauses: readonly Clause[]): readonly Clause[] {
  if (clauses.length <= MAX_CLAUSES) return clauses;
  return clauses
    .map((clause) => ({ clause, cost: clauseCost(clause) }))
    .sort((left, right) => left.cost - right.cost)
    .slice(0, MAX_CLAUSES)
    .map(({ clause }) => clause);
}

/** Both conditions hold, so the clauses of both are necessary. */
function both(left: Needs, right: Needs): Needs {
  if (left === undefined) return right;
  if (right === undefined) return left;
  return strongest([...left, ...right]);
}

/**
 * Any one of the conditions may be the one that holds. Each part is cut to its best clause,
 * and the clause of the whole is their union.
 */
function union(parts: readonly Needs[]): Needs {
  const all: Needle[] = [];
  for (const part of parts) {
    const best = part === undefined ? undefined : strongest(part)[0];
    if (best === undefined) return undefined;
    all.push(...best);
  }
  return [all];
}

/** The longest literal run of a string pattern, lower-cased; undefined when none is safe. */
function patternLiteral(pattern: StringPattern): string | undefined {
  let best = '';
  let current = '';
  for (const part of [...pattern.parts, { kind: 'AnyChars' } as const]) {
    if (part.kind === 'Text') {
      current += pattern.cased ? part.text : part.text.toLowerCase();
      continue;
    }
    if (current.length > best.length) best = current;
    current = '';
  }
  if (best === '') return undefined;
  // A cased match of `best` implies a match of its lower-cased form only for ASCII text,
  // because full case mapping of other characters can depend on their neighbours.
  if (pattern.cased) {
    if (!/^[\x00-\x7f]*$/.test(best)) return undefined;
    best = best.toLowerCase();
  }
  return clipLiteral(best);
}

function patternNeeds(pattern: ValuePattern, field: string | null): Needs {
  if (pattern.kind === 'Regex') {
    const literals = requiredLiterals(pattern.source);
    return literals === undefined ? undefined : [literals.map((literal) => ({ field, literal }))];
  }
  if (pattern.kind !== 'String') return undefined;
  const literal = patternLiteral(pattern);
  return literal === undefined ? undefined : [[{ field, literal }]];
}

function itemNeeds(item: DetectionItem, rename: (field: string) => string): Needs {
  // `neq` holds when a value is absent.
  if (item.modifiers.negated || item.values.length === 0) return undefined;
  const field = item.field === null ? null : rename(item.field);
  const perValue = item.values.map((value) => union(value.patterns.map((pattern) => patternNeeds(pattern, field))));
  if (item.modifiers.all) return perValue.reduce<Needs>(both, undefined);
  return union(perValue);
}

function nodeNeeds(node: DetectionNode, rename: (field: string) => string): Needs {
  switch (node.kind) {
    case 'Item':
      return itemNeeds(node, rename);
    case 'AllOf':
      return node.items.reduce<Needs>((all, item) => both(all, nodeNeeds(item, rename)), undefined);
    case 'AnyOf':
      // An empty list holds for no event, so it needs nothing found.
      return union(node.items.map((item) => nodeNeeds(item, rename)));
  }
}

function conditionNeeds(node: ConditionNode, searches: ReadonlyMap<string, Needs>): Needs {
  switch (node.kind) {
    case 'Identifier':
      return searches.get(node.name);
    case 'Not':
      return undefined;
    case 'And':
      return node.operands.reduce<Needs>((all, operand) => both(all, conditionNeeds(operand, searches)), undefined);
    case 'Or':
      return union(node.operands.map((operand) => conditionNeeds(operand, searches)));
    case 'Of': {
      const parts = node.identifiers.map((name) => searches.get(name));
      if (node.quantifier === 'all') return parts.reduce<Needs>(both, undefined);
      return union(parts);
    }
  }
}

/**
 * The needles of detections that must all hold (a rule and its filters). `rename` maps a
 * rule field to the event field the compiled matcher reads.
 */
export function detectionNeeds(detections: readonly Detection[], rename: (field: string) => string): Needs {
  let all: Needs;
  for (const detection of detections) {
    const searches = new Map<string, Needs>();
    for (const search of detection.searches) searches.set(search.name, nodeNeeds(search.body, rename));
    all = both(all, conditionNeeds(detection.condition, searches));
  }
  return all;
}
