// Loads a user's profile file (YAML or JSON text) into a Profile, with positioned diagnostics.
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type ParsedNode, type SchemaOptions } from 'yaml';
import type { Diagnostic } from '../sigma/diagnostics.ts';
import type { SourceSpan } from '../sigma/span.ts';
import { createProfile } from './profile.ts';
import { findBuiltinSpec } from './builtins.ts';
import { validateProfile } from './validate.ts';
import type { Profile } from './types.ts';

/** YAML 1.2 core without its int and float tags: `0x10` and `010` stay text, as in Sigma rules. */
const PROFILE_YAML: SchemaOptions = {
  customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || !/:(int|float)$/.test(tag.tag)),
};

/**
 * Loads a profile from the text of a YAML or JSON file. `fileName` is used in diagnostics only.
 * Returns the profile when the file has no error.
 *
 * @example
 * const { profile, diagnostics } = loadProfile(readFileSync(path, 'utf8'), path);
 */
export function loadProfile(text: string, fileName: string): { profile?: Profile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...PROFILE_YAML, lineCounter, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  for (const error of document.errors) {
    diagnostics.push({
      code: 'YAML_SYNTAX',
      severity: 'error',
      message: error.message.split('\n')[0]!,
      span: spanAt(fileName, lineCounter, error.pos[0], error.pos[1], []),
    });
  }
  if (diagnostics.length > 0) return { diagnostics };

  const { spec, issues } = validateProfile(document.toJS(), findBuiltinSpec);
  for (const issue of issues) {
    diagnostics.push({
      code: issue.code,
      severity: 'error',
      message: issue.message,
      // An unknown key is shown at the key itself, every other problem at the value.
      span: spanOfPath(fileName, lineCounter, document, issue.path, issue.code === 'INVALID_FIELD'),
    });
  }
  if (spec === undefined || diagnostics.length > 0) return { diagnostics };
  return { profile: createProfile(spec), diagnostics };
}

/** Returns the span of the node at `path`, or of its nearest ancestor that exists (e.g. for a missing key). */
function spanOfPath(
  file: string,
  lineCounter: LineCounter,
  document: Document.Parsed,
  path: Array<string | number>,
  atKey: boolean,
): SourceSpan {
  const key = atKey ? keyNode(document, path) : undefined;
  if (key !== undefined) return spanAt(file, lineCounter, key[0], key[1], path);
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    const node: unknown = length === 0 ? document.contents : document.getIn(prefix, true);
    if (isNode(node) && node.range !== undefined && node.range !== null) {
      const [start, , end] = (node as ParsedNode).range;
      return spanAt(file, lineCounter, start, end, path);
    }
  }
  return { file, line: 1, column: 1, yamlPath: path };
}

/** Returns the start and end offsets of the key that ends `path`, when its parent is a mapping. */
function keyNode(document: Document.Parsed, path: Array<string | number>): [number, number] | undefined {
  const parent: unknown = path.length <= 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
  const range = isNode(pair?.key) ? pair.key.range : undefined;
  return range ? [range[0], range[1]] : undefined;
}

function spanAt(file: string, lineCounter: LineCounter, start: number, end: number, path: Array<string | number>): SourceSpan {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(end);
  return { file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col, yamlPath: path };
}
