// Necessary conditions of a detection: literals that must occur in a field for the detection
// to hold. The rule set uses them to skip rules whose literals are absent from an event.
import type { ConditionNode, Detection, DetectionItem, DetectionNode, StringPattern, ValuePattern } from '../../sigma/index.ts';

/** The lower-cased text of some element of `field` (or of any leaf value, for keywords) contains `literal`. */
export interface Needle {
  /** The event-side field name (after the variant's renames); null for a keyword, which searches every leaf value. */
  field: string | null;
  literal: string;
}

/**
 * A necessary condition: the detection can only hold when one of the needles occurs.
 * `undefined` means no such condition is known and the rule is always tried.
 */
export type Needs = readonly Needle[] | undefined;

/** Longer literals cost more states and rarely select better. A prefix of a literal is still necessary. */
const MAX_LITERAL = 16;

/** A rough cost of checking a set of needles: many or short literals select few events. */
function cost(needs: readonly Needle[]): number {
  let total = 0;
  for (const needle of needs) total += 8 / Math.min(needle.literal.length, 8);
  return total;
}

/** The cheaper of two necessary conditions (both hold, so either one may be used). */
function cheaper(left: Needs, right: Needs): Needs {
  if (left === undefined) return right;
  if (right === undefined) return left;
  return cost(right) < cost(left) ? right : left;
}

/** Either condition may be the one that holds, so both needle sets are needed. */
function union(parts: readonly Needs[]): Needs {
  const all: Needle[] = [];
  for (const part of parts) {
    if (part === undefined) return undefined;
    all.push(...part);
  }
  return all;
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
  return best.slice(0, MAX_LITERAL);
}

function patternNeeds(pattern: ValuePattern, field: string | null): Needs {
  if (pattern.kind !== 'String') return undefined;
  const literal = patternLiteral(pattern);
  return literal === undefined ? undefined : [{ field, literal }];
}

function itemNeeds(item: DetectionItem, rename: (field: string) => string): Needs {
  // `neq` holds when a value is absent.
  if (item.modifiers.negated || item.values.length === 0) return undefined;
  const field = item.field === null ? null : rename(item.field);
  const perValue = item.values.map((value) => union(value.patterns.map((pattern) => patternNeeds(pattern, field))));
  if (item.modifiers.all) return perValue.reduce<Needs>((best, needs) => cheaper(best, needs), undefined);
  return union(perValue);
}

function nodeNeeds(node: DetectionNode, rename: (field: string) => string): Needs {
  switch (node.kind) {
    case 'Item':
      return itemNeeds(node, rename);
    case 'AllOf':
      return node.items.reduce<Needs>((best, item) => cheaper(best, nodeNeeds(item, rename)), undefined);
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
      return node.operands.reduce<Needs>((best, operand) => cheaper(best, conditionNeeds(operand, searches)), undefined);
    case 'Or':
      return union(node.operands.map((operand) => conditionNeeds(operand, searches)));
    case 'Of': {
      const parts = node.identifiers.map((name) => searches.get(name));
      if (node.quantifier === 'all') return parts.reduce<Needs>((best, needs) => cheaper(best, needs), undefined);
      return union(parts);
    }
  }
}

/**
 * The needles of detections that must all hold (a rule and its filters). `rename` maps a
 * rule field to the event field the compiled matcher reads.
 */
export function detectionNeeds(detections: readonly Detection[], rename: (field: string) => string): Needs {
  let best: Needs;
  for (const detection of detections) {
    const searches = new Map<string, Needs>();
    for (const search of detection.searches) searches.set(search.name, nodeNeeds(search.body, rename));
    best = cheaper(best, conditionNeeds(detection.condition, searches));
  }
  return best;
}
