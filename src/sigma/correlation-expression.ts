// The extended condition of temporal correlations: a boolean expression over the referenced
// rule names, such as `recon and not admin_login`. It reuses the detection condition parser,
// with the rule references as its identifiers.
import { parseCondition } from './condition/index.ts';
import { SigmaError } from './diagnostics.ts';
import { assertNever, type ConditionNode, type ExpressionCondition, type RuleReference } from './model.ts';
import type { SourceSpan } from './span.ts';

/**
 * Parses `text` and checks that it names every rule of the correlation.
 * Errors go to `report`; the result is undefined when there was one.
 */
export function parseCorrelationExpression(
  text: string,
  span: SourceSpan,
  rules: readonly RuleReference[],
  report: (error: SigmaError) => void,
): ExpressionCondition | undefined {
  const identifiers = rules.map((rule) => rule.reference);
  let expression: ConditionNode;
  try {
    expression = parseCondition(text, span, identifiers);
  } catch (error) {
    if (!(error instanceof SigmaError)) throw error;
    // The detection parser words this for search identifiers; here the identifiers are rule references.
    report(error.code === 'UNKNOWN_IDENTIFIER'
      ? new SigmaError(error.code, `condition names '${unknownName(error.message)}', which is not listed in the correlation's rules`, error.span)
      : error);
    return undefined;
  }

  const named = new Set(conditionIdentifiers(expression));
  const unused = identifiers.filter((identifier) => !named.has(identifier));
  if (unused.length > 0) {
    report(new SigmaError(
      'INVALID_CORRELATION',
      `the condition does not use rule ${unused.map((name) => `'${name}'`).join(', ')}; every listed rule must appear in it`,
      span,
    ));
    return undefined;
  }
  return { kind: 'Expression', expression, text, span };
}

/** Lists the identifiers a condition refers to, including those an `of` pattern expands to. */
export function conditionIdentifiers(node: ConditionNode): string[] {
  switch (node.kind) {
    case 'Identifier':
      return [node.name];
    case 'And':
    case 'Or':
      return node.operands.flatMap(conditionIdentifiers);
    case 'Not':
      return conditionIdentifiers(node.operand);
    case 'Of':
      return [...node.identifiers];
    default:
      return assertNever(node);
  }
}

/** Tells whether the condition can become false when more events arrive, i.e. it contains `not`. */
export function conditionHasNegation(node: ConditionNode): boolean {
  switch (node.kind) {
    case 'Identifier':
    case 'Of':
      return false;
    case 'Not':
      return true;
    case 'And':
    case 'Or':
      return node.operands.some(conditionHasNegation);
    default:
      return assertNever(node);
  }
}

function unknownName(message: string): string {
  return /'([^']*)'/.exec(message)?.[1] ?? '?';
}
