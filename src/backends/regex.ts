// Sigma regular expressions (JavaScript syntax, search anywhere in the value) rewritten for the
// regex flavours of the targets. The pattern is parsed once with regjsparser; each flavour either
// patches the source at node ranges (RE2, PostgreSQL, PCRE) or regenerates it (Lucene).
import regjsparser, { type AstNode, type RootNode } from 'regjsparser';
import type { RegexPattern } from '../sigma/model.ts';

export interface RegexFlags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

/** A Sigma regex parsed into its syntax tree, with a leading inline `(?ims)` moved into the flags. */
export interface ParsedRegex {
  source: string;
  flags: RegexFlags;
  ast: RootNode<{ lookbehind: true }>;
}

/** A feature some flavours lack, named as it appears in error messages. */
export type RegexFeature = 'lookaround' | 'backreference' | 'word boundary' | 'unicode escape';

/** Parses a Sigma regex; throws with the parser's message when it is not valid JavaScript syntax. */
export function parseSigmaRegex(pattern: RegexPattern): ParsedRegex {
  let source = pattern.source;
  const flags: RegexFlags = {
    ignoreCase: pattern.ignoreCase,
    multiline: pattern.multiline,
    dotAll: pattern.dotAll,
  };
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline !== null) {
    source = source.slice(inline[0].length);
    if (inline[1]!.includes('i')) flags.ignoreCase = true;
    if (inline[1]!.includes('m')) flags.multiline = true;
    if (inline[1]!.includes('s')) flags.dotAll = true;
  }
  const ast = regjsparser.parse(source, '', { lookbehind: true });
  return { source, flags, ast };
}

/** Lists the features of a parsed regex that only some flavours support. */
export function regexFeatures(parsed: ParsedRegex): Set<RegexFeature> {
  const found = new Set<RegexFeature>();
  walk(parsed.ast, (node) => {
    if (node.type === 'group' && node.behavior !== 'normal' && node.behavior !== 'ignore') found.add('lookaround');
    if (node.type === 'reference') found.add('backreference');
    if (node.type === 'anchor' && (node.kind === 'boundary' || node.kind === 'not-boundary')) found.add('word boundary');
  });
  return found;
}

/** Calls `visit` on every node of the tree, parents first. */
export function walk(node: AstNode<{ lookbehind: true }>, visit: (node: AstNode<{ lookbehind: true }>) => void): void {
  visit(node);
  switch (node.type) {
    case 'alternative':
    case 'disjunction':
    case 'group':
    case 'quantifier':
      for (const child of node.body) walk(child, visit);
      break;
    case 'characterClass':
      // Class members (values, ranges, escapes) need no rewriting, so the walk stops here.
      break;
    default:
      break;
  }
}

/** How a patching flavour writes the constructs that differ from JavaScript. */
export interface PatchFlavour {
  /** `.` without dotAll: JavaScript excludes \n, \r, U+2028 and U+2029. */
  dotExcludingNewlines: string;
  wordBoundary?: string;
  notWordBoundary?: string;
  /** The largest count `{m,n}` may have (PostgreSQL: 255). Larger counts are rewritten as nested repeats. */
  maxRepeat?: number;
}

type Node = AstNode<{ lookbehind: true }>;

/**
 * Rewrites the source for a flavour whose syntax matches JavaScript for everything else
 * (RE2, PostgreSQL ARE, PCRE): dots outside classes, word boundaries and counted repeats over
 * the flavour's limit are replaced in place.
 */
export function patchRegexSource(parsed: ParsedRegex, flavour: PatchFlavour): string {
  const limit = flavour.maxRepeat ?? Number.POSITIVE_INFINITY;
  const replaced: Node[] = [];
  walk(parsed.ast, (node) => {
    if (node.type === 'dot' && !parsed.flags.dotAll) replaced.push(node);
    if (node.type === 'anchor' && node.kind === 'boundary' && flavour.wordBoundary !== undefined) replaced.push(node);
    if (node.type === 'anchor' && node.kind === 'not-boundary' && flavour.notWordBoundary !== undefined) replaced.push(node);
    if (node.type === 'quantifier' && (node.min > limit || (node.max ?? 0) > limit)) replaced.push(node);
  });
  replaced.sort((a, b) => a.range[0] - b.range[0]);

  // The source between `start` and `end` with every replaced node inside it rewritten.
  const render = (start: number, end: number): string => {
    let text = '';
    let position = start;
    for (const node of replaced) {
      if (node.range[0] < position || node.range[1] > end) continue;
      text += parsed.source.slice(position, node.range[0]) + replacement(node);
      position = node.range[1];
    }
    return text + parsed.source.slice(position, end);
  };

  const replacement = (node: Node): string => {
    switch (node.type) {
      case 'dot':
        return flavour.dotExcludingNewlines;
      case 'anchor':
        return (node.kind === 'boundary' ? flavour.wordBoundary : flavour.notWordBoundary) ?? node.raw;
      case 'quantifier': {
        const body = node.body[0]!;
        return splitRepeat(`(?:${render(body.range[0], body.range[1])})`, node.min, node.max, limit);
      }
      default:
        return node.raw;
    }
  };

  return render(0, parsed.source.length);
}

// `atom{min,max}` with every count at most `limit`, for a regex that is only tested for a match:
// `a{600}` is `(?:a{255}){2}a{90}` and `a{0,600}` is `(?:a{0,255}){0,2}a{0,90}`. Laziness only
// changes which text a match spans, so it is dropped.
function splitRepeat(atom: string, min: number, max: number | undefined, limit: number): string {
  const exactly = (count: number, unit: string): string => {
    if (count <= limit) return count === 0 ? '' : `${unit}{${count}}`;
    const rest = count % limit;
    return exactly(Math.floor(count / limit), `(?:${unit}{${limit}})`) + (rest === 0 ? '' : `${unit}{${rest}}`);
  };
  const upTo = (count: number, unit: string): string => {
    if (count <= limit) return count === 0 ? '' : `${unit}{0,${count}}`;
    const rest = count % limit;
    return upTo(Math.floor(count / limit), `(?:${unit}{0,${limit}})`) + (rest === 0 ? '' : `${unit}{0,${rest}}`);
  };
  return `(?:${exactly(min, atom)}${max === undefined ? `${atom}*` : upTo(max - min, atom)})`;
}
