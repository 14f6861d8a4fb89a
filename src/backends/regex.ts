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
}

/**
 * Rewrites the source for a flavour whose syntax matches JavaScript for everything else
 * (RE2, PostgreSQL ARE, PCRE): dots outside classes and word boundaries are replaced in place.
 */
export function patchRegexSource(parsed: ParsedRegex, flavour: PatchFlavour): string {
  const patches: Array<{ start: number; end: number; text: string }> = [];
  walk(parsed.ast, (node) => {
    if (node.type === 'dot' && !parsed.flags.dotAll) {
      patches.push({ start: node.range[0], end: node.range[1], text: flavour.dotExcludingNewlines });
    }
    if (node.type === 'anchor' && node.kind === 'boundary' && flavour.wordBoundary !== undefined) {
      patches.push({ start: node.range[0], end: node.range[1], text: flavour.wordBoundary });
    }
    if (node.type === 'anchor' && node.kind === 'not-boundary' && flavour.notWordBoundary !== undefined) {
      patches.push({ start: node.range[0], end: node.range[1], text: flavour.notWordBoundary });
    }
  });
  patches.sort((a, b) => a.start - b.start);
  let text = '';
  let position = 0;
  for (const patch of patches) {
    text += parsed.source.slice(position, patch.start) + patch.text;
    position = patch.end;
  }
  return text + parsed.source.slice(position);
}
