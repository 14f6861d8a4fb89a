// Compiles a detection (search identifiers and condition) into one function of a match context.
import type { ConditionNode, Detection, DetectionItem, DetectionNode } from '../../sigma/index.ts';
import type { MatchContext } from '../match-context.ts';
import type { FieldAccessor } from '../profile.ts';
import { compilePatterns, type ValueTest } from './values.ts';

export type ContextTest = (context: MatchContext) => boolean;

/** Resolves a rule field name (after the variant's renames) to an accessor. */
export type FieldResolver = (field: string) => FieldAccessor;

function compileKeywordItem(item: DetectionItem, resolve: FieldResolver): ContextTest {
  const tests = item.values.map((value) => compilePatterns(value.patterns, resolve));
  const anyLeaf = (test: ValueTest, context: MatchContext): boolean => {
    for (const leaf of context.leafValues()) if (test(leaf, context)) return true;
    return false;
  };
  if (item.modifiers.all) return (context) => tests.every((test) => anyLeaf(test, context));
  const merged = compilePatterns(item.values.flatMap((value) => value.patterns), resolve);
  return (context) => anyLeaf(merged, context);
}

function compileItem(item: DetectionItem, resolve: FieldResolver): ContextTest {
  if (item.field === null) return compileKeywordItem(item, resolve);
  const access = resolve(item.field);

  let test: ValueTest;
  if (item.modifiers.all && item.values.length > 1) {
    const tests = item.values.map((value) => compilePatterns(value.patterns, resolve));
    test = (value, context) => {
      for (const each of tests) if (!each(value, context)) return false;
      return true;
    };
  } else {
    test = compilePatterns(item.values.flatMap((value) => value.patterns), resolve);
  }

  if (item.modifiers.negated) {
    return (context) => {
      const value = access(context.event);
      return value !== undefined && !test(value, context);
    };
  }
  return (context) => test(access(context.event), context);
}

function compileNode(node: DetectionNode, resolve: FieldResolver): ContextTest {
  switch (node.kind) {
    case 'Item':
      return compileItem(node, resolve);
    case 'AllOf': {
      const items = node.items.map((item) => compileNode(item, resolve));
      return (context) => {
        for (const item of items) if (!item(context)) return false;
        return true;
      };
    }
    case 'AnyOf': {
      const items = node.items.map((item) => compileNode(item, resolve));
      return (context) => {
        for (const item of items) if (item(context)) return true;
        return false;
      };
    }
  }
}

function compileCondition(node: ConditionNode, searches: ReadonlyMap<string, ContextTest>): ContextTest {
  switch (node.kind) {
    case 'Identifier':
      return searches.get(node.name)!;
    case 'Not': {
      const operand = compileCondition(node.operand, searches);
      return (context) => !operand(context);
    }
    case 'And': {
      const operands = node.operands.map((operand) => compileCondition(operand, searches));
      return (context) => {
        for (const operand of operands) if (!operand(context)) return false;
        return true;
      };
    }
    case 'Or': {
      const operands = node.operands.map((operand) => compileCondition(operand, searches));
      return (context) => {
        for (const operand of operands) if (operand(context)) return true;
        return false;
      };
    }
    case 'Of': {
      const operands = node.identifiers.map((name) => searches.get(name)!);
      return node.quantifier === 'all'
        ? (context) => {
            for (const operand of operands) if (!operand(context)) return false;
            return true;
          }
        : (context) => {
            for (const operand of operands) if (operand(context)) return true;
            return false;
          };
    }
  }
}

/** Compiles a detection. Throws UnsupportedPatternError for a pattern that cannot run. */
export function compileDetection(detection: Detection, resolve: FieldResolver): ContextTest {
  const searches = new Map<string, ContextTest>();
  for (const search of detection.searches) searches.set(search.name, compileNode(search.body, resolve));
  return compileCondition(detection.condition, searches);
}
