// Renders a query tree with a dialect: one exhaustive switch over the node kinds.
import { assertNever } from '../sigma/model.ts';
import type { Dialect } from './dialect.ts';
import type { QueryNode } from './query.ts';

/** Writes the condition of a query tree in the dialect's syntax. */
export function renderCondition(node: QueryNode, dialect: Dialect): string {
  switch (node.kind) {
    case 'And':
      return renderChain(node.operands, dialect.and, dialect);
    case 'Or':
      return renderChain(node.operands, dialect.or, dialect);
    case 'Not':
      return dialect.not(renderCondition(node.operand, dialect), isCompound(node.operand));
    case 'Const':
      return node.value ? dialect.matchAll : dialect.matchNone;
    case 'Field':
      return dialect.field(node.field, node.test);
    case 'FieldAny':
      if (dialect.fieldAny !== undefined) return dialect.fieldAny(node.field, node.tests);
      return renderCondition({ kind: 'Or', operands: node.tests.map((test) => ({ kind: 'Field', field: node.field, test })) }, dialect);
    case 'Keyword':
      return dialect.keyword(node.test);
    default:
      return assertNever(node);
  }
}

function renderChain(operands: QueryNode[], operator: string, dialect: Dialect): string {
  return joinChain(
    operands.map((operand) => renderOperand(operand, dialect)),
    operator,
    dialect.maxChain ?? Number.POSITIVE_INFINITY,
  );
}

/** Joins already rendered operands, splitting long chains as the dialect requires. */
export function joinOperands(texts: string[], operator: string, dialect: Dialect): string {
  return joinChain(texts, operator, dialect.maxChain ?? Number.POSITIVE_INFINITY);
}

// Splits a long chain into parenthesized groups of at most `limit` operands, recursively, so
// that the parser's expression depth grows with the logarithm of the chain length.
function joinChain(texts: string[], operator: string, limit: number): string {
  if (texts.length <= limit) return texts.join(` ${operator} `);
  const groups: string[] = [];
  for (let start = 0; start < texts.length; start += limit) {
    groups.push(`(${texts.slice(start, start + limit).join(` ${operator} `)})`);
  }
  return joinChain(groups, operator, limit);
}

// Operands of AND and OR that are themselves AND or OR get parentheses, so no reader (or
// target) has to rely on operator precedence.
function renderOperand(node: QueryNode, dialect: Dialect): string {
  const text = renderCondition(node, dialect);
  return isCompound(node) ? `(${text})` : text;
}

function isCompound(node: QueryNode): boolean {
  return node.kind === 'And' || node.kind === 'Or' || (node.kind === 'FieldAny' && node.tests.length > 1);
}
