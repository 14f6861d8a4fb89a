// Renders a query tree with a dialect: one exhaustive switch over the node kinds.
import { assertNever } from '../sigma/model.ts';
import type { Dialect } from './dialect.ts';
import type { QueryNode } from './query.ts';

/** Writes the condition of a query tree in the dialect's syntax. */
export function renderCondition(node: QueryNode, dialect: Dialect): string {
  switch (node.kind) {
    case 'And':
      return node.operands.map((operand) => renderOperand(operand, dialect)).join(` ${dialect.and} `);
    case 'Or':
      return node.operands.map((operand) => renderOperand(operand, dialect)).join(` ${dialect.or} `);
    case 'Not':
      return dialect.not(renderCondition(node.operand, dialect), isCompound(node.operand));
    case 'Const':
      return node.value ? dialect.matchAll : dialect.matchNone;
    case 'Field':
      return dialect.field(node.field, node.test);
    case 'Keyword':
      return dialect.keyword(node.test);
    default:
      return assertNever(node);
  }
}

// Operands of AND and OR that are themselves AND or OR get parentheses, so no reader (or
// target) has to rely on operator precedence.
function renderOperand(node: QueryNode, dialect: Dialect): string {
  const text = renderCondition(node, dialect);
  return isCompound(node) ? `(${text})` : text;
}

function isCompound(node: QueryNode): boolean {
  return node.kind === 'And' || node.kind === 'Or';
}
