// Builds rule objects for backend tests without the YAML loader.
import type {
  ConditionNode,
  DetectionItem,
  DetectionNode,
  ModifierChain,
  SigmaRule,
  SourceSpan,
  StringPart,
  StringPattern,
  ValuePattern,
} from '../../src/sigma/index.ts';
import { plainChain } from '../../src/sigma/modifiers.ts';

export const SPAN: SourceSpan = { file: 'test.yml', line: 1, column: 1, yamlPath: [] };

const MODIFIERS: ModifierChain = plainChain();

/** A Sigma string with `*` and `?` as wildcards and `\` escaping them. */
export function sigmaString(text: string, cased = false): StringPattern {
  const parts: StringPart[] = [];
  let literal = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '\\' && (text[index + 1] === '*' || text[index + 1] === '?')) {
      literal += text[index + 1];
      index += 1;
    } else if (char === '*' || char === '?') {
      if (literal !== '') parts.push({ kind: 'Text', text: literal });
      literal = '';
      parts.push(char === '*' ? { kind: 'AnyChars' } : { kind: 'OneChar' });
    } else {
      literal += char;
    }
  }
  if (literal !== '') parts.push({ kind: 'Text', text: literal });
  return { kind: 'String', parts, cased };
}

/** A field item whose values each hold one pattern; strings become Sigma strings. */
export function item(
  field: string | null,
  values: Array<string | ValuePattern>,
  modifiers: Partial<ModifierChain> = {},
): DetectionItem {
  return {
    kind: 'Item',
    field,
    modifiers: { ...MODIFIERS, ...modifiers },
    values: values.map((value) => ({
      written: typeof value === 'string' ? value : null,
      patterns: [typeof value === 'string' ? sigmaString(value, modifiers.cased ?? false) : value],
      span: SPAN,
    })),
    span: SPAN,
  };
}

export function allOf(...items: DetectionNode[]): DetectionNode {
  return { kind: 'AllOf', items, span: SPAN };
}

export function anyOf(...items: DetectionNode[]): DetectionNode {
  return { kind: 'AnyOf', items, span: SPAN };
}

export const cond = {
  id: (name: string): ConditionNode => ({ kind: 'Identifier', name, span: SPAN }),
  and: (...operands: ConditionNode[]): ConditionNode => ({ kind: 'And', operands, span: SPAN }),
  or: (...operands: ConditionNode[]): ConditionNode => ({ kind: 'Or', operands, span: SPAN }),
  not: (operand: ConditionNode): ConditionNode => ({ kind: 'Not', operand, span: SPAN }),
  oneOf: (...identifiers: string[]): ConditionNode => ({ kind: 'Of', quantifier: 'one', pattern: 'x*', identifiers, span: SPAN }),
  allOf: (...identifiers: string[]): ConditionNode => ({ kind: 'Of', quantifier: 'all', pattern: 'x*', identifiers, span: SPAN }),
};

/** A rule with the given searches and condition (default: the only search). */
export function rule(
  searches: Record<string, DetectionNode>,
  condition?: ConditionNode,
  logsource: { category?: string; product?: string; service?: string } = { product: 'windows' },
): SigmaRule {
  const names = Object.keys(searches);
  return {
    kind: 'rule',
    title: 'Test rule',
    id: '00000000-0000-4000-8000-000000000000',
    related: [],
    references: [],
    fields: [],
    falsepositives: [],
    tags: [],
    scope: [],
    custom: {},
    origin: { file: 'test.yml', documentIndex: 0, span: SPAN, text: '' },
    logsource: { ...logsource, custom: {}, span: SPAN },
    detection: {
      searches: names.map((name) => ({ name, body: searches[name]!, span: SPAN })),
      condition: condition ?? cond.id(names[0]!),
      conditionTexts: [],
      span: SPAN,
    },
  };
}
