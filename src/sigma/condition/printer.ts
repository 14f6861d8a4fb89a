// Writes a condition tree back as condition text, with parentheses only where precedence needs them.
import { assertNever, type ConditionNode } from '../model.ts';

const PRECEDENCE = { Or: 1, And: 2, Not: 3, Of: 4, Identifier: 4 } as const;

/** Prints a condition so that parsing the output gives the same tree. */
export function printCondition(node: ConditionNode): string {
  switch (node.kind) {
    case 'Identifier':
      return node.name;
    case 'Of':
      return `${node.quantifier === 'all' ? 'all' : '1'} of ${node.pattern}`;
    case 'Not':
      return `not ${wrap(node.operand, PRECEDENCE.Not)}`;
    case 'And':
      return node.operands.map((operand) => wrap(operand, PRECEDENCE.And + 0.5)).join(' and ');
    case 'Or':
      return node.operands.map((operand) => wrap(operand, PRECEDENCE.Or + 0.5)).join(' or ');
    default:
      return assertNever(node);
  }
}

function wrap(node: ConditionNode, parentPrecedence: number): string {
  const text = printCondition(node);
  return PRECEDENCE[node.kind] < parentPrecedence ? `(${text})` : text;
}
