// The contract between the shared renderer and one target: how to write each construct.
import type { SigmaRule } from '../sigma/model.ts';
import type { FieldRef, FieldTest, QueryNode, ValueTest } from './query.ts';
import type { TargetName } from './target-names.ts';

/**
 * How one target writes each construct. The renderer walks the query tree and calls these;
 * a dialect throws `BackendUnsupportedError` for anything it cannot write exactly.
 * Leaf results must be self-contained: wrapped in parentheses when they hold a top-level AND/OR.
 */
export interface Dialect {
  target: TargetName;
  and: string;
  or: string;
  /** Negates a condition; `compound` tells whether `operand` holds a top-level AND/OR. */
  not(operand: string, compound: boolean): string;
  /** A condition true for every event, used when a rule has no condition left. */
  matchAll: string;
  matchNone: string;
  /** Longer AND/OR chains are split into parenthesized groups of this size (SQLite limits expression depth). */
  maxChain?: number;
  field(field: FieldRef, test: FieldTest): string;
  /** Optional: OR-ed value tests on one field, written with one read of the field. */
  fieldAny?(field: FieldRef, tests: ValueTest[]): string;
  keyword(test: Extract<QueryNode, { kind: 'Keyword' }>['test']): string;
  /** Wraps the rendered condition into a complete query. */
  statement(condition: string, rule: SigmaRule): string;
}
