// Sigma regular expressions as JavaScript RegExp.

/** Flags of a Sigma regex after inline flags were moved out of the pattern. */
export interface RegexParts {
  source: string;
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

const LEADING_INLINE_FLAGS = /^\(\?([imsx]+)\)/;

/**
 * Moves a leading inline flag group such as `(?i)` into flags, because V8 before
 * Node.js 23 rejects inline modifiers. Other inline groups stay and fail to compile.
 */
export function normalizeRegex(source: string, flags: Omit<RegexParts, 'source'>): RegexParts {
  const result: RegexParts = { source, ...flags };
  const match = LEADING_INLINE_FLAGS.exec(source);
  if (match) {
    const inline = match[1]!;
    if (!inline.includes('x')) {
      result.source = source.slice(match[0].length);
      if (inline.includes('i')) result.ignoreCase = true;
      if (inline.includes('m')) result.multiline = true;
      if (inline.includes('s')) result.dotAll = true;
    }
  }
  return result;
}

/** Compiles a normalized Sigma regex. Without the `u` flag, because SigmaHQ rules use identity escapes like `\"`. */
export function compileRegex(parts: RegexParts): RegExp {
  const flags = `${parts.ignoreCase ? 'i' : ''}${parts.multiline ? 'm' : ''}${parts.dotAll ? 's' : ''}`;
  return new RegExp(parts.source, flags);
}

/**
 * True when a pattern nests unbounded quantifiers, e.g. `(a+)+` or `(\w*\s?)*`, the shape
 * that makes backtracking engines take exponential time. Such patterns run on the
 * linear-time matcher instead of RegExp.
 */
export function hasNestedQuantifier(source: string): boolean {
  // Stack of groups; each entry records whether the group contains an unbounded quantifier.
  const stack: boolean[] = [false];
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '[') {
      i = skipClass(source, i);
      continue;
    }
    if (char === '(') {
      stack.push(false);
      continue;
    }
    if (char === ')') {
      const innerUnbounded = stack.pop() ?? false;
      const quantifier = readQuantifier(source, i + 1);
      if (quantifier.unbounded && innerUnbounded) return true;
      if (stack.length === 0) stack.push(false);
      if (innerUnbounded || quantifier.unbounded) stack[stack.length - 1] = true;
      continue;
    }
    if (readQuantifier(source, i).unbounded) stack[stack.length - 1] = true;
  }
  return false;
}

function skipClass(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

function readQuantifier(source: string, index: number): { unbounded: boolean } {
  const char = source[index];
  if (char === '*' || char === '+') return { unbounded: true };
  if (char === '{') {
    const match = /^\{(\d*),(\d*)\}/.exec(source.slice(index));
    if (match && match[2] === '') return { unbounded: true };
    if (match && Number(match[2]) > 100) return { unbounded: true };
  }
  return { unbounded: false };
}
